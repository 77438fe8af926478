// Encodes a batch as PutEvents entries (Detail = the stored envelope text) and packs them into calls within AWS limits.
import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { toCloudEvent, type LogBatch } from '@outflow/core';

/** PutEvents takes at most 10 entries per call. */
export const MAX_ENTRIES_PER_CALL = 10;
/** AWS counts 14 bytes for an entry's Time. */
const TIME_BYTES = 14;

export interface EntrySettings {
  source: string;
  detailType: string;
  /** Name or ARN of the bus, as sent in EventBusName. */
  eventBusName: string;
  /** Set: Detail is the event's CloudEvents 1.0 form with this tenant as its source; unset: the stored envelope. */
  cloudEventsTenant?: string | undefined;
}

export interface PlannedEntry {
  /** Index of the event in the batch. */
  index: number;
  entry: PutEventsRequestEntry;
  /** Size counted the AWS way, plus the bus name (conservative). */
  size: number;
}

/** One entry per event: Detail is the stored `{log_id, data}` text as is (or its CloudEvent); Time is `data.date` when it parses (else EventBridge's receive time). */
export function buildEntries(batch: LogBatch, settings: EntrySettings): PlannedEntry[] {
  const fixed = Buffer.byteLength(settings.source) + Buffer.byteLength(settings.detailType) + Buffer.byteLength(settings.eventBusName);
  return batch.envelopes().map((envelope, index) => {
    const tenant = settings.cloudEventsTenant;
    const raw = tenant === undefined ? batch.raw(index) : Buffer.from(JSON.stringify(toCloudEvent(envelope, tenant)));
    const date = envelope.data?.date;
    const ms = typeof date === 'string' ? Date.parse(date) : Number.NaN;
    const time = Number.isNaN(ms) ? undefined : new Date(ms);
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

/** Packs entries in order into calls of at most 10 entries and `maxBytes`; entries larger on their own are set apart (never sent). */
export function planCalls(entries: readonly PlannedEntry[], maxBytes: number): { calls: PlannedEntry[][]; oversized: PlannedEntry[] } {
  const calls: PlannedEntry[][] = [];
  const oversized = entries.filter((e) => e.size > maxBytes);
  let bytes = 0;
  for (const e of entries.filter((x) => x.size <= maxBytes)) {
    const current = calls.at(-1);
    if (!current || current.length === MAX_ENTRIES_PER_CALL || bytes + e.size > maxBytes) {
      calls.push([e]);
      bytes = e.size;
    } else {
      current.push(e);
      bytes += e.size;
    }
  }
  return { calls, oversized };
}

/** The PutEvents body of one call as the SDK serializes it (Time in epoch seconds), for previews. */
export function callBody(entries: readonly PlannedEntry[]): string {
  return JSON.stringify({ Entries: entries.map(({ entry }) => ({ ...entry, ...(entry.Time ? { Time: entry.Time.getTime() / 1000 } : {}) })) });
}
