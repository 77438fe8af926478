// End to end: 5xx storms, 429 with Retry-After and a poisoned event, against a real receiver.
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingestMany, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { readUntil } from './support/wait.js';

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

interface Health {
  records: Array<{ kind: string; status?: number; message: string }>;
  failingSince: string | null;
  lagEvents: number;
  deadLetters: number;
}

async function readHealth(a: TestApp, id: string): Promise<Health> {
  return (await (await a.api(`/api/v2/log-streams/${id}/health`)).json()) as Health;
}

describe('failures', () => {
  it('records health errors while the receiver fails with 500, then delivers everything', async () => {
    rx = await startReceiver();
    let failing = true;
    rx.script(() => (failing ? { status: 500 } : undefined));
    app = await startTestApp(baseConfig(oneStream(rx.url)));
    const ids = await ingestMany(app.url, TOKEN, 2_000);
    const id = await streamId(app);
    const failures = (h: Health) => h.records.filter((r) => r.kind === 'delivery_failed');
    const health = await readUntil(
      () => readHealth(app!, id),
      (h) => failures(h).length >= 2 && h.failingSince !== null,
    );
    expect(failures(health).length).toBeGreaterThanOrEqual(2);
    expect(failures(health)[0]?.status).toBe(500);
    expect(health.failingSince).not.toBeNull();
    expect(rx.accepted.length).toBe(0);
    failing = false;
    await rx.waitFor(() => rx!.uniqueIds().size >= ids.length, 30_000);
    expect(rx.uniqueIds()).toEqual(new Set(ids));
    // The receiver has every event before the worker commits its cursor and records the recovery.
    const recovered = (h: Health) => h.lagEvents === 0 && h.failingSince === null && h.records.some((r) => r.kind === 'recovered');
    const after = await readUntil(() => readHealth(app!, id), recovered);
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
    type Letter = { log_id: string; status: number; errorKind: string };
    const letters = await readUntil(
      async () => (await (await app!.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as Letter[],
      (l) => l.length > 0,
    );
    expect(letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(rx.uniqueIds()).toEqual(new Set(ids.filter((x) => x !== poisoned)));
    // The last batch's cursor commit may land after its dead letter and delivery.
    const health = await readUntil(
      () => readHealth(app!, id),
      (h) => h.lagEvents === 0 && h.deadLetters === 1,
    );
    expect(health).toMatchObject({ lagEvents: 0, deadLetters: 1 });
  }, 30_000);
});
