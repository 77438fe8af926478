// The human-readable line of one event: date, type code, description and who it concerns.
import { categoryOf, type LogBatch, type LogEnvelope } from '@outflow/core';

const CONTROL = /[\u0000-\u001f\u007f]+/g;

const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.replace(CONTROL, ' ').trim() : undefined);

/** `2026-01-01T00:00:00.000Z  s  Success Login  user@example.com` (no trailing newline). */
export function prettyLine(envelope: LogEnvelope): string {
  const d = envelope.data;
  const type = text(d.type) ?? '-';
  const what = text(d.description) ?? categoryOf(type);
  const who = text(d.user_name) ?? text(d.user_id) ?? text(d.client_name) ?? text(d.ip) ?? '-';
  return [text(d.date) ?? '-', type, what, who].join('  ');
}

/** One pretty line per event of the batch, each ending in `\n`. */
export function prettyLines(batch: LogBatch): Buffer {
  let out = '';
  for (const envelope of batch.envelopes()) out += `${prettyLine(envelope)}\n`;
  return Buffer.from(out, 'utf8');
}
