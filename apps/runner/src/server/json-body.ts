// Parses a JSON (or form-urlencoded) API body against a zod schema; errors name the field.
import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { zodIssues } from '../config/load.js';
import { readBody } from './read-body.js';
import { HttpError } from './respond.js';

const API_BODY_LIMIT = 256 * 1024;

function fromForm(text: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    let v: unknown = value;
    if (/^[[{]/.test(value) || value === 'true' || value === 'false') {
      try {
        v = JSON.parse(value);
      } catch {
        /* keep the text */
      }
    }
    const path = key.replace(/\]/g, '').split('[');
    let node = out;
    path.forEach((k, i) => {
      if (i === path.length - 1) node[k] = v;
      else node = (node[k] ??= {}) as Record<string, unknown>;
    });
  }
  return out;
}

export async function readJson<S extends z.ZodType>(req: IncomingMessage, schema: S): Promise<z.output<S>> {
  const body = await readBody(req, API_BODY_LIMIT);
  const type = (req.headers['content-type'] ?? 'application/json').split(';')[0]?.trim().toLowerCase();
  let value: unknown;
  if (type === 'application/x-www-form-urlencoded') value = fromForm(body.toString('utf8'));
  else if (type === 'application/json' || body.length === 0) {
    try {
      value = body.length ? JSON.parse(body.toString('utf8')) : {};
    } catch (err) {
      throw new HttpError(400, `The body is not valid JSON: ${(err as Error).message}`, 'invalid_body');
    }
  } else throw new HttpError(415, `Unsupported Content-Type "${type}"; send application/json.`, 'unsupported_media_type');
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    throw new HttpError(400, `Payload validation error: ${issues.map((i) => `${i.path || 'body'}: ${i.message}`).join('; ')}.`, 'invalid_body', {
      errors: issues,
    });
  }
  return parsed.data;
}
