// Reads PutEvents answers: per-entry error codes and whole-call failures, combined into one result for the batch.
import type { PutEventsResultEntry } from '@aws-sdk/client-eventbridge';
import { DeliveryError, type DeliveryErrorKind, type DeliveryResult, type ItemFailure } from '@outflow/core';
import { awsErrorKind, awsFailure, type AwsErrorOptions, type AwsFailure } from '@outflow/http';

/** EventBridge's own error names; AWS's common ones (throttling, internal, credentials, ResourceNotFound) are @outflow/http's. */
export const EVENTBRIDGE_KINDS: Readonly<Record<string, DeliveryErrorKind>> = {
  NotAuthorizedForSourceException: 'auth',
  NotAuthorizedForDetailTypeException: 'auth',
  KMSAccessDeniedException: 'auth',
  InvalidAccountIdException: 'config',
  OperationDisabledException: 'config',
};

/** What happened to one event: accepted, refused by its entry result, or lost with its whole call. */
export type EntryOutcome = { ok: true } | { ok: false; failure: AwsFailure; from: 'entry' | 'call' };

/** Outcomes of one call's entries (Entries[i] answers the i-th entry sent); unknown codes (MalformedDetail, …) are `invalid`. */
export function entryOutcomes(
  sent: number,
  failedCount: number | undefined,
  results: readonly PutEventsResultEntry[] | undefined,
  options: AwsErrorOptions,
): EntryOutcome[] {
  if (!failedCount) return Array.from({ length: sent }, () => ({ ok: true }));
  if (!results || results.length !== sent) {
    const error = new DeliveryError('transient', `EventBridge reported ${failedCount} failed entries without saying which.`);
    return Array.from({ length: sent }, () => ({ ok: false, failure: { status: 'retryable', error }, from: 'call' }));
  }
  return results.map((r) =>
    r.ErrorCode
      ? { ok: false, failure: awsFailure(awsErrorKind(r.ErrorCode, options.kinds) ?? 'invalid', r.ErrorCode, r.ErrorMessage, options), from: 'entry' }
      : { ok: true },
  );
}

/**
 * All accepted → success. Every event failed the same way → that one result, so that refused
 * credentials or throttling fail the whole round (and an invalid call gets split by the platform).
 * Otherwise `partial`: retryable are throttling and temporary failures, and also auth or config
 * refusals (fixed by configuration, never by dropping events); invalid entries are not retryable.
 */
export function combineOutcomes(outcomes: readonly EntryOutcome[]): DeliveryResult {
  const failed = outcomes.flatMap((o, index) => (o.ok ? [] : [{ index, ...o }]));
  const first = failed[0]?.failure;
  if (!first) return { status: 'success' };
  const uniform = failed.every(({ failure }) => failure.status === first.status && failure.error.kind === first.error.kind);
  if (failed.length === outcomes.length && uniform && (first.error.kind !== 'invalid' || failed.every((f) => f.from === 'call'))) {
    if (first.status === 'permanent') return first;
    const waits = failed.map(({ failure }) => (failure.status === 'retryable' ? failure.retryAfterMs : undefined)).filter((w): w is number => w !== undefined);
    return { ...first, retryAfterMs: waits.length ? Math.max(...waits) : undefined };
  }
  const items: ItemFailure[] = failed.map(({ index, failure }) => ({
    index,
    retryable: failure.status === 'retryable' || failure.error.kind !== 'invalid',
    reason: failure.error.message,
    status: failure.error.details.status,
  }));
  return { status: 'partial', failed: items };
}
