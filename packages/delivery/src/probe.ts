// A connector's healthcheck under a deadline: ok or the error's kind and message, secrets redacted, never thrown.
import { classifyNetworkError, redactText, type Clock, type Connector } from '@outflow/core';

/** What a probe found; the answer of the probe routes and `outflow validate --probe`. */
export interface ProbeOutcome {
  ok: boolean;
  message?: string;
  error?: { kind: string; status?: number; message: string };
  durationMs: number;
}

export interface ProbeOptions {
  clock: Clock;
  timeoutMs: number;
  secrets: readonly string[];
  /** Ends the probe early (a stopping worker); the outcome then says it was cancelled. */
  signal?: AbortSignal | undefined;
}

type Settled = Omit<ProbeOutcome, 'durationMs'>;

/** Runs `connector.healthcheck` once; a hang ends at the deadline as a `transient` timeout. */
export async function probeConnector(connector: Connector, { clock, timeoutMs, secrets, signal }: ProbeOptions): Promise<ProbeOutcome> {
  const started = performance.now();
  const controller = new AbortController();
  let settle!: (s: Settled) => void;
  const guard = new Promise<Settled>((resolve) => (settle = resolve));
  const timer = clock.setTimeout(() => {
    controller.abort(new Error('The probe timed out.'));
    settle({ ok: false, error: { kind: 'transient', message: `The destination did not answer the probe within ${timeoutMs} ms.` } });
  }, timeoutMs);
  const onAbort = () => {
    controller.abort(signal?.reason);
    settle({ ok: false, error: { kind: 'cancelled', message: 'The probe was cancelled.' } });
  };
  if (signal?.aborted) onAbort();
  else signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const checked = Promise.resolve()
      .then(() => connector.healthcheck(controller.signal))
      .then(
        (r): Settled => {
          if (r?.ok === true) return r.message ? { ok: true, message: redactText(r.message, secrets) } : { ok: true };
          const e = r?.ok === false ? r.error : undefined;
          const status = e?.details?.status;
          return {
            ok: false,
            error: {
              kind: e?.kind ?? 'invalid',
              ...(status !== undefined ? { status } : {}),
              message: redactText(e?.message ?? 'The connector answered the probe with no result.', secrets),
            },
          };
        },
        (err: unknown): Settled => {
          const r = classifyNetworkError(err, secrets);
          const e = r.status === 'retryable' || r.status === 'permanent' ? r.error : undefined;
          return { ok: false, error: { kind: e?.kind ?? 'transient', message: redactText(e?.message ?? String(err), secrets) } };
        },
      );
    const outcome = await Promise.race([checked, guard]);
    return { ...outcome, durationMs: Math.round(performance.now() - started) };
  } finally {
    clock.clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}
