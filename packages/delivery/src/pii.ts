// Auth0 pii_config: masks or hashes the covered fields anywhere in each event's `data`.
import { createLogBatch, type LogBatch, type LogEnvelope, type PiiConfig, type PiiField } from '@outflow/core';
import { loadHash64 } from './xxhash.js';

/** The event field names each Auth0 data class covers. */
export const PII_FIELD_NAMES: Readonly<Record<PiiField, readonly string[]>> = {
  first_name: ['first_name', 'given_name', 'name'],
  last_name: ['last_name', 'family_name', 'name'],
  email: ['email'],
  phone: ['phone', 'phone_number', 'old_phone_number', 'new_phone_number'],
  address: ['address'],
  username: ['username', 'user_name'],
};

export interface TransformResult {
  /** The events to send, in the input's order, without the unreadable ones. */
  batch: LogBatch;
  /** Positions in the input of the events kept in `batch`. */
  kept: number[];
  /** Positions in the input of events whose text could not be parsed. */
  unreadable: number[];
}

/** Turns a stored batch into the batch a stream with PII settings may send. */
export type BatchTransform = (batch: LogBatch) => TransformResult;

/** Same length in characters, all asterisks. */
export const maskValue = (text: string): string => '*'.repeat([...text].length);

/** Replaces every scalar under a covered value (strings, numbers, booleans; nested values too). */
function obfuscateValue(value: unknown, replace: (text: string) => string): unknown {
  if (value === null || value === undefined) return value;
  if (typeof value === 'string') return replace(value);
  if (typeof value === 'number' || typeof value === 'boolean') return replace(String(value));
  if (Array.isArray(value)) return value.map((v) => obfuscateValue(v, replace));
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = obfuscateValue(v, replace);
    return out;
  }
  return value;
}

/** A copy of `node` with the values of covered field names replaced at any depth. */
function scrub(node: unknown, fields: ReadonlySet<string>, replace: (text: string) => string): unknown {
  if (Array.isArray(node)) return node.map((v) => scrub(v, fields, replace));
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = fields.has(k) ? obfuscateValue(v, replace) : scrub(v, fields, replace);
  return out;
}

/** The field names a pii_config covers. */
export function coveredFields(config: PiiConfig): Set<string> {
  const out = new Set<string>();
  for (const field of config.log_fields) for (const name of PII_FIELD_NAMES[field] ?? []) out.add(name);
  return out;
}

/**
 * A transform for the stream's pii_config, or null when the stream has none: then the stored
 * batch goes to the connector untouched (no parse, no re-serialization).
 */
export async function createPiiTransform(config: PiiConfig | undefined): Promise<BatchTransform | null> {
  if (!config || !Array.isArray(config.log_fields) || config.log_fields.length === 0) return null;
  const fields = coveredFields(config);
  const replace = config.method === 'hash' ? await loadHash64() : maskValue;
  return (batch) => {
    const kept: number[] = [];
    const unreadable: number[] = [];
    const envelopes: LogEnvelope[] = [];
    for (let i = 0; i < batch.length; i++) {
      let envelope: LogEnvelope;
      try {
        envelope = JSON.parse(batch.raw(i).toString('utf8')) as LogEnvelope;
      } catch {
        unreadable.push(i);
        continue;
      }
      kept.push(i);
      envelopes.push({ ...envelope, data: scrub(envelope.data, fields, replace) as LogEnvelope['data'] });
    }
    const out = createLogBatch({
      seqs: kept.map((i) => batch.seqs[i] as number),
      logIds: kept.map((i) => batch.logIds[i] as string),
      types: kept.map((i) => batch.types[i] as string),
      raws: envelopes.map((e) => Buffer.from(JSON.stringify(e))),
      envelopes,
    });
    return { batch: out, kept, unreadable };
  };
}
