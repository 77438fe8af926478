// The probe at a worker's start: a failure is a `probe_failed` health record; a hang or failure never holds delivery back.
import { DeliveryError, type HealthResult } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { PROBE_TIMEOUT_MS, START_PROBES_AT_ONCE } from '../src/index.js';
import { createHarness, type Harness } from './helpers/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

const kinds = async (id: string) => (await h.store.health.list(id)).map((r) => r.kind);

describe('start probe', () => {
  it('records a refused probe as probe_failed (kind, status, secrets redacted) and delivers anyway', async () => {
    h = await createHarness();
    h.dest.health = async () => ({ ok: false, error: new DeliveryError('auth', 'Token tok-start-secret-1 refused.', { status: 401 }) });
    const s = await h.createStream({ sink: { url: 'https://example.com/x', token: 'tok-start-secret-1' } });
    await h.supervisor.start();
    await h.ingest('t1', 3);
    await h.flush();
    expect(h.dest.accepted).toHaveLength(3);
    const [record] = await h.store.health.list(s.id);
    expect(record).toMatchObject({ kind: 'probe_failed', errorKind: 'auth', status: 401 });
    expect(record?.message).not.toContain('tok-start-secret-1');
  });

  it('delivers while the probe hangs; the deadline records a transient probe_failed', async () => {
    h = await createHarness();
    h.dest.health = () => new Promise<HealthResult>(() => undefined);
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 2);
    await h.flush();
    expect(h.dest.accepted).toHaveLength(2);
    expect(await kinds(s.id)).toEqual([]);
    await h.clock.advance(PROBE_TIMEOUT_MS);
    await h.flush();
    expect(await h.store.health.list(s.id)).toMatchObject([{ kind: 'probe_failed', errorKind: 'transient' }]);
  });

  it('records nothing when the probe passes, or when the worker stops before it answers', async () => {
    h = await createHarness();
    const ok = await h.createStream();
    await h.supervisor.start();
    await h.flush();
    expect(await kinds(ok.id)).toEqual([]);
    await h.supervisor.stop(0);

    h = await createHarness();
    h.dest.health = () => new Promise<HealthResult>(() => undefined);
    const s = await h.createStream();
    await h.supervisor.start();
    await h.flush();
    await h.supervisor.stop(0);
    await h.clock.advance(PROBE_TIMEOUT_MS);
    expect(await kinds(s.id)).toEqual([]);
  });
  it('runs start probes a few at a time, each with its own deadline, and delivers meanwhile', async () => {
    h = await createHarness();
    let inFlight = 0;
    let most = 0;
    let calls = 0;
    h.dest.health = (signal: AbortSignal) =>
      new Promise<HealthResult>((resolve) => {
        calls++;
        most = Math.max(most, ++inFlight);
        signal.addEventListener(
          'abort',
          () => {
            inFlight--;
            resolve({ ok: false, error: new DeliveryError('transient', 'The probe timed out.') });
          },
          { once: true },
        );
      });
    const streams = [];
    for (let i = 0; i < 3 * START_PROBES_AT_ONCE; i++) streams.push(await h.createStream());
    await h.supervisor.start();
    await h.flush();
    expect(calls).toBe(START_PROBES_AT_ONCE);
    for (let round = 1; round <= 3; round++) {
      await h.clock.advance(PROBE_TIMEOUT_MS);
      await h.flush();
    }
    expect(calls).toBe(streams.length);
    expect(most).toBe(START_PROBES_AT_ONCE);
    for (const s of streams) expect(await kinds(s.id)).toEqual(['probe_failed']);
  });

  it('delivers while probes wait their turn, and does not probe a stream that delivered before it', async () => {
    h = await createHarness();
    const probed: string[] = [];
    const hang = () => new Promise<HealthResult>(() => undefined);
    h.dest.health = hang;
    const streams = [];
    for (let i = 0; i < 2 * START_PROBES_AT_ONCE; i++) streams.push(await h.createStream());
    await h.supervisor.start();
    // The first probes hang; the other streams wait for a slot and deliver meanwhile.
    await h.ingest('t1', 2);
    await h.flush();
    expect(h.dest.accepted.length).toBe(2 * streams.length);
    h.dest.health = async () => {
      probed.push('late');
      return { ok: true };
    };
    await h.clock.advance(PROBE_TIMEOUT_MS);
    await h.flush();
    // The hung probes timed out (recorded); the streams that waited had delivered, so were not probed.
    expect(probed).toEqual([]);
    const recorded = await Promise.all(streams.map((s) => kinds(s.id)));
    expect(recorded.filter((k) => k.includes('probe_failed'))).toHaveLength(START_PROBES_AT_ONCE);
    expect(recorded.filter((k) => k.length === 0)).toHaveLength(START_PROBES_AT_ONCE);
  });
});
