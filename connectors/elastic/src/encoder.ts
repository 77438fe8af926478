// Turns a batch into `_bulk` lines: a `create` action with `_id` = log_id, then the document (ECS or the envelope).
import type { LogBatch } from '@outflow/core';
import { ecsDocument } from './ecs.js';

export interface BulkSettings {
  /** Data stream or index written to. */
  target: string;
  ecs: boolean;
}

/** The action line of one event: data streams accept only `create`, and `create` of an existing `_id` answers 409. */
export function actionLine(target: string, logId: string): string {
  return JSON.stringify({ create: { _index: target, _id: logId } });
}

/** A valid ISO date from data.date, else the fallback (data streams need `@timestamp`). */
function timestampOf(date: unknown, fallback: string): string {
  return typeof date === 'string' && !Number.isNaN(Date.parse(date)) ? date : fallback;
}

/** The document line of event `i`: the ECS document, or the stored envelope text with `@timestamp` put first. */
export function documentLine(batch: LogBatch, i: number, settings: BulkSettings, now: string): string {
  const envelope = batch.envelopes()[i];
  if (!envelope) throw new RangeError(`No event ${i} in a batch of ${batch.length}.`);
  const timestamp = timestampOf(envelope.data.date, now);
  if (settings.ecs) return JSON.stringify(ecsDocument(envelope, timestamp));
  const raw = batch.raw(i).toString('utf8').trim();
  return `{"@timestamp":${JSON.stringify(timestamp)},${raw.slice(1)}`;
}

/** Two lines per event, in batch order (the client joins them with `\n` and ends the body with one). */
export function bulkLines(batch: LogBatch, settings: BulkSettings, now: string): string[] {
  const lines: string[] = [];
  for (let i = 0; i < batch.length; i++) lines.push(actionLine(settings.target, batch.logIds[i] as string), documentLine(batch, i, settings, now));
  return lines;
}

/** The NDJSON body of those lines: every line `\n`-terminated, the last included. */
export function bulkBody(lines: readonly string[]): string {
  return lines.length ? `${lines.join('\n')}\n` : '';
}
