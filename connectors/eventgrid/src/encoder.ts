// Turns a batch into Event Grid events (CloudEvents 1.0 or the Event Grid schema) and packs them into requests within 1 MB.
import type { LogBatch } from '@outflow/core';

/** Event Grid's limits: 1 MB per request (the JSON array) and per event. */
export const MAX_REQUEST_BYTES = 1024 * 1024;
export const MAX_EVENT_BYTES = 1024 * 1024;
/** Events per publish request (Basic tier). */
export const MAX_EVENTS_PER_REQUEST = 5000;

export const CONTENT_TYPES = { cloudEvents: 'application/cloudevents-batch+json; charset=utf-8', eventGrid: 'application/json' } as const;
export type Schema = keyof typeof CONTENT_TYPES;

export interface EventSettings {
  schema: Schema;
  source: string;
  typePrefix: string;
  dataVersion: string;
}

/** A CloudEvent as the SDK takes it (`SendCloudEventInput`). */
export interface CloudEventInput {
  id: string;
  source: string;
  type: string;
  time?: Date;
  subject?: string;
  datacontenttype: 'application/json';
  data: unknown;
}

/** An Event Grid event as the SDK takes it (`SendEventGridEventInput`). */
export interface EventGridEventInput {
  id: string;
  subject: string;
  eventType: string;
  eventTime?: Date;
  dataVersion: string;
  data: unknown;
}

export type EventInput = CloudEventInput | EventGridEventInput;

export interface PlannedEvent {
  /** Index of the event in the batch. */
  index: number;
  input: EventInput;
  /** The event's JSON exactly as the SDK serializes it. */
  wire: string;
  /** UTF-8 size of `wire`. */
  size: number;
}

const STAMP_BYTES = 40;

/** Subject of Event Grid schema events without a user (the schema requires one). */
export const NO_USER_SUBJECT = 'auth0/no-user';

const dateOf = (value: unknown): Date | undefined => {
  if (typeof value !== 'string') return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
};

/** The SDK's wire form, keys in its mappers' order (a golden test checks it against what the SDK sends). */
function wireOf(input: EventInput): Record<string, unknown> {
  if ('source' in input) {
    const { id, source, data, type, time, datacontenttype, subject } = input;
    return { id, source, data, type, time: time?.toISOString(), specversion: '1.0', datacontenttype, subject };
  }
  const { id, subject, data, eventType, eventTime, dataVersion } = input;
  return { id, subject, data, eventType, eventTime: eventTime?.toISOString(), dataVersion };
}

/**
 * One event per envelope: id = log_id, type = prefix + Auth0 type code, subject = data.user_id,
 * time = data.date (when it parses; else the SDK stamps the send time), data = the Auth0 log event.
 */
export function buildEvents(batch: LogBatch, settings: EventSettings): PlannedEvent[] {
  const envelopes = batch.envelopes();
  return envelopes.map((envelope, index) => {
    const data = envelope.data as Record<string, unknown> | undefined;
    const id = batch.logIds[index] as string;
    const type = `${settings.typePrefix}${batch.types[index] ?? 'unknown'}`;
    const user = typeof data?.user_id === 'string' && data.user_id !== '' ? data.user_id : undefined;
    const time = dateOf(data?.date);
    const input: EventInput =
      settings.schema === 'cloudEvents'
        ? {
            id,
            source: settings.source,
            type,
            ...(time ? { time } : {}),
            ...(user ? { subject: user } : {}),
            datacontenttype: 'application/json',
            data: data ?? null,
          }
        : {
            id,
            subject: user ?? NO_USER_SUBJECT,
            eventType: type,
            ...(time ? { eventTime: time } : {}),
            dataVersion: settings.dataVersion,
            data: data ?? null,
          };
    const wire = JSON.stringify(wireOf(input));
    // Without a time the SDK adds one (`"time":"…",`, 33 bytes): counted so packing stays within the limit.
    return { index, input, wire, size: Buffer.byteLength(wire) + (time ? 0 : STAMP_BYTES) };
  });
}

/** The request body for these events: the JSON array the SDK sends. */
export function bodyOf(events: readonly PlannedEvent[]): string {
  return `[${events.map((e) => e.wire).join(',')}]`;
}

/** Packs events in order into requests of at most 1 MB and 5,000 events; events that can never fit are set apart. */
export function planRequests(events: readonly PlannedEvent[], maxBytes = MAX_REQUEST_BYTES): { requests: PlannedEvent[][]; oversized: PlannedEvent[] } {
  const requests: PlannedEvent[][] = [];
  const oversized: PlannedEvent[] = [];
  let current: PlannedEvent[] = [];
  let bytes = 2; // the array's brackets
  for (const e of events) {
    if (e.size > MAX_EVENT_BYTES || e.size + 2 > maxBytes) {
      oversized.push(e);
      continue;
    }
    const added = e.size + (current.length ? 1 : 0);
    if (current.length && (bytes + added > maxBytes || current.length >= MAX_EVENTS_PER_REQUEST)) {
      requests.push(current);
      current = [];
      bytes = 2;
    }
    bytes += e.size + (current.length ? 1 : 0);
    current.push(e);
  }
  if (current.length) requests.push(current);
  return { requests, oversized };
}
