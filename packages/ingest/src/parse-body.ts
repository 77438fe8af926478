// Turns a request body (JSON array/object or NDJSON) into a PreparedBatch, all or nothing.
import { isUtf8 } from 'node:buffer';
import { EnvelopeWriter } from './envelope-writer.js';
import { readItem, type ItemFields } from './event-fields.js';
import type { BodyFormat, ItemIssue, ParseOptions, ParseOutcome } from './types.js';

const NEWLINE = 0x0a;
const CR = 0x0d;
const ENVELOPE_OVERHEAD = 160;

interface Context {
  opts: Required<Omit<ParseOptions, 'tenant' | 'ids' | 'now'>> & ParseOptions;
  nowIso: string;
  writer: EnvelopeWriter;
  issues: ItemIssue[];
  failed: number;
  good: number;
}

/** Picks the body format from a Content-Type header, or undefined when unsupported. */
export function bodyFormat(contentType: string | undefined): BodyFormat | undefined {
  const mime = (contentType ?? 'application/json').split(';')[0]?.trim().toLowerCase();
  if (mime === 'application/json' || mime === 'text/json') return 'json';
  if (mime === 'application/x-ndjson' || mime === 'application/ndjson' || mime === 'application/jsonl' || mime === 'application/json-lines' || mime === 'application/jsonlines') return 'ndjson';
  return undefined;
}

export function parseBody(body: Buffer, format: BodyFormat, options: ParseOptions): ParseOutcome {
  if (!isUtf8(body)) return { ok: false, message: 'The body is not valid UTF-8.', issues: [] };
  const ctx: Context = {
    opts: { maxEventBytes: 1024 * 1024, maxEvents: 10_000, maxIssues: 100, ...options },
    nowIso: new Date(options.now).toISOString(),
    writer: new EnvelopeWriter(body.length + 64 * ENVELOPE_OVERHEAD),
    issues: [],
    failed: 0,
    good: 0,
  };
  const early = format === 'ndjson' ? parseNdjson(body, ctx) : parseJson(body, ctx);
  if (early) return { ok: false, message: early, issues: [] };
  if (ctx.failed > 0) {
    const total = ctx.good + ctx.failed;
    return { ok: false, message: `${ctx.failed} of ${total} events are invalid; nothing was stored.`, issues: ctx.issues };
  }
  if (ctx.writer.count === 0) return { ok: false, message: 'The body holds no events.', issues: [] };
  return { ok: true, batch: ctx.writer.finish(options.tenant) };
}

function fail(ctx: Context, issue: ItemIssue): void {
  ctx.failed++;
  if (ctx.issues.length < ctx.opts.maxIssues) ctx.issues.push(issue);
}

function tooMany(ctx: Context, index: number): string | undefined {
  return index >= ctx.opts.maxEvents ? `The body holds more than ${ctx.opts.maxEvents} events; send at most ${ctx.opts.maxEvents} per request.` : undefined;
}

/** Fields to put first in a flat event's object text: a missing log_id and date. */
function injection(f: ItemFields, logId: string, ctx: Context): string {
  let text = '';
  if (f.logId === undefined) text += `"log_id":${JSON.stringify(logId)},`;
  if (f.date === undefined) text += `"date":"${ctx.nowIso}",`;
  return text;
}

function dateOf(f: ItemFields, ctx: Context): number {
  return f.date === undefined ? ctx.opts.now : Date.parse(f.date);
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
    const text = body.toString('utf8', start, end);
    if (body[start] !== 0x7b && text.trim() === '') continue;
    const over = tooMany(ctx, index);
    if (over) return over;
    if (end - start > ctx.opts.maxEventBytes) {
      fail(ctx, { index: index++, line, message: `event is ${end - start} bytes; the limit is ${ctx.opts.maxEventBytes}` });
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      fail(ctx, { index: index++, line, message: `invalid JSON: ${(err as Error).message}` });
      continue;
    }
    const f = readItem(value);
    if (typeof f === 'string') {
      fail(ctx, { index: index++, line, message: f });
      continue;
    }
    index++;
    ctx.good++;
    if (ctx.failed > 0) continue;
    const logId = f.logId ?? ctx.opts.ids.next(ctx.opts.now);
    if (f.envelope) ctx.writer.addText(logId, f.type, dateOf(f, ctx), dataText(f, logId, ctx));
    else ctx.writer.addRaw(logId, f.type, dateOf(f, ctx), body, start, end, injection(f, logId, ctx));
  }
  return undefined;
}

function dataText(f: ItemFields, logId: string, ctx: Context): string {
  const data = f.event;
  if (data.log_id === undefined) data.log_id = logId;
  if (data.date === undefined) data.date = ctx.nowIso;
  return JSON.stringify(data);
}

function parseJson(body: Buffer, ctx: Context): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body.toString('utf8'));
  } catch (err) {
    return `The body is not valid JSON: ${(err as Error).message}`;
  }
  const items = Array.isArray(value) ? value : [value];
  if (items.length > ctx.opts.maxEvents) return tooMany(ctx, items.length);
  items.forEach((item, index) => {
    const f = readItem(item);
    if (typeof f === 'string') return fail(ctx, { index, message: f });
    ctx.good++;
    if (ctx.failed > 0) return;
    const logId = f.logId ?? ctx.opts.ids.next(ctx.opts.now);
    const text = dataText(f, logId, ctx);
    if (Buffer.byteLength(text) > ctx.opts.maxEventBytes) {
      ctx.good--;
      return fail(ctx, { index, message: `event is ${Buffer.byteLength(text)} bytes; the limit is ${ctx.opts.maxEventBytes}` });
    }
    ctx.writer.addText(logId, f.type, dateOf(f, ctx), text);
  });
  return undefined;
}
