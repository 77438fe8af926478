// Combines per-entry outcomes of one send (several PutEvents calls, oversized entries) into one DeliveryResult.
import type { PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { DeliveryError, type DeliveryResult, type ItemFailure } from '@outflow/core';
import { codeFailure, type Failure } from './outcome.js';

/** What happened to one event: accepted, refused by its entry result, or lost with its whole call. */
export type EntryOutcome = { ok: true } | { ok: false; failure: Failure; from: 'entry' | 'call' };

/** Outcomes of the entries of one call from PutEvents' answer (Entries[i] belongs to the i-th entry sent). */
export function entryOutcomes(sent: number, failedCount: number | undefined, results: readonly PutEventsResultEntry[] | undefined, secrets: readonly string[]): EntryOutcome[] {
  if (!failedCount) return Array.from({ length: sent }, () => ({ ok: true }));
  if (!results || results.length !== sent) {
    const error = new DeliveryError('transient', `EventBridge reported ${failedCount} failed entries without saying which.`);
    return Array.from({ length: sent }, () => ({ ok: false, failure: { status: 'retryable', error }, from: 'call' }));
  }
  return results.map((r) => (r.ErrorCode ? { ok: false, failure: codeFailure(r.ErrorCode, r.ErrorMessage, secrets), from: 'entry' } : { ok: true }));
}

function longestWait(failures: readonly Failure[]): number | undefined {
  const waits = failures.map((f) => (f.status === 'retryable' ? f.retryAfterMs : undefined)).filter((w): w is number => w !== undefined);
  return waits.length ? Math.max(...waits) : undefined;
}

/**
 * All accepted → success. Every event failed the same way → that one result, so that refused
 * credentials or throttling fail the whole round (and an invalid call gets split by the platform).
 * Otherwise `partial`: retryable are throttling and temporary failures, and also auth or config
 * refusals (fixed by configuration, never by dropping events); invalid entries are not retryable.
 */
export function combineOutcomes(outcomes: readonly EntryOutcome[]): DeliveryResult {
  const failed = outcomes.flatMap((o, index) => (o.ok ? [] : [{ index, ...o }]));
  if (failed.length === 0) return { status: 'success' };
  const first = (failed[0] as (typeof failed)[number]).failure;
  const uniform = failed.every(({ failure }) => failure.status === first.status && failure.error.kind === first.error.kind);
  const wholeCalls = failed.every((f) => f.from === 'call');
  if (failed.length === outcomes.length && uniform && (wholeCalls || first.error.kind !== 'invalid')) {
    return first.status === 'retryable' ? { ...first, retryAfterMs: longestWait(failed.map((f) => f.failure)) } : first;
  }
  const items: ItemFailure[] = failed.map(({ index, failure }) => ({
    index,
    retryable: failure.status === 'retryable' || failure.error.kind !== 'invalid',
    reason: failure.error.message,
    status: failure.error.details.status,
  }));
  return { status: 'partial', failed: items };
}
