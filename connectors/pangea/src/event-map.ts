// Maps one Auth0 log event to the fields of Pangea's Auth0 Log Streaming schema, within the Secure Audit Log's field limits.
import { categoryOf, type LogEnvelope } from '@outflow/core';
import type { PangeaAuditEvent } from './types.js';

/** maxLength of each event field in the Secure Audit Log API reference (POST /v1/log, /v2/log). */
export const FIELD_LIMITS = {
  message: 32_766,
  actor: 128,
  action: 32,
  target: 128,
  status: 32,
  source: 128,
  timestamp: 128,
  new: 32_766,
} as const;

/** The first `max` characters (code points, so a surrogate pair is never cut in half). */
export function clip(value: string, max: number): string {
  if (value.length <= max) return value;
  const cut = value.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/**
 * `failure`, `success` or `notification` from the type's Auth0 category (`auth.login.fail` → failure);
 * for codes whose category names no outcome (`other`, `actions`, …), `failure` when the code says so
 * (`gd_auth_failed`, `pwd_leak`, `fi`), else `info`.
 */
export function auditStatus(type: string): string {
  const category = categoryOf(type);
  if (category.endsWith('.fail')) return 'failure';
  if (category.endsWith('.success')) return 'success';
  if (category.endsWith('.notification')) return 'notification';
  return /fail|error|reject|leak|^f[a-z]{0,4}$/.test(type) ? 'failure' : 'info';
}

/** An ISO date as Pangea's `timestamp`, or undefined when it is not a date. */
export function auditTimestamp(date: unknown): string | undefined {
  const ms = typeof date === 'string' ? Date.parse(date) : Number.NaN;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

/**
 * The event fields, in a fixed order (Pangea hashes the canonical form, so order changes nothing there):
 * message ← description, actor ← user_name | user_id | client_name | client_id, action ← type,
 * target ← client_name | client_id | hostname, status ← from the type, source ← ip, timestamp ← date,
 * new ← the stored `{log_id, data}` text as it is. Missing values are left out; long ones are cut to the limits
 * (except `new`).
 */
export function toAuditEvent(envelope: LogEnvelope, raw: string): PangeaAuditEvent {
  const d = (envelope.data ?? {}) as Record<string, unknown>;
  const type = text(d.type);
  const fields: Array<[keyof typeof FIELD_LIMITS, string | undefined]> = [
    ['message', text(d.description) ?? `Auth0 log event ${type ?? 'of unknown type'}`],
    ['actor', text(d.user_name) ?? text(d.user_id) ?? text(d.client_name) ?? text(d.client_id)],
    ['action', type],
    ['target', text(d.client_name) ?? text(d.client_id) ?? text(d.hostname)],
    ['status', type ? auditStatus(type) : undefined],
    ['source', text(d.ip)],
    ['timestamp', auditTimestamp(d.date)],
    ['new', raw],
  ];
  const event: Record<string, string> = {};
  // `new` is never cut (a cut envelope is no longer JSON): maxEventBytes keeps it within its limit.
  for (const [name, value] of fields) if (value !== undefined) event[name] = name === 'new' ? value : clip(value, FIELD_LIMITS[name]);
  return event as unknown as PangeaAuditEvent;
}
