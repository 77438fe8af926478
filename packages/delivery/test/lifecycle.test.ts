// Stream lifecycle: pause/resume, replay, filters, tenants, idle cost, config failures, delete.
import type { EventLog } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { DELIVERY_DEFAULTS } from '../src/options.js';
import { success } from './helpers/fake-connector.js';
import { createHarness, makeEvents, type Harness } from './helpers/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

describe('stream lifecycle', () => {
  it('sends nothing for a paused stream; resume continues from the stored cursor', async () => {
    h = await createHarness();
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 2);
    await h.flush();
    expect(h.dest.accepted).toEqual([1, 2]);

    await h.store.streams.setStatus(s.id, 'paused', null, h.clock.now());
    await h.supervisor.refresh(s.id);
    expect(h.supervisor.workerStatus(s.id)?.state).toBe('paused');
    await h.ingest('t1', 3);
    await h.clock.advance(60_000);
    expect(h.dest.accepted).toEqual([1, 2]);
    expect((await h.stream(s.id)).state.cursor).toBe(2);

    await h.store.streams.setStatus(s.id, 'active', null, h.clock.now());
    await h.supervisor.refresh(s.id);
    await h.flush();
    expect(h.dest.accepted).toEqual([1, 2, 3, 4, 5]);
    expect((await h.stream(s.id)).state.cursor).toBe(5);
  });

  it('starts no worker for a stream that is paused at start', async () => {
    h = await createHarness();
    const s = await h.createStream({ status: 'paused' });
    await h.ingest('t1', 2);
    await h.supervisor.start();
    await h.flush();
    expect(h.dest.created).toBe(0);
    expect(h.supervisor.workerStatus(s.id)).toMatchObject({ state: 'paused', inFlight: 0 });
  });

  it('replay (setCursor + refresh) re-delivers from the new cursor', async () => {
    h = await createHarness();
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 4);
    await h.flush();
    expect(h.dest.accepted).toEqual([1, 2, 3, 4]);
    await h.store.streams.setCursor(s.id, 1);
    await h.supervisor.refresh(s.id);
    await h.flush();
    expect(h.dest.accepted).toEqual([1, 2, 3, 4, 2, 3, 4]);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 4, generation: 1 });
  });

  it('a replay during a send is noticed at commit: the worker continues from the new cursor', async () => {
    let release!: () => void;
    h = await createHarness({
      script: (_b, call) => (call === 1 ? new Promise((r) => (release = () => r({ status: 'success' }))) : { status: 'success' }),
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 3);
    await h.flush();
    await h.store.streams.setCursor(s.id, 0); // replay without refresh: the commit must be refused
    release();
    await h.flush();
    expect(h.dest.calls.map((c) => c.seqs)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
    ]);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 3, generation: 1 });
  });

  it('applies filters (category and type) and moves the cursor over filtered-out events', async () => {
    h = await createHarness();
    const s = await h.createStream({
      filters: [
        { type: 'category', name: 'auth.login.fail' },
        { type: 'type', name: 'sapi' },
      ],
    });
    await h.supervisor.start();
    await h.ingest('t1', [{ type: 's' }, { type: 'f' }, { type: 'sapi' }, { type: 'fp' }, { type: 'ss' }]);
    await h.flush();
    expect(h.dest.calls.flatMap((c) => c.seqs)).toEqual([2, 3, 4]);
    expect((await h.stream(s.id)).state.cursor).toBe(5);
    await h.ingest('t1', [{ type: 's' }, { type: 'ss' }]);
    await h.flush();
    expect(h.dest.calls).toHaveLength(1);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 7, delivered: 3 });
  });

  it('reads batches of at most min(options.batch, connector limits)', async () => {
    h = await createHarness({ options: { batch: { maxEvents: 3 } }, limits: { maxEvents: 100, maxBytes: 1000 } });
    await h.createStream();
    await h.supervisor.start();
    await h.ingest(
      't1',
      makeEvents(8, (i) => (i >= 6 ? { description: 'z'.repeat(400) } : {})),
    );
    await h.flush();
    const sizes = h.dest.calls.map((c) => c.seqs.length);
    expect(sizes.slice(0, 2)).toEqual([3, 3]);
    for (const call of h.dest.calls) expect(call.batch.byteLength <= 1000 || call.batch.length === 1).toBe(true);
    expect(h.dest.calls.flatMap((c) => c.seqs)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps tenants apart: a stream only receives its own tenant events', async () => {
    h = await createHarness();
    const a = await h.createStream({ tenant: 'acme' });
    const b = await h.createStream({ tenant: 'globex' });
    await h.supervisor.start();
    await h.ingest('acme', 2);
    await h.ingest('globex', 1);
    await h.ingest('acme', 1);
    await h.flush();
    const byStream = (id: string) => h.dest.calls.filter((c) => c.streamId === id).flatMap((c) => c.seqs);
    expect(byStream(a.id)).toEqual([1, 2, 4]);
    expect(byStream(b.id)).toEqual([3]);
    expect((await h.stream(a.id)).state.cursor).toBe(4);
    expect((await h.stream(b.id)).state).toMatchObject({ cursor: 3, delivered: 1 });
  });

  it('1000 idle workers cost little: identical reads are shared, none while nothing is appended', async () => {
    h = await createHarness();
    for (let i = 0; i < 1000; i++) await h.createStream({ tenant: i < 999 ? 'quiet' : 'busy' });
    const events = h.store.events as EventLog;
    let reads = 0;
    const read = events.read.bind(events);
    events.read = (q) => {
      reads++;
      return read(q);
    };
    await h.supervisor.start();
    await h.flush();
    // A read takes a place in the in-flight budget (128 batches by default) first, so the 999
    // quiet streams read in waves of 128, each wave sharing one read; the busy tenant reads once.
    const waves = Math.ceil(999 / DELIVERY_DEFAULTS.maxInflightBatches) + 1;
    expect(reads).toBe(waves);
    await h.clock.advance(10 * 60_000);
    expect(reads).toBe(waves);
    expect(h.clock.pending()).toBe(1); // only the retention schedule
    await h.ingest('busy', 1);
    await h.flush();
    expect(h.dest.accepted).toEqual([1]);
    expect(reads).toBeLessThanOrEqual(waves + 3);
  });

  it('an invalid sink leaves the stream active but idle with a config health record', async () => {
    h = await createHarness();
    const s = await h.createStream({ sink: { url: 'not a url' } });
    await h.supervisor.start();
    await h.ingest('t1', 1);
    await h.flush();
    expect(h.dest.created).toBe(0);
    const [record] = await h.store.health.list(s.id);
    expect(record).toMatchObject({ kind: 'delivery_failed', errorKind: 'config' });
    expect(record?.message).toMatch(/url/);
    expect((await h.stream(s.id)).status).toBe('active');
    expect(h.supervisor.workerStatus(s.id)).toMatchObject({ state: 'idle', lastError: { kind: 'config' } });
    expect(h.logger.lines.some((l) => l.level === 'warn' && l.bindings.stream === s.id)).toBe(true);

    await h.store.streams.update(s.id, { sink: { url: 'https://example.com/fixed' } }, h.clock.now());
    await h.supervisor.refresh(s.id);
    await h.flush();
    expect(h.dest.accepted).toEqual([1]);
  });

  it('does not start an API stream whose stored sink sets an operator-only field; a config stream may', async () => {
    h = await createHarness();
    const api = await h.createStream({ sink: { url: 'https://example.com/in', localPath: '/tmp/x' } });
    const fromConfig = await h.createStream({ sink: { url: 'https://example.com/in', localPath: '/tmp/x' }, managedBy: 'config' });
    await h.supervisor.start();
    const [record] = await h.store.health.list(api.id);
    expect(record).toMatchObject({ kind: 'delivery_failed', errorKind: 'config' });
    expect(record?.message).toMatch(/sets localPath, which only the operator's config file may set/);
    expect(h.supervisor.workerStatus(api.id)?.state).toBe('idle');
    expect(await h.store.health.list(fromConfig.id)).toEqual([]);
    expect(h.dest.created).toBe(1);
  });

  it('treats a connector that refuses to be created (egress) like a config failure, secrets redacted', async () => {
    h = await createHarness({ onCreate: (config, check) => check(config.url) });
    const token = 'tok_0123456789abcdef';
    const s = await h.createStream({ sink: { url: 'https://127.0.0.1/in', token } });
    await h.supervisor.start();
    const [record] = await h.store.health.list(s.id);
    expect(record).toMatchObject({ kind: 'delivery_failed', errorKind: 'config' });
    expect(record?.message).toMatch(/private, loopback/);
    expect(h.supervisor.workerStatus(s.id)?.state).toBe('idle');
    expect(JSON.stringify(h.logger.lines)).not.toContain(token);
  });

  it('an update while a batch is in flight: the new worker starts from the cursor the old one committed, sending nothing twice', async () => {
    let release!: () => void;
    const gate = new Promise<void>((ok) => (release = ok));
    h = await createHarness({ script: async (_batch, call) => (call === 1 ? gate.then(() => success) : success) });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 3);
    await h.flush();
    expect(h.dest.calls).toHaveLength(1); // accepted by the destination only once the gate opens
    await h.store.streams.update(s.id, { name: 'renamed' }, h.clock.now());
    const refreshed = h.supervisor.refresh(s.id);
    await h.flush();
    release();
    await refreshed;
    await h.flush();
    expect(h.dest.accepted).toEqual([1, 2, 3]);
    expect((await h.stream(s.id)).state).toMatchObject({ cursor: 3, delivered: 3 });
  });

  it('stops the worker and closes the connector when the stream is deleted; rebuilds it on update', async () => {
    h = await createHarness();
    const s = await h.createStream();
    await h.supervisor.start();
    await h.store.streams.update(s.id, { sink: { url: 'https://example.com/v2' } }, h.clock.now());
    await h.supervisor.refresh(s.id);
    expect(h.dest.created).toBe(2);
    expect(h.dest.closed).toBe(1);
    expect(h.dest.configs[1]?.url).toBe('https://example.com/v2');
    await h.store.streams.delete(s.id);
    await h.supervisor.refresh(s.id);
    expect(h.dest.closed).toBe(2);
    expect(h.supervisor.workerStatus(s.id)).toBeUndefined();
    await h.ingest('t1', makeEvents(1));
    await h.flush();
    expect(h.dest.calls).toHaveLength(0);
  });
});
