// Finds secret strings in anything a connector hands out: results, errors, logs, previews.
import { inspect } from 'node:util';

/** Every text form of a value a log pipeline or a user could see: JSON, deep inspect, error chains. */
export function renderings(value: unknown): string[] {
  const out: string[] = [];
  try {
    out.push(JSON.stringify(value) ?? '');
  } catch {
    // Circular values still get inspected below.
  }
  out.push(inspect(value, { depth: 8, breakLength: Infinity, maxArrayLength: 50, maxStringLength: 100_000 }));
  const seen = new Set<unknown>();
  const walkErrors = (v: unknown, depth: number) => {
    if (!v || typeof v !== 'object' || seen.has(v) || depth > 6) return;
    seen.add(v);
    if (v instanceof Error) out.push(v.message, v.stack ?? '', String(v));
    for (const child of Object.values(v as Record<string, unknown>)) walkErrors(child, depth + 1);
    if (v instanceof Error && v.cause) walkErrors(v.cause, depth + 1);
  };
  walkErrors(value, 0);
  return out;
}

/** The secrets (by position, not value) found in `value`; empty when clean. */
export function findSecretLeaks(value: unknown, secrets: readonly string[]): string[] {
  const texts = renderings(value);
  const found: string[] = [];
  secrets.forEach((secret, i) => {
    if (secret && texts.some((t) => t.includes(secret))) found.push(`secretValues[${i}] (${secret.length} chars)`);
  });
  return found;
}
