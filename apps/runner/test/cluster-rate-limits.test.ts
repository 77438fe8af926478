// Three runner processes on one PostgreSQL share a token's rate budget: round-robin requests get one bucket's worth (±10 %), not three.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PG_URL, dropSchemas, freshSchema, query, requirePostgres } from '@outflow/store-postgres/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { startRunner } from './support/runner-process.js';

const RUNNERS = 3;
const PER_MINUTE = 600; // 10 a second
const BURST = 20;
const DURATION_MS = 8_000;
const WORKERS = 8;
const PAUSE_MS = 25; // each worker: up to 40 a second, so up to 320 a second offered against 10 a second allowed

const dir = mkdtempSync(join(tmpdir(), 'outflow-rate-'));
const schema = freshSchema();
const procs: ChildProcess[] = [];
const urls: string[] = [];

const config = (id: string) => `server:
  host: 127.0.0.1
  port: 0
  rateLimit: { management: { requestsPerMinute: ${PER_MINUTE}, burst: ${BURST} } }
store: { postgres: { url: "${PG_URL}", schema: ${schema}, poolSize: 4 } }
tokens:
  - { token: ${TOKEN}, tenant: acme, scopes: [read:log_streams] }
log: { level: warn }
cluster: { runnerId: ${id} }
`;

beforeAll(async () => {
  await requirePostgres();
  const start = async (i: number) => {
    const file = join(dir, `r${i}.yaml`);
    writeFileSync(file, config(`r${i}`));
    const { proc, url } = await startRunner(file);
    procs.push(proc);
    urls[i] = url;
  };
  // The first runner creates the schema alone; the others join it together.
  await start(0);
  await Promise.all(Array.from({ length: RUNNERS - 1 }, (_, i) => start(i + 1)));
}, 90_000);
afterAll(async () => {
  for (const p of procs) if (p.exitCode === null && p.signalCode === null) p.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
  await dropSchemas();
});

interface Answer {
  runner: number;
  status: number;
  headers: Record<string, string | null>;
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('rate limits across runners', () => {
  it('hold one budget for a token whose requests go round-robin over three runners', async () => {
    const answers: Answer[] = [];
    let next = 0;
    const started = Date.now();
    let firstAt = Infinity;
    let lastAt = 0;
    const worker = async () => {
      while (Date.now() - started < DURATION_MS) {
        const runner = next++ % RUNNERS;
        const at = Date.now();
        const res = await fetch(`${urls[runner]}/api/v2/log-streams`, { headers: { authorization: `Bearer ${TOKEN}` } });
        await res.arrayBuffer();
        firstAt = Math.min(firstAt, at);
        lastAt = Math.max(lastAt, Date.now());
        const headers = Object.fromEntries(
          ['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset', 'retry-after'].map((h) => [h, res.headers.get(h)]),
        );
        answers.push({ runner, status: res.status, headers });
        await pause(PAUSE_MS);
      }
    };
    await Promise.all(Array.from({ length: WORKERS }, worker));

    const allowed = answers.filter((a) => a.status === 200);
    const denied = answers.filter((a) => a.status === 429);
    expect(allowed.length + denied.length).toBe(answers.length);
    // One bucket allows its burst plus the refill over the time the requests took.
    const oneBucket = BURST + ((lastAt - firstAt) / 60_000) * PER_MINUTE;
    console.log(
      `shared rate limit: ${answers.length} requests over ${lastAt - firstAt} ms, ${allowed.length} allowed; one bucket allows ${oneBucket.toFixed(1)}, one per runner would allow ~${Math.min(answers.length, RUNNERS * oneBucket).toFixed(0)}`,
    );
    // Offered load is well above one bucket: per-runner buckets would each allow up to a bucket's worth, over twice the bound below.
    expect(answers.length).toBeGreaterThan(2 * oneBucket);
    expect(allowed.length).toBeGreaterThanOrEqual(oneBucket * 0.9);
    expect(allowed.length).toBeLessThanOrEqual(oneBucket * 1.1);
    // Every runner both allowed and refused some: the budget was spent on all of them.
    for (let r = 0; r < RUNNERS; r++) {
      expect(allowed.some((a) => a.runner === r)).toBe(true);
      expect(denied.some((a) => a.runner === r)).toBe(true);
    }
    // Refusals carry the Auth0-style headers.
    const now = Math.floor(Date.now() / 1000);
    for (const a of denied) {
      expect(a.headers['x-ratelimit-limit']).toBe(String(BURST));
      expect(a.headers['x-ratelimit-remaining']).toBe('0');
      expect(Number(a.headers['x-ratelimit-reset'])).toBeGreaterThanOrEqual(now - DURATION_MS / 1000 - 5);
      expect(Number(a.headers['x-ratelimit-reset'])).toBeLessThanOrEqual(now + Math.ceil((BURST * 60) / PER_MINUTE) + 5);
      expect(Number(a.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    for (const a of allowed) expect(a.headers['x-ratelimit-limit']).toBe(String(BURST));
    // The bucket lives in the database, keyed by the token's public id and budget, never the token.
    const rows = await query<{ key: string }>(`SELECT key FROM ${schema}.rate_buckets`);
    expect(rows.map((r) => r.key)).toEqual([expect.stringMatching(/^cfg_.+:management$/)]);
    expect(JSON.stringify(rows)).not.toContain(TOKEN);
  }, 60_000);
});
