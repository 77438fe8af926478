// End to end: 5xx storms, 429 with Retry-After and a poisoned event, against a real receiver.
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingestMany, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';

let app: TestApp | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await app?.stop();
  await rx?.close();
  app = undefined;
  rx = undefined;
});

const oneStream = (url: string, format = 'JSONLINES') =>
  `  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${url}/hook", httpContentFormat: ${format} } }\n`;

async function streamId(a: TestApp): Promise<string> {
  const list = (await (await a.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
  return list.find((s) => s.name === 'hook')?.id as string;
}

describe('failures', () => {
  it('records health errors while the receiver fails with 500, then delivers everything', async () => {
    rx = await startReceiver();
    let failing = true;
    rx.script(() => (failing ? { status: 500 } : undefined));
    app = await startTestApp(baseConfig(oneStream(rx.url)));
    const ids = await ingestMany(app.url, TOKEN, 2_000);
    const id = await streamId(app);
    let health: { records: Array<{ kind: string; status?: number; message: string }>; failingSince: string | null } | undefined;
    const started = Date.now();
    while (Date.now() - started < 20_000) {
      health = (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as typeof health;
      if (health && health.records.filter((r) => r.kind === 'delivery_failed').length >= 2) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const failures = health?.records.filter((r) => r.kind === 'delivery_failed') ?? [];
    expect(failures.length).toBeGreaterThanOrEqual(2);
    expect(failures[0]?.status).toBe(500);
    expect(health?.failingSince).not.toBeNull();
    expect(rx.accepted.length).toBe(0);
    failing = false;
    await rx.waitFor(() => rx!.uniqueIds().size >= ids.length, 30_000);
    expect(rx.uniqueIds()).toEqual(new Set(ids));
    type After = { failingSince: string | null; lagEvents: number; records: Array<{ kind: string }> };
    const read = async () => (await (await app!.api(`/api/v2/log-streams/${id}/health`)).json()) as After;
    // The cursor commit follows the destination's answer to the last batch by a moment.
    let after = await read();
    for (const until = Date.now() + 10_000; after.lagEvents > 0 && Date.now() < until; after = await read()) await new Promise((r) => setTimeout(r, 20));
    expect(after.failingSince).toBeNull();
    expect(after.lagEvents).toBe(0);
    expect(after.records.some((r) => r.kind === 'recovered')).toBe(true);
  }, 60_000);

  it('waits as long as Retry-After says after a 429', async () => {
    rx = await startReceiver();
    let answered = false;
    rx.script(() => {
      if (answered) return undefined;
      answered = true;
      return { status: 429, headers: { 'retry-after': '1' } };
    });
    app = await startTestApp(baseConfig(oneStream(rx.url)));
    const ids = await ingestMany(app.url, TOKEN, 10, 10);
    await rx.waitFor(() => rx!.uniqueIds().size >= 10, 10_000);
    expect(rx.uniqueIds()).toEqual(new Set(ids));
    const [first, second] = rx.requests;
    expect(rx.requests.length).toBe(2);
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(950);
  }, 20_000);

  it('puts one poisoned event in dead letters and delivers all the others', async () => {
    rx = await startReceiver();
    rx.script((req) => (req.body.includes('"poison":true') ? { status: 400 } : undefined));
    app = await startTestApp(baseConfig(oneStream(rx.url)));
    let n = 0;
    const poisonAt = 137;
    const ids = await ingestMany(app.url, TOKEN, 300, 300, () => makeEvent(++n === poisonAt ? { poison: true } : {}));
    const poisoned = ids[poisonAt - 1] as string;
    await rx.waitFor(() => rx!.uniqueIds().size >= 299, 20_000);
    const id = await streamId(app);
    let letters: Array<{ log_id: string; status: number; errorKind: string }> = [];
    for (let i = 0; i < 100 && letters.length === 0; i++) {
      letters = (await (await app.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as typeof letters;
      if (!letters.length) await new Promise((r) => setTimeout(r, 50));
    }
    expect(letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(rx.uniqueIds()).toEqual(new Set(ids.filter((x) => x !== poisoned)));
    const health = (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as { lagEvents: number; deadLetters: number };
    expect(health).toMatchObject({ lagEvents: 0, deadLetters: 1 });
  }, 30_000);
});
