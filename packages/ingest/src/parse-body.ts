// Turns a request body (JSON array/object or NDJSON) into a PreparedBatch, all or nothing.
import { isUtf8 } from 'node:buffer';
import { EnvelopeWriter } from './envelope-writer.js';
import { addLine, endBody, type Context } from './parse-item.js';
import { parseJson } from './parse-json-body.js';
import type { BodyFormat, ParseOptions, ParseOutcome } from './types.js';

const NEWLINE = 0x0a;
const CR = 0x0d;
/** Envelope bytes per event beyond the event's own: prefix, log_id twice (when generated), date, suffix. */
const ENVELOPE_OVERHEAD = 192;

/**
 * A writer sized so that the common body never grows it. NDJSON: one event at most per line. JSON:
 * items are unknown before the scan, so reserve a quarter more (reserved, untouched memory is free).
 */
function writerFor(body: Buffer, format: BodyFormat): EnvelopeWriter {
  if (format === 'json') return new EnvelopeWriter(body.length + (body.length >> 2) + 8192, (body.length >> 8) + 16);
  let lines = 1;
  for (let nl = body.indexOf(NEWLINE); nl >= 0; nl = body.indexOf(NEWLINE, nl + 1)) lines++;
  return new EnvelopeWriter(body.length + lines * ENVELOPE_OVERHEAD, lines);
}

/** Picks the body format from a Content-Type header, or undefined when unsupported. */
export function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const mime = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase();
  if (mime === 'application/json' || mime === 'text/json') return 'json';
  if (
    mime === 'application/x-ndjson' ||
    mime === 'application/ndjson' ||
    mime === 'application/jsonl' ||
    mime === 'application/json-lines' ||
    mime === 'application/jsonlines'
  )
    return 'ndjson';
  return undefined;
}

export function parseBody(body: Buffer, format: BodyFormat, options: ParseOptions): ParseOutcome {
  if (!isUtf8(body)) return { ok: false, message: 'The body is not valid UTF-8.', issues: [] };
  const nowIso = new Date(options.now).toISOString();
  const ctx: Context = {
    body,
    bytes: new Uint8Array(body.buffer, body.byteOffset, body.length),
    now: options.now,
    ids: options.ids,
    maxEventBytes: options.maxEventBytes ?? 1024 * 1024,
    maxEvents: options.maxEvents ?? 10_000,
    maxIssues: options.maxIssues ?? 100,
    nowIso,
    squash: format === 'json' && (body.indexOf(NEWLINE) >= 0 || body.indexOf(CR) >= 0),
    dateInject: Buffer.from(`"date":"${nowIso}",`, 'latin1'),
    writer: writerFor(body, format),
    issues: [],
    failed: 0,
    good: 0,
  };
  const early = format === 'ndjson' ? parseNdjson(body, ctx) : parseJson(ctx);
  endBody();
  if (early) return { ok: false, message: early, issues: [] };
  if (ctx.failed > 0) {
    const total = ctx.good + ctx.failed;
    return { ok: false, message: `${ctx.failed} of ${total} events are invalid; nothing was stored.`, issues: ctx.issues };
  }
  if (ctx.writer.count === 0) return { ok: false, message: 'The body holds no events.', issues: [] };
  return { ok: true, batch: ctx.writer.finish(options.tenant) };
}

function tooMany(ctx: Context, index: number): string | undefined {
  return index >= ctx.maxEvents ? `The body holds more than ${ctx.maxEvents} events; send at most ${ctx.maxEvents} per request.` : undefined;
}

/** True when the line holds only whitespace (as String.prototype.trim sees it). */
function blank(body: Buffer, start: number, end: number): boolean {
  return body.toString('utf8', start, end).trim() === '';
}

function parseNdjson(body: Buffer, ctx: Context): string | undefined {
  let pos = 0;
  let line = 0;
  let index = 0;
  while (pos < body.length) {
    let nl = body.indexOf(NEWLINE, pos);
    if (nl < 0) nl = body.length;
    let end = nl;
    if (end > pos && body[end - 1] === CR) end--;
    line++;
    const start = pos;
    pos = nl + 1;
    if (end === start) continue;
    if (body[start] !== 0x7b && blank(body, start, end)) continue;
    const over = tooMany(ctx, index);
    if (over) return over;
    if (end - start > ctx.maxEventBytes) {
      ctx.failed++;
      const message = `event is ${end - start} bytes; the limit is ${ctx.maxEventBytes}`;
      if (ctx.issues.length < ctx.maxIssues) ctx.issues.push({ index, line, message });
      index++;
      continue;
    }
    addLine(ctx, start, end, index++, line);
  }
  return undefined;
}
