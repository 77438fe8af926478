// What a stream's badge says: its stored status, or Retrying/Failing with the last error when its latest round failed.
import type { StreamStatus } from '../api/types';

export type DisplayStatus = StreamStatus | 'retrying' | 'failing';

export interface DisplayState {
  status: DisplayStatus;
  /** The last error, while Retrying or Failing. */
  error?: string;
}

/** The delivery facts the badge needs, from the list's `include=delivery` or from the health answer. */
export interface DeliveryFacts {
  failingSince: string | null;
  lastErrorAt?: string | null;
  lastError: { kind: string; status?: number; message: string } | null;
}

/** Errors that retrying does not fix: the destination refuses the credentials, the config or the payload. */
const NEEDS_A_FIX = new Set(['auth', 'config', 'invalid']);
/** A run of failed rounds longer than this is Failing, not Retrying. */
export const FAILING_AFTER_MS = 60_000;

export const STATUS_LABEL: Record<DisplayStatus, string> = {
  active: 'Active',
  retrying: 'Retrying',
  failing: 'Failing',
  paused: 'Paused',
  suspended: 'Suspended',
};

export function describeError(e: DeliveryFacts['lastError']): string {
  if (!e) return 'The latest delivery round failed.';
  return e.status && !e.message.includes(String(e.status)) ? `HTTP ${e.status}: ${e.message}` : e.message;
}

export function displayState(status: StreamStatus, facts: DeliveryFacts | null | undefined, now = Date.now()): DisplayState {
  if (status !== 'active' || !facts?.failingSince) return { status };
  const long = now - Date.parse(facts.failingSince) > FAILING_AFTER_MS;
  const fatal = facts.lastError ? NEEDS_A_FIX.has(facts.lastError.kind) : false;
  return { status: long || fatal ? 'failing' : 'retrying', error: describeError(facts.lastError) };
}
