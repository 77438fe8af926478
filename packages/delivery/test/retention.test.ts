// Retention: purge moves lagging cursors with an events_lost record; workers never move a cursor back.
import { DeliveryError, type DeliveryResult } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

const DAY = 86_400_000;
let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

describe('retention', () => {
  it('a paused stream behind retention loses the purged events (events_lost) and resumes from the oldest retained event', async () => {
    h = await createHarness();
    const s = await h.createStream({ status: 'paused' });
    await h.supervisor.start();
    await h.ingest('t1', 3);
    await h.clock.advance(20 * DAY);
    await h.ingest('t1', 2);
    await h.clock.advance(11 * DAY); // the hourly retention purges the first 3 events
    expect(h.dest.calls).toHaveLength(0);
    const records = await h.store.health.list(s.id);
    expect(records.find((r) => r.kind === 'events_lost')).toMatchObject({ count: 3 });
    expect((await h.stream(s.id)).state.cursor).toBe(3);

    await h.store.streams.setStatus(s.id, 'active', null, h.clock.now());
    await h.supervisor.refresh(s.id);
    await h.flush();
    expect(h.dest.accepted).toEqual([4, 5]);
    expect((await h.stream(s.id)).state.cursor).toBe(5);
  });

  it('a worker finishing a batch after a purge does not move the cursor backwards', async () => {
    let down = true;
    h = await createHarness({
      options: { suspendAfter: 90 * DAY, roundBackoff: { max: DAY } },
      limits: { maxEvents: 3 },
      script: () => (down ? ({ status: 'retryable', error: new DeliveryError('transient', 'HTTP 503.', { status: 503 }) } as DeliveryResult) : success),
    });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 6); // the worker holds [1, 2, 3]; 4..6 wait in the log
    await h.clock.advance(20 * DAY);
    await h.ingest('t1', 2);
    await h.clock.advance(11 * DAY);
    expect((await h.stream(s.id)).state.cursor).toBe(6); // moved by the purge
    down = false;
    await h.clock.advance(DAY);
    expect((await h.stream(s.id)).state.cursor).toBe(8);
    expect(h.dest.accepted).toEqual([1, 2, 3, 7, 8]);
  });

  it('runs on a schedule and purges old health records too', async () => {
    h = await createHarness({ options: { retentionCheckInterval: 60_000, healthRetention: 10 * 60_000 } });
    const s = await h.createStream();
    let purges = 0;
    const purge = h.store.events.purge.bind(h.store.events);
    h.store.events.purge = (before) => {
      purges++;
      return purge(before);
    };
    await h.store.health.append({ streamId: s.id, tenant: 't1', at: h.clock.now(), kind: 'cursor_moved', message: 'Replay requested.' });
    await h.supervisor.start();
    expect(purges).toBe(1); // once at start
    await h.clock.advance(3 * 60_000);
    expect(purges).toBe(4);
    await h.clock.advance(10 * 60_000);
    expect(await h.store.health.list(s.id)).toHaveLength(0);
    const result = await h.supervisor.runRetention();
    expect(result).toEqual({ events: 0, streams: [], healthRecords: 0 });
  });
});
