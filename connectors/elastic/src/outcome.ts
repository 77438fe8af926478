// Reads a `_bulk` answer: per-item status → delivered (201, 200, 409 on create) or failed, combined into one DeliveryResult.
import { DeliveryError, redactText, type DeliveryErrorKind, type DeliveryResult, type ItemFailure } from '@outflow/core';

/** One item of a `_bulk` answer (`items[i].create`), in Elastic's shape. */
export interface BulkItem {
  _index?: string;
  _id?: string | null;
  status: number;
  error?: { type?: string; reason?: string | null; caused_by?: { type?: string; reason?: string | null } } | undefined;
}

/** The `_bulk` answer: `errors` is true when any item failed. */
export interface BulkAnswer {
  errors?: boolean;
  items?: Array<Record<string, BulkItem>>;
}

/** What one event came to: delivered, or a failure of some kind. */
export type ItemOutcome = { ok: true } | { ok: false; kind: DeliveryErrorKind; status: number; reason: string };

/**
 * 2xx → delivered; 409 → delivered too: `create` with `_id` = log_id refuses a document that is
 * already there, so a redelivery after a crash writes no duplicate. 429 (es_rejected_execution)
 * → throttled; 5xx → transient; 401/403 → auth (a missing `create_doc` privilege); 404 → config
 * (no such index and auto-create off); other 4xx (mapper_parsing_exception, illegal_argument…) → invalid.
 */
export function itemOutcome(item: BulkItem | undefined, secrets: readonly string[]): ItemOutcome {
  if (!item || typeof item.status !== 'number') return { ok: false, kind: 'transient', status: 0, reason: 'The _bulk answer has no result for this event.' };
  const { status } = item;
  if ((status >= 200 && status < 300) || status === 409) return { ok: true };
  const kind: DeliveryErrorKind =
    status === 429 ? 'throttled' : status >= 500 ? 'transient' : status === 401 || status === 403 ? 'auth' : status === 404 ? 'config' : 'invalid';
  const type = item.error?.type ?? 'error';
  const detail = item.error?.reason ?? item.error?.caused_by?.reason ?? '';
  const reason = redactText(`${type}: ${detail}`.slice(0, 300), secrets);
  return { ok: false, kind, status, reason };
}

/** The outcomes of a 2xx `_bulk` answer for `count` events sent in order; an answer that does not fit fails every event as transient. */
export function bulkOutcomes(answer: unknown, count: number, secrets: readonly string[]): ItemOutcome[] {
  const items = (answer as BulkAnswer | undefined)?.items;
  if (!Array.isArray(items) || items.length !== count) {
    const reason = `The _bulk answer has ${Array.isArray(items) ? items.length : 'no'} items for ${count} events.`;
    return Array.from({ length: count }, () => ({ ok: false, kind: 'transient', status: 0, reason }) as const);
  }
  return items.map((entry) => itemOutcome(entry?.create ?? Object.values(entry ?? {})[0], secrets));
}

const RETRYABLE = new Set<DeliveryErrorKind>(['transient', 'throttled']);

/**
 * All delivered → success. Every event failed alike and not as `invalid` (all throttled, all
 * refused for auth…) → that one result for the batch, so credentials or a full cluster fail the
 * round. Otherwise `partial`: invalid documents are permanent for their event (dead letters); the
 * rest retry, auth and config refusals included (fixed by configuration, never by dropping events).
 */
export function combineOutcomes(outcomes: readonly ItemOutcome[]): DeliveryResult {
  const failed = outcomes.flatMap((o, index) => (o.ok ? [] : [{ index, ...o }]));
  const first = failed[0];
  if (!first) return { status: 'success' };
  if (failed.length === outcomes.length && first.kind !== 'invalid' && failed.every((f) => f.kind === first.kind)) {
    const error = new DeliveryError(first.kind, `Elasticsearch refused every event of the batch: ${first.reason}`, { status: first.status || undefined });
    return RETRYABLE.has(first.kind) ? { status: 'retryable', error } : { status: 'permanent', error };
  }
  const items: ItemFailure[] = failed.map((f) => ({ index: f.index, retryable: f.kind !== 'invalid', reason: f.reason, status: f.status || undefined }));
  return { status: 'partial', failed: items };
}
