// The JSON.parse-based parseBody as it was before the byte scanner, kept as the oracle for differential tests.
import { isUtf8 } from 'node:buffer';
import type { PreparedBatch } from '@outflow/core';
import type { BodyFormat, ItemIssue, ParseOptions, ParseOutcome } from '../src/types.js';

const STRING_FIELDS = [
  'connection',
  'connection_id',
  'client_name',
  'ip',
  'hostname',
  'user_id',
  'user_name',
  'audience',
  'strategy',
  'strategy_type',
  'user_agent',
  'tenant_name',
  'environment_name',
] as const;
const OBJECT_FIELDS = ['location_info', 'security_context'] as const;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** True when the date text's YYYY-MM-DD names a day of the calendar (Date.parse rolls 02-30 over to 03-02). */
export function realDay(text: string): boolean {
  const [y, m, d] = [Number(text.slice(0, 4)), Number(text.slice(5, 7)), Number(text.slice(8, 10))];
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** The one log_id rule of flat events and envelopes: 1-256 printable ASCII characters. */
export function referenceLogId(id: unknown): string | undefined {
  if (id === undefined) return undefined;
  const rule = 'log_id: expected a non-empty string of at most 256 printable ASCII characters (U+0020 to U+007E), got';
  if (typeof id !== 'string') return `${rule} ${kind(id)}`;
  if (id === '') return `${rule} an empty string`;
  if (id.length > 256) return `${rule} ${id.length} characters`;
  const bad = /[^\x20-\x7e]/u.exec(id);
  if (bad) return `${rule} U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at character ${bad.index + 1}`;
  return undefined;
}

export function referenceValidate(e: Record<string, unknown>): string | undefined {
  const type = e.type;
  if (typeof type !== 'string' || type.length === 0 || type.length > 100) {
    return type === undefined
      ? 'type: required (the Auth0 event type code, e.g. "s" or "fp")'
      : `type: expected a non-empty string of at most 100 characters, got ${kind(type)}`;
  }
  const logId = referenceLogId(e.log_id);
  if (logId) return logId;
  const date = e.date;
  if (date !== undefined && (typeof date !== 'string' || !ISO_DATE.test(date) || Number.isNaN(Date.parse(date)) || !realDay(date))) {
    return `date: expected an ISO 8601 date-time such as "2026-01-15T10:30:00.000Z" (a real calendar date and time), got ${typeof date === 'string' ? JSON.stringify(date.slice(0, 40)) : kind(date)}`;
  }
  if (e.description !== undefined && e.description !== null && typeof e.description !== 'string')
    return `description: expected a string or null, got ${kind(e.description)}`;
  if (e.client_id !== undefined && e.client_id !== null && typeof e.client_id !== 'string')
    return `client_id: expected a string or null, got ${kind(e.client_id)}`;
  for (const f of STRING_FIELDS) {
    const v = e[f];
    if (v !== undefined && v !== null && typeof v !== 'string') return `${f}: expected a string, got ${kind(v)}`;
  }
  // details is an object for most catalog codes and untyped for the rest: any JSON value.
  if (e.details !== undefined && e.details !== null && !['string', 'number', 'boolean', 'object'].includes(typeof e.details))
    return `details: expected a JSON value, got ${typeof e.details}`;
  for (const f of OBJECT_FIELDS) {
    const v = e[f];
    if (v !== undefined && v !== null && kind(v) !== 'object') return `${f}: expected an object, got ${kind(v)}`;
  }
  for (const f of ['isMobile', 'is_mobile'] as const) {
    const v = e[f];
    if (v !== undefined && typeof v !== 'boolean') return `${f}: expected a boolean, got ${kind(v)}`;
  }
  return undefined;
}

interface Fields {
  event: Record<string, unknown>;
  envelope: boolean;
  logId: string | undefined;
  type: string;
  date: string | undefined;
}

function readItem(value: unknown): Fields | string {
  if (kind(value) !== 'object') return `expected a JSON object (an Auth0 log event), got ${kind(value)}`;
  const item = value as Record<string, unknown>;
  if (item.type === undefined && kind(item.data) === 'object') {
    const unknownKeys = Object.keys(item).filter((k) => k !== 'log_id' && k !== 'data');
    if (unknownKeys.length) return `envelope has unknown fields ${unknownKeys.join(', ')}; expected only log_id and data`;
    const data = item.data as Record<string, unknown>;
    const problem = referenceValidate(data);
    if (problem) return `data.${problem}`;
    const logId = referenceLogId(item.log_id);
    if (logId) return logId;
    if (typeof item.log_id === 'string' && typeof data.log_id === 'string' && item.log_id !== data.log_id)
      return `log_id ("${item.log_id}") differs from data.log_id ("${data.log_id}")`;
    return {
      event: data,
      envelope: true,
      logId: (item.log_id as string | undefined) ?? (data.log_id as string | undefined),
      type: data.type as string,
      date: data.date as string | undefined,
    };
  }
  const problem = referenceValidate(item);
  if (problem) return problem;
  return { event: item, envelope: false, logId: item.log_id as string | undefined, type: item.type as string, date: item.date as string | undefined };
}

/** The old parseBody: JSON.parse per NDJSON line (or of the whole JSON body), lines as Strings. */
export function referenceParse(body: Buffer, format: BodyFormat, o: ParseOptions): ParseOutcome {
  if (!isUtf8(body)) return { ok: false, message: 'The body is not valid UTF-8.', issues: [] };
  const max = o.maxEventBytes ?? 1024 * 1024;
  const maxEvents = o.maxEvents ?? 10_000;
  const nowIso = new Date(o.now).toISOString();
  const issues: ItemIssue[] = [];
  const out: { line: string; logId: string; type: string; date: number }[] = [];
  let failed = 0;
  let good = 0;
  const fail = (issue: ItemIssue) => {
    failed++;
    if (issues.length < (o.maxIssues ?? 100)) issues.push(issue);
  };
  const dateOf = (f: Fields) => (f.date === undefined ? o.now : Date.parse(f.date));
  const dataText = (f: Fields, logId: string) => {
    if (f.event.log_id === undefined) f.event.log_id = logId;
    if (f.event.date === undefined) f.event.date = nowIso;
    return JSON.stringify(f.event);
  };
  const tooMany = `The body holds more than ${maxEvents} events; send at most ${maxEvents} per request.`;
  if (format === 'ndjson') {
    const texts = body.toString('utf8').split('\n');
    let index = 0;
    for (let i = 0; i < texts.length; i++) {
      let text = texts[i] as string;
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text === '' || (!text.startsWith('{') && text.trim() === '')) continue;
      if (index >= maxEvents) return { ok: false, message: tooMany, issues: [] };
      const bytes = Buffer.byteLength(text);
      if (bytes > max) {
        fail({ index: index++, line: i + 1, message: `event is ${bytes} bytes; the limit is ${max}` });
        continue;
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (err) {
        fail({ index: index++, line: i + 1, message: `invalid JSON: ${(err as Error).message}` });
        continue;
      }
      const f = readItem(value);
      if (typeof f === 'string') {
        fail({ index: index++, line: i + 1, message: f });
        continue;
      }
      index++;
      good++;
      if (failed > 0) continue;
      const logId = f.logId ?? o.ids.next(o.now);
      let data = f.envelope ? dataText(f, logId) : text;
      if (!f.envelope && (f.logId === undefined || f.date === undefined)) {
        const inject = (f.logId === undefined ? `"log_id":${JSON.stringify(logId)},` : '') + (f.date === undefined ? `"date":"${nowIso}",` : '');
        data = `{${inject}${text.slice(text.indexOf('{') + 1)}`;
      }
      out.push({ line: `{"log_id":${JSON.stringify(logId)},"data":${data}}\n`, logId, type: f.type, date: dateOf(f) });
    }
  } else {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8'));
    } catch (err) {
      return { ok: false, message: `The body is not valid JSON: ${(err as Error).message}`, issues: [] };
    }
    const items = Array.isArray(value) ? value : [value];
    if (items.length > maxEvents) return { ok: false, message: tooMany, issues: [] };
    items.forEach((item, index) => {
      const f = readItem(item);
      if (typeof f === 'string') return fail({ index, message: f });
      good++;
      if (failed > 0) return;
      const logId = f.logId ?? o.ids.next(o.now);
      const text = dataText(f, logId);
      if (Buffer.byteLength(text) > max) {
        good--;
        return fail({ index, message: `event is ${Buffer.byteLength(text)} bytes; the limit is ${max}` });
      }
      out.push({ line: `{"log_id":${JSON.stringify(logId)},"data":${text}}\n`, logId, type: f.type, date: dateOf(f) });
    });
  }
  if (failed > 0) return { ok: false, message: `${failed} of ${good + failed} events are invalid; nothing was stored.`, issues };
  if (out.length === 0) return { ok: false, message: 'The body holds no events.', issues: [] };
  const lines = Buffer.from(out.map((e) => e.line).join(''));
  let at = 0;
  const ends = Uint32Array.from(out, (e) => (at += Buffer.byteLength(e.line)));
  const batch: PreparedBatch = {
    tenant: o.tenant,
    lines,
    ends,
    logIds: out.map((e) => e.logId),
    types: out.map((e) => e.type),
    dates: Float64Array.from(out, (e) => e.date),
  };
  return { ok: true, batch };
}
