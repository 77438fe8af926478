// Reads one parsed item (flat event or {log_id, data} envelope) into the fields the log stores.
import { jsonKind, logIdFault, logIdMessage, validateEvent } from './validate-event.js';

export interface ItemFields {
  /** The flat event object. */
  event: Record<string, unknown>;
  /** True when the item was an envelope (its `data` must be re-serialized). */
  envelope: boolean;
  logId: string | undefined;
  type: string;
  date: string | undefined;
}

/** Returns the item's fields, or a message saying what is wrong with it. */
export function readItem(value: unknown): ItemFields | string {
  if (jsonKind(value) !== 'object') return `expected a JSON object (an Auth0 log event), got ${jsonKind(value)}`;
  const item = value as Record<string, unknown>;
  const isEnvelope = item.type === undefined && jsonKind(item.data) === 'object';
  if (isEnvelope) {
    const unknownKeys = Object.keys(item).filter((k) => k !== 'log_id' && k !== 'data');
    if (unknownKeys.length) return `envelope has unknown fields ${unknownKeys.join(', ')}; expected only log_id and data`;
    const data = item.data as Record<string, unknown>;
    const problem = validateEvent(data);
    if (problem) return `data.${problem}`;
    if (item.log_id !== undefined) {
      const got = typeof item.log_id === 'string' ? logIdFault(item.log_id) : jsonKind(item.log_id);
      if (got !== undefined) return logIdMessage(got);
    }
    if (typeof item.log_id === 'string' && typeof data.log_id === 'string' && item.log_id !== data.log_id) {
      return `log_id ("${item.log_id}") differs from data.log_id ("${data.log_id}")`;
    }
    const logId = (item.log_id as string | undefined) ?? (data.log_id as string | undefined);
    return { event: data, envelope: true, logId, type: data.type as string, date: data.date as string | undefined };
  }
  const problem = validateEvent(item);
  if (problem) return problem;
  return { event: item, envelope: false, logId: item.log_id as string | undefined, type: item.type as string, date: item.date as string | undefined };
}
