// Secret config values: marked in the zod schema, hidden from JSON, inspect and messages.
import { inspect } from 'node:util';
import { z } from 'zod';
import { BRANDS, brandOf } from './brands.js';
import { REDACTED } from './redact.js';

const values = new WeakMap<Secret, string>();

/**
 * A secret config value. `reveal()` is the only way to read it; other copies of core read it
 * through the `Symbol.for('outflow.secret')` method (`revealSecret`).
 */
export class Secret {
  constructor(value: string) {
    values.set(this, value);
  }
  reveal(): string {
    return values.get(this) as string;
  }
  [BRANDS.secret](): string {
    return values.get(this) as string;
  }
  toJSON(): string {
    return REDACTED;
  }
  toString(): string {
    return REDACTED;
  }
  [inspect.custom](): string {
    return `Secret(${REDACTED})`;
  }
}

/** Marks a schema field as secret: write-only in the API, masked in every output. */
export function secret(description?: string) {
  return secretOf(z.string(), description);
}

/** A secret built on a string schema with its own checks (e.g. `secretHeaderValue`). */
export function secretOf(base: z.ZodString, description?: string) {
  return base
    .min(1, 'must not be empty')
    .transform((value) => new Secret(value))
    .meta({ secret: true, writeOnly: true, ...(description ? { description } : {}) });
}

/** JSON Schema of a config schema's input, with secret fields carrying `secret: true`. */
export function configJsonSchema(schema: z.ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}

/** Dotted paths of the config fields whose JSON schema carries `mark: true` (looks through unions and optionals). */
export function markedPaths(schema: z.ZodType, mark: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (n[mark] === true && path) out.push(path);
    const props = n.properties as Record<string, unknown> | undefined;
    if (props) for (const [k, v] of Object.entries(props)) walk(v, path ? `${path}.${k}` : k);
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = n[key];
      if (Array.isArray(list)) for (const v of list) walk(v, path);
    }
  };
  walk(configJsonSchema(schema), '');
  return [...new Set(out)];
}

/** Dotted paths of the secret fields of a config schema (`httpAuthorization`, `auth.token`). */
export function secretPaths(schema: z.ZodType): string[] {
  return markedPaths(schema, 'secret');
}

/** A Secret from any copy of @outflow/core (it carries the reveal method under the brand). */
export function isSecret(value: unknown): value is Secret {
  return typeof brandOf(value, BRANDS.secret) === 'function';
}

/** The value of a secret from any copy of core; other values are returned unchanged. */
export function revealSecret(value: unknown): unknown {
  if (!isSecret(value)) return value;
  const text: unknown = (value as unknown as Record<symbol, () => unknown>)[BRANDS.secret]!();
  return typeof text === 'string' ? text : '';
}

/** Every secret string found in a parsed config (for redacting messages). */
export function collectSecrets(value: unknown, out: string[] = []): string[] {
  if (isSecret(value)) out.push(revealSecret(value) as string);
  else if (Array.isArray(value)) for (const v of value) collectSecrets(v, out);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) collectSecrets(v, out);
  return out;
}

/** A copy of a raw (unparsed) sink with the values at `paths` replaced by a mask. */
export function maskAtPaths<T extends Record<string, unknown>>(raw: T, paths: readonly string[], mask = REDACTED): T {
  const copy = structuredClone(raw);
  for (const path of paths) {
    const keys = path.split('.');
    let node: Record<string, unknown> | undefined = copy;
    for (let i = 0; i < keys.length - 1 && node; i++) {
      const next: unknown = node[keys[i] as string];
      node = next && typeof next === 'object' ? (next as Record<string, unknown>) : undefined;
    }
    const last = keys[keys.length - 1] as string;
    if (node && node[last] !== undefined && node[last] !== null && node[last] !== '') node[last] = mask;
  }
  return copy;
}

/** Values at `paths` of a raw sink (to redact them from text). */
export function valuesAtPaths(raw: Record<string, unknown>, paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const path of paths) {
    let node: unknown = raw;
    for (const k of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[k] : undefined;
    if (typeof node === 'string' && node) out.push(node);
  }
  return out;
}
