// Retry rounds: attempts with backoff, Retry-After, failed-round health records, growing round backoff.
import { DeliveryError, type DeliveryResult } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

const unavailable = (retryAfterMs?: number): DeliveryResult => ({
  status: 'retryable',
  error: new DeliveryError('transient', 'The destination answered HTTP 503.', { status: 503 }),
  retryAfterMs,
});
const failFirst = (n: number, result: () => DeliveryResult) => (_b: unknown, call: number) => (call <= n ? result() : success);

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

describe('retry rounds', () => {
  it('makes 3 attempts per round, writes a health record, and a later round delivers everything', async () => {
    h = await createHarness({ script: failFirst(3, () => unavailable()) });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 5);
    await h.flush();
    expect(h.dest.calls).toHaveLength(1);
    await h.clock.advance(1000); // first retry after the 1 s cap (jitter off)
    expect(h.dest.calls).toHaveLength(2);
    await h.clock.advance(1999);
    expect(h.dest.calls).toHaveLength(2);
    await h.clock.advance(1); // second retry after 2 s
    expect(h.dest.calls).toHaveLength(3);

    const [failed] = await h.store.health.list(s.id);
    expect(failed).toMatchObject({ kind: 'delivery_failed', errorKind: 'transient', status: 503, attempts: 3, count: 5 });
    expect((await h.stream(s.id)).state.failingSince).toBe(h.clock.now());
    const status = h.supervisor.workerStatus(s.id);
    expect(status).toMatchObject({ state: 'backing_off', nextAttemptAt: h.clock.now() + 30_000, inFlight: 0 });
    expect(status?.lastError).toMatchObject({ kind: 'transient', status: 503 });

    await h.clock.advance(29_999);
    expect(h.dest.calls).toHaveLength(3);
    await h.clock.advance(1);
    expect(h.dest.calls).toHaveLength(4);
    expect(h.dest.accepted).toEqual([1, 2, 3, 4, 5]);
    const stream = await h.stream(s.id);
    expect(stream.state).toMatchObject({ cursor: 5, delivered: 5, failingSince: null });
    const kinds = (await h.store.health.list(s.id)).map((r) => r.kind);
    expect(kinds).toEqual(['recovered', 'delivery_failed']);
    expect(h.supervisor.workerStatus(s.id)?.state).toBe('idle');
    expect(await h.store.deadLetters.count(s.id)).toBe(0);
  });

  it('honours Retry-After: the next attempt does not happen before it', async () => {
    h = await createHarness({ script: failFirst(1, () => unavailable(20_000)) });
    await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 2);
    await h.flush();
    const first = h.dest.calls[0]?.at as number;
    await h.clock.advance(19_999);
    expect(h.dest.calls).toHaveLength(1);
    await h.clock.advance(1);
    expect(h.dest.calls).toHaveLength(2);
    expect((h.dest.calls[1]?.at as number) - first).toBe(20_000);
  });

  it('clamps a Retry-After above maxRetryAfter', async () => {
    h = await createHarness({ script: failFirst(1, () => unavailable(3_600_000)), options: { maxRetryAfter: 60_000 } });
    await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 1);
    await h.flush();
    await h.clock.advance(60_000);
    expect(h.dest.calls).toHaveLength(2);
    expect((h.dest.calls[1]?.at as number) - (h.dest.calls[0]?.at as number)).toBe(60_000);
  });

  it('grows the round backoff and caps it', async () => {
    h = await createHarness({
      script: () => unavailable(),
      options: { attemptsPerRound: 1, roundBackoff: { initial: 30_000, multiplier: 2, max: 100_000 } },
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 1);
    await h.flush();
    for (let i = 0; i < 5; i++) await h.clock.runNext();
    const gaps = h.dest.calls.slice(1).map((c, i) => c.at - (h.dest.calls[i]?.at as number));
    expect(gaps).toEqual([30_000, 60_000, 100_000, 100_000, 100_000]);
    const records = await h.store.health.list(s.id);
    expect(records.filter((r) => r.kind === 'delivery_failed')).toHaveLength(h.dest.calls.length);
  });

  it('uses full jitter between attempts: a random delay up to the cap', async () => {
    h = await createHarness({ script: failFirst(2, () => unavailable()), options: { attemptBackoff: { jitter: 'full' } }, random: () => 0.25 });
    await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 1);
    await h.flush();
    await h.clock.advance(250);
    expect(h.dest.calls).toHaveLength(2);
    await h.clock.advance(499);
    expect(h.dest.calls).toHaveLength(2);
    await h.clock.advance(1);
    expect(h.dest.calls).toHaveLength(3);
    expect(h.dest.accepted).toEqual([1]);
  });

  it('treats 401 as a failed round: no dead letters, health records, and retries continue until fixed', async () => {
    const auth = (): DeliveryResult => ({
      status: 'permanent',
      error: new DeliveryError('auth', 'The destination refused the credentials (HTTP 401).', { status: 401 }),
    });
    h = await createHarness({ script: failFirst(3, auth) });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 4);
    await h.flush();
    expect(h.dest.calls).toHaveLength(1); // an auth failure ends the round at once
    let records = await h.store.health.list(s.id);
    expect(records[0]).toMatchObject({ kind: 'delivery_failed', errorKind: 'auth', status: 401, attempts: 1, count: 4 });
    await h.clock.advance(30_000);
    expect(h.dest.calls).toHaveLength(2);
    await h.clock.advance(60_000);
    expect(h.dest.calls).toHaveLength(3);
    await h.clock.advance(120_000);
    expect(h.dest.calls).toHaveLength(4);
    expect(h.dest.accepted).toEqual([1, 2, 3, 4]);
    records = await h.store.health.list(s.id);
    expect(records.filter((r) => r.kind === 'delivery_failed')).toHaveLength(3);
    expect(await h.store.deadLetters.count(s.id)).toBe(0);
    expect((await h.stream(s.id)).state.cursor).toBe(4);
  });

  it('aborts an attempt after attemptTimeout and counts it as a retryable failure', async () => {
    const signals: AbortSignal[] = [];
    h = await createHarness({
      options: { attemptTimeout: 5000 },
      script: (_b, call, signal) => {
        signals.push(signal);
        return call === 1 ? new Promise<DeliveryResult>(() => undefined) : success;
      },
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 1);
    await h.flush();
    expect(h.supervisor.workerStatus(s.id)).toMatchObject({ state: 'sending', inFlight: 1 });
    await h.clock.advance(4999);
    expect(signals[0]?.aborted).toBe(false);
    await h.clock.advance(1);
    expect(signals[0]?.aborted).toBe(true);
    await h.clock.advance(1000);
    expect(h.dest.calls).toHaveLength(2);
    expect(h.dest.accepted).toEqual([1]);
    expect(h.supervisor.workerStatus(s.id)?.state).toBe('idle');
  });

  it('redacts config secrets from health records and logs', async () => {
    const token = 'sk_live_abcdef123456';
    h = await createHarness({
      script: failFirst(3, () => ({ status: 'retryable', error: new DeliveryError('transient', `Connection to host with key ${token} reset.`) })),
    });
    const s = await h.createStream({ sink: { url: 'https://example.com/in', token } });
    await h.supervisor.start();
    await h.ingest('t1', 1);
    await h.clock.advance(3000);
    const [record] = await h.store.health.list(s.id);
    expect(record?.message).toContain('[REDACTED]');
    expect(record?.message).not.toContain(token);
    expect(JSON.stringify(h.supervisor.workerStatus(s.id))).not.toContain(token);
    const logged = JSON.stringify(h.logger.lines);
    expect(logged).not.toContain(token);
    const delivery = h.logger.lines.filter((l) => l.bindings.component === 'delivery' && l.bindings.stream === s.id);
    expect(delivery.length).toBeGreaterThan(0);
    for (const line of h.logger.lines) if (line.msg) expect(line.msg).toMatch(/[.]$/);
  });
});
