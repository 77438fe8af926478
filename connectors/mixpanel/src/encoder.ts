// Maps one Auth0 log envelope to a Mixpanel event: name, time in ms, distinct_id, $insert_id from log_id, properties.
import { createHash } from 'node:crypto';
import { EVENT_NAMES, type LogEnvelope } from '@outflow/core';
import { shapeProperties, truncateBytes } from './properties.js';
import type { MixpanelEvent, PropertyValue } from './types.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const nonEmpty = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

/** Values Mixpanel refuses as distinct_id or $insert_id ("to prevent accidental implementation mistakes"). */
export const DISALLOWED_IDS: ReadonlySet<string> = new Set([
  '00000000-0000-0000-0000-000000000000',
  'anon',
  'anonymous',
  'nil',
  'none',
  'null',
  'n/a',
  'na',
  'undefined',
  'unknown',
  '<nil>',
  '0',
  '-1',
  'true',
  'false',
  '[]',
  '{}',
]);

/**
 * `$insert_id`: the first 36 hex digits of SHA-256(log_id). Mixpanel wants at most 36 bytes of
 * letters, digits and `-`; Auth0 log_ids are 56 digits. Deterministic, so a resent event carries
 * the same id and Mixpanel keeps one copy.
 */
export function insertIdOf(logId: string): string {
  return sha256(logId).slice(0, 36);
}

/**
 * Who did it. The event's `user_id` when it has one (also sent as `$user_id`). Otherwise an
 * anonymous device (`$device_id`, and distinct_id `$device:<id>` as Mixpanel's ID merge writes it):
 * `auth0-ip-<hash of ip>` so events of one address group together, else `auth0-client-<hash of
 * client_id>`, else `auth0-log-<hash of log_id>`. All deterministic.
 */
export function identityOf(envelope: LogEnvelope): Record<string, string> {
  const { data } = envelope;
  const userId = data.user_id;
  if (nonEmpty(userId) && !DISALLOWED_IDS.has(userId.trim().toLowerCase())) return { distinct_id: userId, $user_id: userId };
  const device = nonEmpty(data.ip)
    ? `auth0-ip-${sha256(data.ip).slice(0, 32)}`
    : nonEmpty(data.client_id)
      ? `auth0-client-${sha256(data.client_id).slice(0, 32)}`
      : `auth0-log-${sha256(envelope.log_id).slice(0, 32)}`;
  return { distinct_id: `$device:${device}`, $device_id: device };
}

/** `Success Login` for `s`; else the event's own description; else the type code (at most 255 bytes). */
export function eventNameOf(data: LogEnvelope['data']): string {
  const known = EVENT_NAMES[data.type];
  if (known) return known;
  const text = nonEmpty(data.description) ? data.description.replace(/\s+/g, ' ').trim() : nonEmpty(data.type) ? data.type : 'Auth0 log event';
  return truncateBytes(text);
}

/** The event's `date` in milliseconds since the epoch; undefined when it does not parse (Mixpanel then refuses the event). */
export function timeOf(data: LogEnvelope['data']): number | undefined {
  const ms = typeof data.date === 'string' ? Date.parse(data.date) : Number.NaN;
  return Number.isFinite(ms) ? ms : undefined;
}

/**
 * The Mixpanel event of one envelope. Properties: time, distinct_id, $insert_id, the identity's
 * $user_id or $device_id, then every field of the event flattened (see properties.ts). `ip` is
 * the user's address for Mixpanel's geolocation; without one it is 0, which turns geolocation off
 * (Mixpanel would otherwise locate the Outflow server).
 */
export function mixpanelEvent(envelope: LogEnvelope): MixpanelEvent {
  const { data } = envelope;
  const time = timeOf(data);
  const reserved: Record<string, PropertyValue> = {
    ...(time === undefined ? {} : { time }),
    ...identityOf(envelope),
    $insert_id: insertIdOf(envelope.log_id),
  };
  if (!nonEmpty(data.ip)) reserved.ip = 0;
  const properties = shapeProperties(reserved, { ...data, log_id: envelope.log_id });
  return { event: eventNameOf(data), properties: properties as MixpanelEvent['properties'] };
}
