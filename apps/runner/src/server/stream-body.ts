// Reads a new stream's body reporting every error in one pass: its fields and, when its type and sink parse, the sink's own checks.
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { zodIssues } from '../config/load.js';
import { validateStreamSink } from '../config/validate-streams.js';
import type { ApiDeps } from './api-deps.js';
import { readJson } from './json-body.js';
import { HttpError } from './respond.js';
import { operatorOnlyIssues } from './sink-check.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export async function readStreamBody<S extends z.ZodType>(req: IncomingMessage, schema: S, deps: ApiDeps, tenant: string): Promise<z.output<S>> {
  const raw = await readJson(req, z.unknown());
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = zodIssues(parsed.error);
  if (isObject(raw) && typeof raw.type === 'string' && raw.type !== '' && isObject(raw.sink)) {
    const refused = operatorOnlyIssues(deps, raw.type, raw.sink);
    const stream = { type: raw.type, sink: raw.sink, name: typeof raw.name === 'string' ? raw.name : 'stream', tenant };
    const sinkIssues = refused.length ? refused : await validateStreamSink(stream, deps.registry, deps.openConnector, '');
    const seen = new Set(issues.map((i) => i.path));
    issues.push(...sinkIssues.filter((i) => !seen.has(i.path)));
  }
  throw new HttpError(400, `Payload validation error: ${issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; ')}.`, 'invalid_body', {
    errors: issues,
  });
}
