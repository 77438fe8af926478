// The load generator process: pre-builds NDJSON request bodies, then posts them over keep-alive HTTP.
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { serveIpc, wallNow } from './ipc.js';
import type { LoadReport, LoadSetup } from './loadgen-types.js';

let cfg: LoadSetup | null = null;
let bodies: Buffer[] = [];
let agent: Agent | null = null;

function buildBodies(s: LoadSetup): Buffer[] {
  const file = readFileSync(s.file);
  const out: Buffer[] = [];
  let start = 0;
  let at = 0;
  let lines = 0;
  while (lines < s.events) {
    const nl = file.indexOf(0x0a, at);
    if (nl < 0) throw new Error(`${s.file} has only ${lines} lines, ${s.events} wanted`);
    at = nl + 1;
    lines++;
    if (lines % s.batch === 0 || lines === s.events) {
      out.push(Buffer.from(file.subarray(start, at)));
      start = at;
    }
  }
  return out;
}

function post(body: Buffer, k: number): Promise<{ status: number; text: string }> {
  const s = cfg as LoadSetup;
  const url = s.urls?.length ? s.urls[k % s.urls.length] : s.url;
  return new Promise((ok, fail) => {
    const req = request(
      `${url}/v1/logs`,
      {
        method: 'POST',
        agent: agent as Agent,
        headers: { authorization: `Bearer ${s.token}`, 'content-type': 'application/x-ndjson', 'content-length': String(body.length) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', fail);
      },
    );
    req.on('error', fail);
    req.end(body);
  });
}

async function run(): Promise<LoadReport> {
  const s = cfg as LoadSetup;
  const report: LoadReport = { startedAt: 0, lastAckAt: 0, acked: 0, requests: 0, errors: 0, firstError: null, maxScheduleLagMs: 0 };
  const ackTimes = s.mode === 'paced' ? new Float64Array(s.events) : undefined;
  const send = async (k: number) => {
    const body = bodies[k] as Buffer;
    report.requests++;
    try {
      const { status, text } = await post(body, k);
      const now = wallNow();
      if (status !== 202) throw new Error(`HTTP ${status}: ${text.slice(0, 300)}`);
      const n = Math.min(s.batch, s.events - k * s.batch);
      report.acked += n;
      report.lastAckAt = now;
      if (ackTimes) ackTimes.fill(now, k * s.batch, k * s.batch + n);
    } catch (err) {
      report.errors++;
      report.firstError ??= err instanceof Error ? err.message : String(err);
    }
  };
  report.startedAt = wallNow();
  if (s.mode === 'burst') {
    let next = 0;
    const lane = async () => {
      while (next < bodies.length) await send(next++);
    };
    await Promise.all(Array.from({ length: s.concurrency }, lane));
  } else {
    const inflight: Array<Promise<void>> = [];
    const t0 = performance.now();
    for (let k = 0; k < bodies.length; k++) {
      const due = t0 + k * s.intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((ok) => setTimeout(ok, wait));
      report.maxScheduleLagMs = Math.max(report.maxScheduleLagMs, performance.now() - due);
      inflight.push(send(k));
    }
    await Promise.all(inflight);
  }
  return ackTimes ? { ...report, ackTimes } : report;
}

serveIpc({
  setup(args) {
    cfg = args as LoadSetup;
    bodies = buildBodies(cfg);
    agent?.destroy();
    agent = new Agent({ keepAlive: true, maxSockets: cfg.concurrency });
    return { bodies: bodies.length, bytes: bodies.reduce((n, b) => n + b.length, 0) };
  },
  run,
});
