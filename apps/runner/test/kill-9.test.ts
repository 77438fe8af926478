// Crash safety: kill -9 of the runner while it delivers, then a restart → every acknowledged event arrives.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { baseConfig, TOKEN } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'outflow-kill9-'));
let rx: Receiver | undefined;
let child: ChildProcess | undefined;
afterAll(async () => {
  child?.kill('SIGKILL');
  await rx?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the exit code, also when the process already exited. */
function exited(proc: ChildProcess): Promise<number | null> {
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((r) => proc.once('exit', (code) => r(code)));
}

function startRunner(): Promise<{ proc: ChildProcess; url: string }> {
  const proc = spawn(process.execPath, [MAIN, 'start', '--config', join(dir, 'outflow.yaml')], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`The runner did not start: ${out}`)), 20_000);
    proc.stdout?.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /Outflow is running at (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ proc, url: m[1] as string });
      }
    });
    proc.stderr?.on('data', (c: Buffer) => (out += c.toString()));
    proc.on('exit', (code) => reject(new Error(`The runner exited with ${code}: ${out}`)));
  });
}

describe('kill -9 while delivering', () => {
  it('delivers every acknowledged event after a restart, duplicating at most the batches in flight', async () => {
    rx = await startReceiver();
    // Once 3,000 events arrived, the receiver takes 3 s to answer: a batch is in flight and a backlog grows.
    rx.script(() => (rx!.uniqueIds().size >= 3_000 ? { status: 200, delayMs: 3_000 } : undefined));
    writeFileSync(
      join(dir, 'outflow.yaml'),
      baseConfig(`  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${rx.url}/hook", httpContentFormat: JSONLINES } }\n`),
    );
    const first = await startRunner();
    child = first.proc;
    const acked: string[] = [];
    let stop = false;
    const loader = (async () => {
      while (!stop) {
        const events = Array.from({ length: 200 }, () => makeEvent());
        try {
          const res = await ingest(first.url, TOKEN, events);
          if (res.status === 202) acked.push(...events.map((e) => e.log_id as string));
        } catch {
          return; // the runner died mid-request: that batch was never acknowledged
        }
      }
    })();
    await rx.waitFor(() => rx!.uniqueIds().size >= 3_000 && acked.length >= rx!.uniqueIds().size + 2_000, 30_000);
    first.proc.kill('SIGKILL');
    stop = true;
    await loader;
    await exited(first.proc);
    const deliveredBefore = rx.ids().length;
    expect(rx.uniqueIds().size).toBeLessThan(acked.length);

    rx.script(undefined);
    const second = await startRunner();
    child = second.proc;
    await rx.waitFor(() => acked.every((id) => rx!.uniqueIds().has(id)), 60_000);
    const all = rx.ids();
    const duplicates = all.length - new Set(all).size;
    expect(deliveredBefore).toBeGreaterThan(0);
    // At most the batches in flight: delivery.concurrency (2) × batch.maxEvents (500).
    expect(duplicates).toBeLessThanOrEqual(1_000);
    second.proc.kill('SIGTERM');
    const code = await exited(second.proc);
    expect(code).toBe(0);
  }, 120_000);
});
