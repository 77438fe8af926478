// Crash safety: kill -9 of the runner while it delivers, then a restart → every acknowledged event arrives.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseConfig } from './support/app.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { exited, ingestUntilStopped, startRunner } from './support/runner-process.js';

const dir = mkdtempSync(join(tmpdir(), 'outflow-kill9-'));
const config = join(dir, 'outflow.yaml');
let rx: Receiver | undefined;
let child: ChildProcess | undefined;
afterAll(async () => {
  child?.kill('SIGKILL');
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kill -9 while delivering', () => {
  it('delivers every acknowledged event after a restart, duplicating at most the batches in flight', async () => {
    rx = await startReceiver();
    // Once 3,000 events arrived, the receiver takes 3 s to answer: a batch is in flight and a backlog grows.
    rx.script(() => (rx!.uniqueIds().size >= 3_000 ? { status: 200, delayMs: 3_000 } : undefined));
    writeFileSync(config, baseConfig(`  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/hook", httpContentFormat: JSONLINES } }\n`));
    const first = await startRunner(config);
    child = first.proc;
    const loader = ingestUntilStopped(first.url);
    const { acked } = loader;
    await rx.waitFor(() => rx!.uniqueIds().size >= 3_000 && acked.length >= rx!.uniqueIds().size + 2_000, 30_000);
    first.proc.kill('SIGKILL');
    await loader.stop();
    await exited(first.proc);
    const deliveredBefore = rx.ids().length;
    expect(rx.uniqueIds().size).toBeLessThan(acked.length);

    rx.script(undefined);
    const second = await startRunner(config);
    child = second.proc;
    // A generous deadline: on a loaded machine the backlog of tens of thousands of events takes a while.
    await rx.waitFor(() => acked.every((id) => rx!.uniqueIds().has(id)), 150_000);
    const all = rx.ids();
    const duplicates = all.length - new Set(all).size;
    expect(deliveredBefore).toBeGreaterThan(0);
    // At most the batches in flight: delivery.concurrency (2) × batch.maxEvents (500).
    expect(duplicates).toBeLessThanOrEqual(1_000);
    second.proc.kill('SIGTERM');
    const code = await exited(second.proc);
    expect(code).toBe(0);
  }, 240_000);
});
