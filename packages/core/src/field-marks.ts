// Config fields marked in the schema: operator-only (reach the runner's machine) and destination (pick where data goes).
import type { z } from 'zod';
import { configJsonSchema, markedPaths, revealSecret } from './secrets.js';

/**
 * Marks a field that reaches the runner's own machine (files, sockets, processes, ambient
 * credentials): it may be set in the operator's config file, never through the management API.
 */
export function operatorOnly<T extends z.ZodType>(schema: T, reason: string): T {
  return schema.meta({ operatorOnly: true, operatorOnlyReason: reason }) as T;
}

/** Marks a field that picks where a sink sends (URL, host, region): changing it needs the secrets again. */
export function destination<T extends z.ZodType>(schema: T): T {
  return schema.meta({ destination: true }) as T;
}

export interface OperatorOnlyField {
  /** Dotted path in the sink, e.g. `target.file`. */
  path: string;
  /** Why the field is kept to the operator's config file. */
  reason: string;
}

/** The operator-only fields of a config schema, with their reasons. */
export function operatorOnlyFields(schema: z.ZodType): OperatorOnlyField[] {
  const json = configJsonSchema(schema);
  return markedPaths(schema, 'operatorOnly').map((path) => ({ path, reason: reasonAt(json, path) }));
}

/** Dotted paths of the operator-only fields of a config schema. */
export function operatorOnlyPaths(schema: z.ZodType): string[] {
  return markedPaths(schema, 'operatorOnly');
}

/** Dotted paths of the fields that pick a sink's destination. */
export function destinationPaths(schema: z.ZodType): string[] {
  return markedPaths(schema, 'destination');
}

/** The value at a dotted path of a sink (raw or parsed), or undefined. */
export function valueAtPath(value: unknown, path: string): unknown {
  let node = value;
  for (const key of path.split('.')) node = node && typeof node === 'object' && !Array.isArray(node) ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

/** What a destination value compares by: a URL by its origin (scheme, host, port), anything else by its JSON. */
function destinationKey(value: unknown): string {
  const plain = revealSecret(value);
  if (typeof plain === 'string' && /^[a-z][a-z0-9+.-]*:\/\//i.test(plain) && URL.canParse(plain)) {
    const url = new URL(plain);
    return `url ${url.protocol}//${url.host}`;
  }
  return JSON.stringify(plain) ?? 'undefined';
}

/**
 * The destination fields whose value differs between two sinks. Both are parsed first when
 * they can be (so defaults count: an omitted region equals its default).
 */
export function changedDestinationPaths(schema: z.ZodType, before: unknown, after: unknown): string[] {
  const normal = (sink: unknown) => {
    const parsed = schema.safeParse(sink);
    return parsed.success ? parsed.data : sink;
  };
  const a = normal(before);
  const b = normal(after);
  return destinationPaths(schema).filter((path) => destinationKey(valueAtPath(a, path)) !== destinationKey(valueAtPath(b, path)));
}

function reasonAt(json: unknown, path: string): string {
  let found = "it reaches the runner's own machine";
  const walk = (node: unknown, rest: string[]) => {
    if (!node || typeof node !== 'object') return;
    const n = node as Record<string, unknown>;
    if (!rest.length) {
      if (n.operatorOnly === true && typeof n.operatorOnlyReason === 'string') found = n.operatorOnlyReason;
    } else {
      const props = n.properties as Record<string, unknown> | undefined;
      if (props) walk(props[rest[0] as string], rest.slice(1));
    }
    for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
      const list = n[key];
      if (Array.isArray(list)) for (const v of list) walk(v, rest);
    }
  };
  walk(json, path.split('.'));
  return found;
}
