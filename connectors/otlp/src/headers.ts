// The `headers` field: a map of header name → secret value, or the OTEL_EXPORTER_OTLP_HEADERS text `name=value,…`.
import { headerName, headerNameProblem, secretHeaderValue } from '@outflow/core';
import { z } from 'zod';

/** Headers the connector sets itself (or Node does): they cannot be overridden. */
const RESERVED = new Set(['content-type', 'content-encoding', 'content-length', 'host', 'transfer-encoding', 'connection', 'user-agent']);
const MAX_HEADERS = 32;

const map = z.record(headerName().max(256), secretHeaderValue()).superRefine((h, ctx) => {
  for (const name of Object.keys(h)) {
    if (headerNameProblem(name)) continue;
    if (RESERVED.has(name.toLowerCase())) ctx.addIssue({ code: 'custom', path: [name], message: `${name} is set by the connector and cannot be configured` });
  }
  if (Object.keys(h).length > MAX_HEADERS) ctx.addIssue({ code: 'custom', message: `at most ${MAX_HEADERS} headers` });
});

/**
 * `api-key=abc,X-Scope-OrgID=tenant%201`: comma-separated `name=value` pairs, values percent-decoded,
 * as OTEL_EXPORTER_OTLP_HEADERS (and vendors' setup pages) write them. The problem is named without quoting values.
 */
export function parseOtlpHeaders(text: string): Record<string, string> | string {
  const out: Record<string, string> = {};
  for (const [i, pair] of text.split(',').entries()) {
    if (!pair.trim()) continue;
    const at = pair.indexOf('=');
    if (at <= 0) return `pair ${i + 1} must be name=value`;
    try {
      out[pair.slice(0, at).trim()] = decodeURIComponent(pair.slice(at + 1).trim());
    } catch {
      return `the value of pair ${i + 1} is not valid percent-encoding`;
    }
  }
  return out;
}

/** The text form becomes the map before validation (a bad text is reported as such, without its values). */
const fromText = (value: unknown, ctx: { addIssue(issue: { code: 'custom'; message: string; input: unknown }): void }): unknown => {
  if (typeof value !== 'string') return value;
  const parsed = parseOtlpHeaders(value);
  if (typeof parsed !== 'string') return parsed;
  ctx.addIssue({ code: 'custom', message: parsed, input: '' });
  return {};
};

/** Every value is a secret; the field is marked secret as a whole, so the API masks it and a new endpoint needs it again. */
export const headersSchema = z
  .preprocess(fromText, map)
  .default({})
  .meta({ secret: true, writeOnly: true })
  .describe(
    'Extra request headers: a map (`{"api-key": "<New Relic license key>"}`) or the OTEL_EXPORTER_OTLP_HEADERS text (`api-key=<key>,X-Scope-OrgID=tenant1`). Every value is a secret: hidden in the API, logs and previews. Content-Type, Content-Encoding, Content-Length, Host and User-Agent cannot be set.',
  );
