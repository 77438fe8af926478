// The delivery tap (live tails): told only of accepted events, as sent (PII applied), and never in delivery's way.
import type { LogBatch } from '@outflow/core';
import { afterEach, describe, expect, it } from 'vitest';
import type { DeliveryTap } from '../src/index.js';
import { success } from './helpers/fake-connector.js';
import { createHarness, type Harness } from './helpers/harness.js';

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

/** An observer recording what it was told; `watch` decides which streams it watches. */
function recorder(watch: (id: string) => boolean, fail = false) {
  const seen: Array<{ stream: string; seqs: number[]; raws: string[] }> = [];
  let asked = 0;
  const observer: DeliveryTap = {
    watching: (id) => (asked++, watch(id)),
    delivered(stream, batch: LogBatch) {
      if (fail) throw new Error('The tail broke.');
      seen.push({ stream: stream.id, seqs: [...batch.seqs], raws: batch.seqs.map((_, i) => batch.raw(i).toString('utf8')) });
    },
  };
  return { observer, seen, asked: () => asked };
}

describe('delivery tap', () => {
  it('gets the accepted events of a partial result, masked, and never the dead-lettered one', async () => {
    const r = recorder(() => true);
    h = await createHarness({
      tap: r.observer,
      script: (_batch, call) =>
        call === 1
          ? {
              status: 'partial',
              failed: [
                { index: 1, retryable: false, reason: 'bad', status: 400 },
                { index: 3, retryable: true, reason: 'busy' },
              ],
            }
          : success,
    });
    const s = await h.createStream({ pii_config: { log_fields: ['username'], method: 'mask' } });
    await h.supervisor.start();
    await h.ingest('t1', 5);
    await h.clock.advance(1000);
    expect(h.dest.accepted).toEqual([1, 3, 5, 4]);
    expect(r.seen.map((x) => x.seqs)).toEqual([[1, 3, 5], [4]]);
    expect(r.seen.every((x) => x.stream === s.id)).toBe(true);
    for (const raw of r.seen.flatMap((x) => x.raws)) expect((JSON.parse(raw) as { data: { user_name: string } }).data.user_name).toMatch(/^\*+$/);
  });

  it('is only asked whether it watches when nobody does, and a failing observer does not stop delivery', async () => {
    const idle = recorder(() => false);
    h = await createHarness({ tap: idle.observer });
    const s = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 3);
    await h.clock.advance(0);
    expect(h.dest.accepted).toEqual([1, 2, 3]);
    expect(idle.seen).toEqual([]);
    expect(idle.asked()).toBeGreaterThan(0);
    await h.supervisor.stop(0);

    const broken = recorder(() => true, true);
    h = await createHarness({ tap: broken.observer });
    const t = await h.createStream();
    await h.supervisor.start();
    await h.ingest('t1', 3);
    await h.clock.advance(0);
    expect(h.dest.accepted).toEqual([1, 2, 3]);
    expect((await h.stream(t.id)).state).toMatchObject({ cursor: 3, delivered: 3 });
    expect(s.id).not.toBe(t.id);
  });
});
