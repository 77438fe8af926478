// A config schema that accepts and drops fields a connector no longer has, so stored configs carrying them still load.
import { z } from 'zod';

/**
 * `schema` behind a step that deletes the top-level `fields` from the input: old configs keep
 * parsing, the parsed config and the JSON schema (forms, docs) no longer have them.
 */
export function withIgnoredFields<S extends z.ZodType>(schema: S, fields: readonly string[]): z.ZodType<z.output<S>, z.input<S>> {
  const drop = (input: unknown) => {
    if (!input || typeof input !== 'object' || Array.isArray(input) || !fields.some((f) => f in input)) return input;
    const copy: Record<string, unknown> = { ...(input as Record<string, unknown>) };
    for (const field of fields) delete copy[field];
    return copy;
  };
  return z.preprocess(drop, schema) as unknown as z.ZodType<z.output<S>, z.input<S>>;
}
