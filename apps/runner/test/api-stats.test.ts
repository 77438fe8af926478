// Per-minute stream stats and the health totals: delivered, failed rounds and dead letters counted by the worker.
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { eventually, readUntil } from './support/wait.js';

let app: TestApp | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await app?.stop();
  await rx?.close();
  app = undefined;
  rx = undefined;
});

interface Stats {
  id: string;
  bucketSeconds: number;
  buckets: Array<{ at: string; delivered: number; failed: number; deadLettered: number; failedRounds: number }>;
}

describe('GET /api/v2/log-streams/{id}/stats', () => {
  it('counts delivered, failed and dead-lettered events per minute, and health shows the totals', async () => {
    rx = await startReceiver();
    let refusedRounds = 0;
    rx.script((r) => {
      if (refusedRounds < 3) {
        refusedRounds++;
        return { status: 503 };
      }
      return r.body.includes('refuse-me') ? { status: 400 } : undefined;
    });
    app = await startTestApp(baseConfig(`  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/hook" } }\n`));
    const [stream] = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    const id = stream?.id as string;
    const events = Array.from({ length: 20 }, (_, i) => makeEvent(i === 7 ? { description: 'refuse-me' } : {}));
    expect((await ingest(app.url, TOKEN, events)).status).toBe(202);
    await eventually(() => rx!.uniqueIds().size >= 19);
    // The worker stores the dead letter, then the delivered count, then the minute's stats: wait for the last.
    const sum = (s: Stats, k: 'delivered' | 'failed' | 'deadLettered' | 'failedRounds') => s.buckets.reduce((n, b) => n + b[k], 0);
    const stats = await readUntil(
      async () => (await (await app!.api(`/api/v2/log-streams/${id}/stats?minutes=5`)).json()) as Stats,
      (s) => sum(s, 'delivered') === 19 && sum(s, 'deadLettered') === 1,
    );
    const health = (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ delivered: 19, deadLettered: 1, deadLetters: 1, failed: 20, failedRounds: 1 });

    expect(stats).toMatchObject({ id, bucketSeconds: 60 });
    expect(stats.buckets).toHaveLength(5);
    const times = stats.buckets.map((b) => Date.parse(b.at));
    times.forEach((t, i) => {
      expect(t % 60_000).toBe(0);
      if (i > 0) expect(t - (times[i - 1] as number)).toBe(60_000);
    });
    // The window ends with the current minute (a minute may have turned since the request).
    expect(Math.floor(Date.now() / 60_000) * 60_000 - (times[4] as number)).toBeLessThanOrEqual(60_000);
    expect({
      delivered: sum(stats, 'delivered'),
      failed: sum(stats, 'failed'),
      deadLettered: sum(stats, 'deadLettered'),
      failedRounds: sum(stats, 'failedRounds'),
    }).toEqual({ delivered: 19, failed: 20, deadLettered: 1, failedRounds: 1 });
    expect(((await (await app.api(`/api/v2/log-streams/${id}/stats`)).json()) as Stats).buckets).toHaveLength(60);
  }, 30_000);

  it('refuses a window outside 1..1440 minutes and another tenant\u2019s stream', async () => {
    app = await startTestApp(baseConfig('  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "http://127.0.0.1:9/hook" } }\n'));
    const [stream] = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    for (const bad of ['0', '1441', 'abc', '2.5']) {
      const res = await app.api(`/api/v2/log-streams/${stream?.id}/stats?minutes=${bad}`);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain('minutes');
    }
    expect((await app.api(`/api/v2/log-streams/${stream?.id}/stats?minutes=1440`)).status).toBe(200);
    const other = await app.api(`/api/v2/log-streams/${stream?.id}/stats`, { token: 'tenant-b-token' });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { errorCode: string }).errorCode).toBe('inexistent_log_stream');
  });
});
