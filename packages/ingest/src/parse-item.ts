// Checks one item of a body and adds it to the batch: scanned bytes on the fast path, parsed objects otherwise.
import type { LogIdGenerator } from '@outflow/core';
import { decodeCached, decodeString } from './decode-string.js';
import type { EnvelopeWriter } from './envelope-writer.js';
import { readItem } from './event-fields.js';
import { fastIsoDateMs, isoDateMs } from './iso-date.js';
import { errorText } from './scan-json.js';
import { newScannedEvent, scanEvent, type ScannedEvent } from './scan-event.js';
import { checkEvent, F_DATA, F_DATE, F_LOG_ID, F_TYPE, K_MISSING, K_OBJECT, K_STRING, KIND_NAMES, newEventView } from './validate-event.js';
import type { ItemIssue } from './types.js';

export interface Context {
  body: Buffer;
  /** `body` as a plain Uint8Array (same memory). */
  bytes: Uint8Array;
  now: number;
  ids: LogIdGenerator;
  maxEventBytes: number;
  maxEvents: number;
  maxIssues: number;
  nowIso: string;
  /** True for a JSON body holding CR or LF: its items are stored without whitespace (lines must not break). */
  squash: boolean;
  /** `"date":"<nowIso>",` for events without a date. */
  dateInject: Uint8Array;
  readonly writer: EnvelopeWriter;
  issues: ItemIssue[];
  failed: number;
  good: number;
}

/** The scanner's fields of the current item. */
export const ev: ScannedEvent = newScannedEvent();
const view = newEventView();
view.kinds = ev.kinds;

/** Forgets the last body (the scanner keeps a view of its input between events). */
export function endBody(): void {
  ev.input = null;
}

export function fail(ctx: Context, index: number, line: number | undefined, message: string): void {
  ctx.failed++;
  if (ctx.issues.length < ctx.maxIssues) ctx.issues.push(line === undefined ? { index, message } : { index, line, message });
}

/** Checks the NDJSON line body[start, end) (1-based `line`) and adds it to the batch. */
export function addLine(ctx: Context, start: number, end: number, index: number, line: number): void {
  if (scanEvent(ctx.bytes, start, end, ev) < 0) return fail(ctx, index, line, `invalid JSON: ${errorText(ctx.bytes, start, end)}`);
  addScanned(ctx, start, end, index, line);
}

/**
 * Checks the item body[start, end) that the scanner just read into `ev` and adds it to the batch.
 * `line` is its 1-based NDJSON line, or undefined for an element of a JSON body.
 */
export function addScanned(ctx: Context, start: number, end: number, index: number, line: number | undefined): void {
  const body = ctx.body;
  const b = ctx.bytes;
  if (ev.topKind !== K_OBJECT) return fail(ctx, index, line, `expected a JSON object (an Auth0 log event), got ${KIND_NAMES[ev.topKind]}`);
  const kinds = ev.kinds;
  // An envelope ({log_id, data}) is rare: the object path handles it.
  if (kinds[F_TYPE] === K_MISSING && kinds[F_DATA] === K_OBJECT) return addParsed(ctx, JSON.parse(body.toString('utf8', start, end)), index, line);
  const hasType = kinds[F_TYPE] === K_STRING;
  const type = hasType ? decodeCached(body, ev.starts[F_TYPE]!, ev.ends[F_TYPE]!, ev.escaped[F_TYPE] === 1) : '';
  view.typeLength = type.length;
  const hasLogId = kinds[F_LOG_ID] === K_STRING;
  const ownId = hasLogId ? decodeString(body, ev.starts[F_LOG_ID]!, ev.ends[F_LOG_ID]!, ev.escaped[F_LOG_ID] === 1) : '';
  view.logId = ownId;
  let date = ctx.now;
  if (kinds[F_DATE] === K_STRING) {
    const qs = ev.starts[F_DATE]!;
    const qe = ev.ends[F_DATE]!;
    date = ev.escaped[F_DATE] === 1 ? NaN : fastIsoDateMs(b, qs + 1, qe - 1);
    if (Number.isNaN(date)) {
      view.dateText = decodeString(body, qs, qe, ev.escaped[F_DATE] === 1);
      date = isoDateMs(view.dateText);
    }
    view.dateMs = date;
  }
  const problem = checkEvent(view);
  if (problem !== undefined) return fail(ctx, index, line, problem);
  ctx.good++;
  if (ctx.failed > 0) return;
  if (line === undefined && end - start > ctx.maxEventBytes) {
    ctx.good--;
    return fail(ctx, index, line, `event is ${end - start} bytes; the limit is ${ctx.maxEventBytes}`);
  }
  const logId = hasLogId ? ownId : ctx.ids.next(ctx.now);
  const idStart = hasLogId && ev.escaped[F_LOG_ID] === 0 ? ev.starts[F_LOG_ID]! : -1;
  const dateInject = kinds[F_DATE] === K_MISSING ? ctx.dateInject : null;
  ctx.writer.addRaw(logId, type, date, b, start, end, ev.open, idStart, ev.ends[F_LOG_ID]!, !hasLogId, dateInject, line === undefined && ctx.squash);
}

/** The object path: envelopes, and items given as parsed values. */
export function addParsed(ctx: Context, value: unknown, index: number, line: number | undefined): void {
  const f = readItem(value);
  if (typeof f === 'string') return fail(ctx, index, line, f);
  ctx.good++;
  if (ctx.failed > 0) return;
  const logId = f.logId ?? ctx.ids.next(ctx.now);
  const data = f.event;
  if (data.log_id === undefined) data.log_id = logId;
  if (data.date === undefined) data.date = ctx.nowIso;
  const text = JSON.stringify(data);
  if (line === undefined && Buffer.byteLength(text) > ctx.maxEventBytes) {
    ctx.good--;
    return fail(ctx, index, line, `event is ${Buffer.byteLength(text)} bytes; the limit is ${ctx.maxEventBytes}`);
  }
  ctx.writer.addText(logId, f.type, f.date === undefined ? ctx.now : Date.parse(f.date), text);
}
