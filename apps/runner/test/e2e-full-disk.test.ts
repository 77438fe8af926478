// End to end on a real full disk: the runner's store on a small tmpfs that fills up, then gets space back.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest, ingestMany, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { mountSmallDisk, type SmallDisk } from './support/small-disk.js';
import { eventually } from './support/wait.js';

let app: TestApp | undefined;
let rx: Receiver | undefined;
let disk: SmallDisk | undefined;
afterEach(async () => {
  await app?.stop();
  await rx?.close();
  disk?.remove();
  app = undefined;
  rx = undefined;
  disk = undefined;
});

interface HealthView {
  lagEvents: number;
  worker: { lastError: { kind: string; message: string } | null } | null;
  records: Array<{ kind: string }>;
}

describe('a full disk', () => {
  it('sends each batch once while commits fail, answers ingest with 503, and catches up without restart once space is back', async () => {
    disk = mountSmallDisk('16m');
    rx = await startReceiver();
    let up = false;
    rx.script(() => (up ? undefined : { status: 503 }));
    const dir = join(disk.dir, 'app');
    mkdirSync(dir);
    app = await startTestApp(baseConfig(`  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/hook" } }\n`), undefined, dir);
    const ids = await ingestMany(app.url, TOKEN, 2_000);
    const [stream] = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    const health = async () => (await (await app!.api(`/api/v2/log-streams/${stream?.id}/health`)).json()) as HealthView;

    disk.fill();
    up = true;
    // The destination takes the batches in flight; their commits fail and are retried with a growing delay.
    const commitFailures = () => app!.logs.filter((l) => l.includes('Recording delivery progress failed')).length;
    await eventually(() => commitFailures() >= 4, 20_000, 'The commit was not retried four times.');
    expect(rx.ids().length, 'no event was delivered twice while the disk was full').toBe(rx.uniqueIds().size);
    expect(rx.uniqueIds().size).toBe(1_000); // the two batches in flight (concurrency 2, 500 events each)
    const during = await health();
    expect(during.worker?.lastError?.kind).toBe('store');
    expect(during.worker?.lastError?.message).toMatch(/SQLITE_FULL|disk is full/);
    expect(during.lagEvents).toBe(2_000);
    const refused = await ingest(app.url, TOKEN, [makeEvent()]);
    expect(refused.status).toBe(503);
    expect(((await refused.json()) as { errorCode?: string }).errorCode).toBe('store_unavailable');

    disk.free();
    await rx.waitFor(() => rx!.uniqueIds().size >= ids.length, 20_000);
    let after = await health();
    for (const until = Date.now() + 10_000; after.lagEvents > 0 && Date.now() < until; after = await health()) await new Promise((r) => setTimeout(r, 20));
    expect(after.lagEvents).toBe(0);
    expect(after.worker?.lastError ?? null).toBeNull();
    expect(after.records[0]?.kind).toBe('recovered');
    const more = await ingestMany(app.url, TOKEN, 10, 10);
    await rx.waitFor(() => rx!.uniqueIds().size >= ids.length + more.length, 10_000);
    expect(rx.ids().length).toBe(ids.length + more.length);
  }, 60_000);
});
