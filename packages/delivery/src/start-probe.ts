// The probe at a worker's start: runs beside delivery, records a `probe_failed` health record when the destination refuses.
import type { Clock, Logger, Store, StoredStream } from '@outflow/core';
import { appendHealth } from './health.js';
import { acquireProbeSlot } from './probe-gate.js';
import type { StreamConnector } from './stream-connector.js';

/** Deadline of a probe (at stream start, through the API and `outflow validate --probe`). */
export const PROBE_TIMEOUT_MS = 10_000;

export interface StartProbeDeps {
  store: Store;
  stream: StoredStream;
  clock: Clock;
  logger: Logger;
  /** Whether an attempt of the stream already succeeded (its backoff's success count). */
  delivered: () => boolean;
}

/**
 * Probes once, a few streams at a time per store (the deadline starts with the probe, not the wait);
 * never blocks or fails the start. `ended` (the worker ending) cancels it and nothing is recorded.
 * A stream that delivered before its turn is not probed: the destination already accepted it.
 */
export async function probeAtStart(deps: StartProbeDeps, opened: StreamConnector, ended: Promise<unknown>): Promise<void> {
  const stop = new AbortController();
  void ended.then(
    () => stop.abort(),
    () => stop.abort(),
  );
  const release = await acquireProbeSlot(deps.store, stop.signal);
  if (!release) return;
  if (deps.delivered()) {
    release();
    deps.logger.debug({}, 'The start probe was skipped: the stream already delivered.');
    return;
  }
  const probed = opened.probe(PROBE_TIMEOUT_MS, stop.signal).finally(release);
  return probed.then(async (outcome) => {
    if (stop.signal.aborted) return;
    if (outcome.ok) {
      deps.logger.debug({ durationMs: outcome.durationMs }, 'The destination answered the start probe.');
      return;
    }
    const error = outcome.error ?? { kind: 'invalid', message: 'The probe failed.' };
    deps.logger.warn({ errorKind: error.kind, status: error.status, error: error.message }, 'The start probe failed; delivery goes on and retries as usual.');
    await appendHealth(
      { ...deps, secrets: opened.secrets },
      {
        kind: 'probe_failed',
        errorKind: error.kind,
        ...(error.status !== undefined ? { status: error.status } : {}),
        message: `The start probe failed: ${error.message}`,
      },
    );
  });
}
