// Maps one Auth0 log envelope to a Segment `track` call: messageId = log_id, identity, readable name, time, properties.
import { createHash } from 'node:crypto';
import { EVENT_NAMES, type LogEnvelope } from '@outflow/core';
import type { TrackIdentity, TrackMessage } from './types.js';

/** Segment wants messageIds under 100 characters. */
const MAX_MESSAGE_ID = 99;
const MAX_EVENT_NAME = 200;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** The log_id itself (Segment deduplicates on it); a stable hash when it would be too long. */
export function messageIdOf(logId: string): string {
  return logId.length <= MAX_MESSAGE_ID ? logId : `sha256-${sha256(logId)}`;
}

/**
 * Segment needs userId or anonymousId. Without a user_id, events of one IP address share an
 * anonymousId (a hash, so every event from that address groups together); without an IP either,
 * the id derives from the log_id. Both are deterministic, so a resend carries the same identity.
 */
export function identityOf(envelope: LogEnvelope): TrackIdentity {
  const { data } = envelope;
  if (nonEmpty(data.user_id)) return { userId: data.user_id };
  if (nonEmpty(data.ip)) return { anonymousId: `auth0-ip-${sha256(data.ip).slice(0, 32)}` };
  return { anonymousId: `auth0-log-${sha256(envelope.log_id).slice(0, 32)}` };
}

/** `Success Login` for `s`; else the event's own description; else the type code. */
export function eventNameOf(data: LogEnvelope['data']): string {
  const known = EVENT_NAMES[data.type];
  if (known) return known;
  const text = nonEmpty(data.description) ? data.description.replace(/\s+/g, ' ').trim() : data.type || 'Auth0 log event';
  return text.length > MAX_EVENT_NAME ? `${text.slice(0, MAX_EVENT_NAME - 1)}…` : text;
}

/** The track call of one event: properties are the event's fields plus `log_id` and `type`. */
export function trackMessage(envelope: LogEnvelope): TrackMessage {
  const { data } = envelope;
  const context: TrackMessage['context'] = {};
  // Without context.ip Segment would geolocate the Outflow server instead of the user.
  if (nonEmpty(data.ip)) context.ip = data.ip;
  if (nonEmpty(data.user_agent)) context.userAgent = data.user_agent;
  return {
    messageId: messageIdOf(envelope.log_id),
    ...identityOf(envelope),
    event: eventNameOf(data),
    ...(nonEmpty(data.date) ? { timestamp: data.date } : {}),
    properties: { ...data, log_id: envelope.log_id, type: data.type },
    context,
  };
}
