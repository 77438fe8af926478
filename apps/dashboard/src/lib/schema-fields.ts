// Turns a connector's config JSON schema into form fields, and form values back into a sink.
import type { JsonSchema } from '../api/types';

export type FieldKind = 'text' | 'url' | 'password' | 'number' | 'boolean' | 'select' | 'rows' | 'strings' | 'json';

export interface FieldSpec {
  key: string;
  label: string;
  help?: string;
  kind: FieldKind;
  required: boolean;
  defaultValue?: unknown;
  options?: string[];
  /** Sub-fields of one row, for arrays of objects. */
  rowFields?: FieldSpec[];
  min?: number;
  max?: number;
}

const WORDS: Record<string, string> = { http: 'HTTP', url: 'URL', api: 'API', id: 'ID', ms: '(ms)', pii: 'PII', arn: 'ARN', hec: 'HEC', tls: 'TLS' };

/** `httpContentType` → "HTTP Content Type", `flushAfterMs` → "Flush After (ms)". */
export function labelOf(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((w) => WORDS[w.toLowerCase()] ?? w.charAt(0).toUpperCase() + w.slice(1))
    .join(' ');
}

/** A field (or a union branch holding one) that only the operator's config file may set: forms leave it out. */
function operatorOnly(s: JsonSchema): boolean {
  return s.operatorOnly === true || Object.values(s.properties ?? {}).some((p) => p.operatorOnly === true);
}

/** The non-null branch of an optional/nullable schema (`anyOf: [X, {type: null}]`), operator-only branches left out. */
function unwrap(s: JsonSchema): JsonSchema {
  const list = s.anyOf ?? s.oneOf;
  if (list) {
    const rest = list.filter((b) => b.type !== 'null' && !operatorOnly(b));
    if (rest.length === 1) return { ...(rest[0] as JsonSchema), description: s.description ?? rest[0]?.description, default: s.default ?? rest[0]?.default };
  }
  return s;
}

function kindOf(s: JsonSchema): Omit<FieldSpec, 'key' | 'label' | 'required'> {
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type;
  if (s.secret || s.writeOnly) return { kind: 'password' };
  if (s.enum && s.enum.every((v) => typeof v === 'string')) return { kind: 'select', options: s.enum as string[] };
  if (type === 'boolean') return { kind: 'boolean' };
  if (type === 'integer' || type === 'number')
    return { kind: 'number', ...(s.minimum !== undefined ? { min: s.minimum } : {}), ...(s.maximum !== undefined ? { max: s.maximum } : {}) };
  if (type === 'string') return { kind: s.format === 'uri' ? 'url' : 'text' };
  if (type === 'array' && s.items) {
    const item = unwrap(s.items);
    if (item.type === 'object' && item.properties) return { kind: 'rows', rowFields: fieldsOf(item) };
    if (item.type === 'string') return { kind: 'strings' };
  }
  return { kind: 'json' };
}

/** One field per top-level property, in schema order; operator-only fields are not offered. */
export function fieldsOf(schema: JsonSchema): FieldSpec[] {
  const root = unwrap(schema);
  const required = new Set(root.required ?? []);
  return Object.entries(root.properties ?? {})
    .filter(([, raw]) => !operatorOnly(raw))
    .map(([key, raw]) => {
      const s = unwrap(raw);
      const hasDefault = raw.default !== undefined || s.default !== undefined;
      return {
        key,
        label: s.title ?? labelOf(key),
        ...(s.description ? { help: s.description } : {}),
        required: required.has(key) && !hasDefault,
        ...(hasDefault ? { defaultValue: raw.default ?? s.default } : {}),
        ...kindOf(s),
      };
    });
}

export type FormValues = Record<string, unknown>;

/** Form values for a new stream: defaults where the schema has them. */
export function initialValues(fields: FieldSpec[]): FormValues {
  const out: FormValues = {};
  for (const f of fields) {
    if (f.kind === 'rows') out[f.key] = Array.isArray(f.defaultValue) ? f.defaultValue : [];
    else if (f.kind === 'strings') out[f.key] = Array.isArray(f.defaultValue) ? (f.defaultValue as string[]).join(', ') : '';
    else if (f.kind === 'json') out[f.key] = f.defaultValue === undefined ? '' : JSON.stringify(f.defaultValue);
    else if (f.kind === 'boolean') out[f.key] = f.defaultValue === true;
    else out[f.key] = f.defaultValue === undefined ? '' : String(f.defaultValue);
  }
  return out;
}

/** Form values from a stored (masked) sink, for the settings view. */
export function valuesFromSink(fields: FieldSpec[], sink: Record<string, unknown>): FormValues {
  const out = initialValues(fields);
  for (const f of fields) {
    const v = sink[f.key];
    if (v === undefined || v === null) continue;
    if (f.kind === 'rows') out[f.key] = Array.isArray(v) ? v : [];
    else if (f.kind === 'strings') out[f.key] = Array.isArray(v) ? v.join(', ') : String(v);
    else if (f.kind === 'json') out[f.key] = JSON.stringify(v);
    else if (f.kind === 'boolean') out[f.key] = v === true;
    else out[f.key] = String(v);
  }
  return out;
}

/** The sink to send: empty optional fields left out, numbers and lists parsed; field errors for bad values. */
export function sinkFromValues(fields: FieldSpec[], values: FormValues): { sink: Record<string, unknown>; errors: Record<string, string> } {
  const sink: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.key];
    if (f.kind === 'boolean') {
      sink[f.key] = v === true;
      continue;
    }
    if (f.kind === 'rows') {
      const rows = (v as Array<Record<string, string>>).filter((r) => Object.values(r).some((x) => String(x ?? '').trim() !== ''));
      if (rows.length) sink[f.key] = rows;
      continue;
    }
    const text = String(v ?? '').trim();
    if (!text) {
      if (f.required) errors[f.key] = 'Required.';
      continue;
    }
    if (f.kind === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) errors[f.key] = 'Must be a number.';
      else sink[f.key] = n;
    } else if (f.kind === 'strings') {
      sink[f.key] = text
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);
    } else if (f.kind === 'json') {
      try {
        sink[f.key] = JSON.parse(text);
      } catch {
        errors[f.key] = 'Must be valid JSON.';
      }
    } else sink[f.key] = text;
  }
  return { sink, errors };
}

/** API issue paths (`sink.httpEndpoint`, `sink.httpCustomHeaders.0.header`) → field key → message. */
export function issuesByField(issues: Array<{ path: string; message: string }>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of issues) {
    const key = i.path.replace(/^sink\.?/, '').split(/[.[]/)[0] || '_';
    out[key] = out[key] ? `${out[key]} ${i.message}` : i.message;
  }
  return out;
}
