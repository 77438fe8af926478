// Encodes a batch as PutEvents entries (Detail = the stored envelope text) and packs them into calls within AWS limits.
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { LogBatch } from '@outflow/core';

/** PutEvents takes at most 10 entries per call. */
export const MAX_ENTRIES_PER_CALL = 10;
/** AWS counts 14 bytes for an entry's Time. */
const TIME_BYTES = 14;

export interface EntrySettings {
  source: string;
  detailType: string;
  /** Name or ARN of the bus, as sent in EventBusName. */
  eventBusName: string;
}

export interface PlannedEntry {
  /** Index of the event in the batch. */
  index: number;
  entry: PutEventsRequestEntry;
  /** Size counted the AWS way, plus the bus name (conservative). */
  size: number;
}

export interface EntryPlan {
  /** Entries grouped into calls: at most 10 each, and within `maxBytes` together. */
  calls: PlannedEntry[][];
  /** Entries larger than `maxBytes` on their own: never sent. */
  oversized: PlannedEntry[];
}

/** The event's date as a Date, or undefined when missing or unparsable (EventBridge then uses the receive time). */
function timeOf(date: unknown): Date | undefined {
  if (typeof date !== 'string') return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? undefined : new Date(ms);
}

/** One entry per event: Detail is the stored `{log_id, data}` text as is; Time is `data.date`. */
export function buildEntries(batch: LogBatch, settings: EntrySettings): PlannedEntry[] {
  const envelopes = batch.envelopes();
  const fixed = Buffer.byteLength(settings.source) + Buffer.byteLength(settings.detailType) + Buffer.byteLength(settings.eventBusName);
  return envelopes.map((envelope, index) => {
    const raw = batch.raw(index);
    const time = timeOf(envelope.data?.date);
    const entry: PutEventsRequestEntry = {
      Source: settings.source,
      DetailType: settings.detailType,
      Detail: raw.toString('utf8'),
      EventBusName: settings.eventBusName,
      ...(time ? { Time: time } : {}),
    };
    return { index, entry, size: fixed + raw.length + (time ? TIME_BYTES : 0) };
  });
}

/** Packs entries in order into calls of at most 10 entries and `maxBytes`; larger entries are set apart. */
export function planCalls(entries: readonly PlannedEntry[], maxBytes: number): EntryPlan {
  const calls: PlannedEntry[][] = [];
  const oversized: PlannedEntry[] = [];
  let current: PlannedEntry[] = [];
  let bytes = 0;
  for (const e of entries) {
    if (e.size > maxBytes) {
      oversized.push(e);
      continue;
    }
    if (current.length === MAX_ENTRIES_PER_CALL || bytes + e.size > maxBytes) {
      calls.push(current);
      current = [];
      bytes = 0;
    }
    current.push(e);
    bytes += e.size;
  }
  if (current.length > 0) calls.push(current);
  return { calls, oversized };
}
