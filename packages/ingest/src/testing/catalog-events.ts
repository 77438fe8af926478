// One schema-valid event per Tenant Log Catalog code, generated from the catalog's JSON Schema (test/fixtures); `@outflow/ingest/testing`.
import { readFileSync } from 'node:fs';

/** The JSON Schema keywords the catalog uses. */
export interface Schema {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  examples?: unknown[];
  format?: string;
  pattern?: string;
  maxLength?: number;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  allOf?: Schema[];
  oneOf?: Schema[];
}

const FIXTURE = new URL('../../test/fixtures/tenant-logs-schema.json', import.meta.url);

/** The catalog's event schemas by type code (167 of them). */
export const CATALOG: Readonly<Record<string, Schema>> = (JSON.parse(readFileSync(FIXTURE, 'utf8')) as { components: { schemas: Record<string, Schema> } })
  .components.schemas;

/** True when the schema says nothing about the value's type: any JSON value fits. */
export function untyped(s: Schema): boolean {
  return s.type === undefined && s.const === undefined && s.enum === undefined && !s.anyOf && !s.allOf && !s.oneOf;
}

/** JSON type names a value of schema `s` may have ('any' when untyped anywhere inside). */
export function typesOf(s: Schema): Set<string> {
  if (untyped(s)) return new Set(['any']);
  if (s.const !== undefined) return new Set([jsonType(s.const)]);
  if (s.enum) return new Set(s.enum.map(jsonType));
  if (s.type !== undefined) return new Set(Array.isArray(s.type) ? s.type : [s.type]);
  const parts = (s.anyOf ?? s.oneOf ?? []).map(typesOf);
  // allOf: the value fits every part, so its types are those all parts allow.
  if (s.allOf) return s.allOf.map(typesOf).reduce((a, b) => (a.has('any') ? b : b.has('any') ? a : new Set([...a].filter((t) => b.has(t)))));
  return new Set(parts.flatMap((p) => [...p]));
}

function jsonType(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'number' ? 'number' : typeof v;
}

/** A string matching the catalog's patterns, all of the form ^prefix[class]{n}$. */
function fromPattern(pattern: string): string {
  const m = /^\^([^[]*)\[([^\]]+)\]\{(\d+)\}\$$/.exec(pattern);
  if (!m) throw new Error(`Pattern ${pattern} is not of the form ^prefix[class]{n}$`);
  const text = m[1]! + m[2]![0]!.repeat(Number(m[3]));
  if (!new RegExp(pattern, 'u').test(text)) throw new Error(`Generated ${text} does not match ${pattern}`);
  return text;
}

function stringFor(s: Schema, name: string): string {
  if (s.pattern) return fromPattern(s.pattern);
  if (s.format === 'date-time') return '2026-12-07T10:30:00.000Z';
  if (s.format === 'ipv4') return '203.0.113.7';
  if (s.format === 'ipv6') return '2001:db8::7';
  const example = s.examples?.find((e) => typeof e === 'string');
  const text = typeof example === 'string' ? example : `${name} value`;
  return s.maxLength !== undefined ? text.slice(0, s.maxLength) : text;
}

/** A value that fits schema `s` (every listed property included); `name` is the property it is for. */
export function valueFor(s: Schema, name: string): unknown {
  if (s.const !== undefined) return s.const;
  if (s.enum) return s.enum[0];
  if (s.allOf) {
    const parts = s.allOf.map((p) => valueFor(p, name));
    return parts.every((p) => jsonType(p) === 'object') ? Object.assign({}, ...parts) : parts[0];
  }
  const choice = s.anyOf?.[0] ?? s.oneOf?.[0];
  if (choice) return valueFor(choice, name);
  if (untyped(s)) return `${name}: untyped in the catalog`;
  const types = Array.isArray(s.type) ? s.type : [s.type];
  const type = types.find((t) => t !== 'null') ?? 'null';
  switch (type) {
    case 'string':
      return stringFor(s, name);
    case 'number':
    case 'integer':
      return 1;
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'array':
      return s.items ? [valueFor(s.items, name)] : [];
    default:
      return Object.fromEntries(Object.entries(s.properties ?? {}).map(([k, p]) => [k, valueFor(p, k)]));
  }
}

/** The event of catalog code `code`, with log_id `logId` (a string details where the catalog leaves details untyped). */
export function catalogEvent(code: string, logId: string): Record<string, unknown> {
  const schema = CATALOG[code];
  if (!schema) throw new Error(`${code} is not a catalog code`);
  const event = valueFor(schema, code) as Record<string, unknown>;
  if (event.type !== code) throw new Error(`${code}: the schema's type is not const ${code}`);
  event.log_id = logId;
  return event;
}

/** Where `v` breaks schema `s` (a path and what), or undefined when it fits: a check of the generator. */
export function misfit(v: unknown, s: Schema, path = ''): string | undefined {
  if (s.const !== undefined && v !== s.const) return `${path}: not the const`;
  if (s.enum && !s.enum.includes(v)) return `${path}: not in the enum`;
  if (s.allOf)
    for (const p of s.allOf) {
      const m = misfit(v, p, path);
      if (m) return m;
    }
  const choices = s.anyOf ?? s.oneOf;
  if (choices && choices.every((p) => misfit(v, p, path) !== undefined)) return `${path}: fits none of anyOf/oneOf`;
  if (s.type === undefined) return undefined;
  const t = jsonType(v);
  const types = Array.isArray(s.type) ? s.type : [s.type];
  if (!types.includes(t) && !(t === 'number' && types.includes('integer'))) return `${path}: ${t} is not ${types.join('|')}`;
  if (typeof v === 'string') {
    if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) return `${path}: does not match ${s.pattern}`;
    if (s.maxLength !== undefined && v.length > s.maxLength) return `${path}: longer than ${s.maxLength}`;
    if (s.format === 'date-time' && Number.isNaN(Date.parse(v))) return `${path}: not a date-time`;
  }
  if (Array.isArray(v) && s.items)
    for (const [i, x] of v.entries()) {
      const m = misfit(x, s.items, `${path}[${i}]`);
      if (m) return m;
    }
  if (t === 'object') {
    const o = v as Record<string, unknown>;
    for (const k of s.required ?? []) if (!(k in o)) return `${path}.${k}: required`;
    for (const [k, p] of Object.entries(s.properties ?? {}))
      if (k in o) {
        const m = misfit(o[k], p, `${path}.${k}`);
        if (m) return m;
      }
  }
  return undefined;
}

/** Codes whose details the catalog leaves untyped. */
export const UNTYPED_DETAILS: readonly string[] = Object.keys(CATALOG).filter((c) => {
  const d = CATALOG[c]!.properties?.details;
  return d !== undefined && untyped(d);
});
