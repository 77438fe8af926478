// Smoke test: the quick bench runs every scenario to the end and every stream gets exactly its events (never a speed check).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { BenchOutput } from '../src/output.js';

const main = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const runner = fileURLToPath(new URL('../../apps/runner/dist/main.js', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'outflow-bench-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('pnpm bench --quick', () => {
  it('finishes every scenario with every event delivered exactly, per stream', () => {
    // Built by the test task's build dependencies; missing builds fail here rather than skip.
    expect(existsSync(runner), `${runner} is not built`).toBe(true);
    expect(existsSync(main), `${main} is not built`).toBe(true);
    const out = join(dir, 'quick.json');
    const run = spawnSync(process.execPath, [main, '--quick', '--no-docs', '--out', out], { encoding: 'utf8', timeout: 160_000 });
    expect(run.error, run.stdout + run.stderr).toBeUndefined();
    const results = JSON.parse(readFileSync(out, 'utf8')) as BenchOutput;
    expect(results.results.map((r) => r.id)).toEqual(['one-stream', 'fan-out', 'latency', 'many-streams', 'replay-seek', 'ingest-only']);
    for (const r of results.results) {
      expect(r.problems, `${r.id}\n${run.stdout.slice(-3000)}`).toEqual([]);
      expect(r.complete, r.id).toBe(true);
    }
    const byId = Object.fromEntries(results.results.map((r) => [r.id, r]));
    expect(byId['one-stream']?.deliveries).toBe(20_000);
    expect(byId['fan-out']?.deliveries).toBe(80_000);
    expect(byId['latency']?.deliveries).toBe(6_000);
    expect(byId['many-streams']?.deliveries).toBe(byId['many-streams']?.extra.expectedDeliveries);
    expect(byId['replay-seek']?.deliveries).toBe(1);
    expect(results.floor.eventsPerSec).toBeGreaterThan(0);
    expect(run.status, run.stdout.slice(-3000) + run.stderr).toBe(0);
  });
});
