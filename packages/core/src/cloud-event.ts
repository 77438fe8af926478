// The CloudEvents 1.0 form of a stored Auth0 log event, as Auth0's Event Streams shape theirs (structured and batch modes).
import type { LogEnvelope, LogEvent } from './types.js';

/** Structured mode: one event per request. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=utf-8';
/** Batch mode: a JSON array of events per request. */
export const CLOUDEVENTS_BATCH_CONTENT_TYPE = 'application/cloudevents-batch+json; charset=utf-8';
/** Every event's `type` is this prefix and the Auth0 type code, e.g. `com.auth0.log.fp`. */
export const CLOUDEVENTS_TYPE_PREFIX = 'com.auth0.log.';

export interface CloudEvent {
  specversion: '1.0';
  /** The event's `log_id`: Auth0's own unique id, so receivers deduplicate redeliveries by `source` + `id`. */
  id: string;
  /** `urn:auth0:<tenant>`, the Outflow tenant the stream belongs to. */
  source: string;
  type: string;
  /** The event's `date` (RFC 3339). */
  time: string;
  /** The user the event is about (`user_id`), when it has one. */
  subject?: string;
  datacontenttype: 'application/json';
  /** Extension attribute naming the tenant, as Auth0's Event Streams send `a0tenant`. */
  a0tenant: string;
  data: LogEvent;
}

/** One CloudEvent per envelope; `data` is the Auth0 event itself (the envelope's `data`). */
export function toCloudEvent(envelope: LogEnvelope, tenant: string): CloudEvent {
  const data = envelope.data;
  const subject = typeof data.user_id === 'string' && data.user_id !== '' ? data.user_id : undefined;
  return {
    specversion: '1.0',
    id: envelope.log_id,
    source: `urn:auth0:${tenant}`,
    type: `${CLOUDEVENTS_TYPE_PREFIX}${data.type}`,
    time: data.date,
    ...(subject ? { subject } : {}),
    datacontenttype: 'application/json',
    a0tenant: tenant,
    data,
  };
}
