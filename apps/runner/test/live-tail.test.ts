// `GET …/tail` and `outflow streams tail` against a real runner process and receiver: masked events, one stream only, sampling, tenants kept apart.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runStreamsCli } from '../src/cli/streams-command.js';
import { readSse, type SseFrame } from '../src/cli/sse-reader.js';
import { TOKEN, TOKEN_B } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { exited, startRunner } from './support/runner-process.js';
import { eventually } from './support/wait.js';

const INGEST_ONLY = 'ingest-only-token';

let rx: Receiver;
let proc: ChildProcess;
let url: string;
/** What the runner printed after it started (shown when it does not stop). */
const output: string[] = [];

const api = (path: string, init: RequestInit & { token?: string } = {}) =>
  fetch(`${url}${path}`, { ...init, headers: { authorization: `Bearer ${init.token ?? TOKEN}`, 'content-type': 'application/json' } });

async function createStream(name: string, type: string, pii?: string[]): Promise<string> {
  const res = await api('/api/v2/log-streams', {
    method: 'POST',
    body: JSON.stringify({
      name,
      type: 'http',
      sink: { httpEndpoint: `${rx.url}/${name}`, httpContentFormat: 'JSONLINES' },
      filters: [{ type: 'type', name: type }],
      ...(pii ? { pii_config: { log_fields: pii, method: 'mask' } } : {}),
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

interface Tail {
  frames: SseFrame[];
  delivered(): Array<{ seq: number; log_id: string; type: string; event: { log_id: string; data: Record<string, unknown> } }>;
  skipped(): number;
  ended: Promise<void>;
  close(): void;
}

/** An SSE client of a stream's tail; resolves once the runner said it is ready. */
async function openTail(id: string, query = ''): Promise<Tail> {
  const ctl = new AbortController();
  const res = await fetch(`${url}/api/v2/log-streams/${id}/tail${query}`, { headers: { authorization: `Bearer ${TOKEN}` }, signal: ctl.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const frames: SseFrame[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  const ended = (async () => {
    try {
      for await (const f of readSse(res.body as ReadableStream<Uint8Array>)) {
        frames.push(f);
        if (f.event === 'ready') ready();
      }
    } catch {
      /* aborted by close() */
    }
  })();
  await isReady;
  return {
    frames,
    delivered: () => frames.filter((f) => f.event === 'delivered').map((f) => JSON.parse(f.data)),
    skipped: () => frames.filter((f) => f.event === 'skipped').reduce((n, f) => n + (JSON.parse(f.data) as { skipped: number }).skipped, 0),
    ended,
    close: () => ctl.abort(),
  };
}

const received = (path: string) => rx.accepted.filter((r) => r.path === `/${path}`).flatMap((r) => r.envelopes);

beforeAll(async () => {
  rx = await startReceiver();
  const dir = mkdtempSync(join(tmpdir(), 'outflow-tail-'));
  writeFileSync(
    join(dir, 'outflow.yaml'),
    `server: { host: 127.0.0.1, port: 0 }
store: { sqlite: { path: ./outflow.db } }
tokens:
  - { token: ${TOKEN}, tenant: acme, scopes: [ingest:logs, read:log_streams, create:log_streams] }
  - { token: ${TOKEN_B}, tenant: globex, scopes: [ingest:logs, read:log_streams, create:log_streams] }
  - { token: ${INGEST_ONLY}, tenant: acme, scopes: [ingest:logs] }
egress: { allowHttp: true, allowPrivateNetworks: true }
log: { level: warn }
`,
  );
  ({ proc, url } = await startRunner(join(dir, 'outflow.yaml')));
  proc.stdout?.on('data', (c: Buffer) => output.push(c.toString()));
  proc.stderr?.on('data', (c: Buffer) => output.push(c.toString()));
});

afterAll(async () => {
  if (proc && proc.exitCode === null) proc.kill('SIGKILL');
  await rx?.close();
});

describe('live tail of a stream', () => {
  let masked = '';
  let plain = '';

  it('shows each stream only its own accepted events, masked as that stream sends them', async () => {
    masked = await createStream('masked', 'fp', ['username', 'email']);
    plain = await createStream('plain', 's');
    const tailMasked = await openTail(masked, '?rate=1000');
    const tailPlain = await openTail(plain, '?rate=1000');
    const fp = Array.from({ length: 3 }, () => makeEvent({ type: 'fp', email: 'jane@example.com' }));
    const s = Array.from({ length: 3 }, () => makeEvent({ type: 's' }));
    expect((await ingest(url, TOKEN, [...fp, ...s])).status).toBe(202);
    await eventually(() => received('masked').length === 3 && received('plain').length === 3, 20_000, 'The receiver did not get both streams.');
    // A last event for the masked stream: once the tail shows it, every earlier delivery was published.
    const marker = makeEvent({ type: 'fp' });
    expect((await ingest(url, TOKEN, [marker])).status).toBe(202);
    await eventually(() => tailMasked.delivered().some((d) => d.log_id === marker.log_id), 20_000, 'The tail did not show the marker event.');
    await eventually(() => tailPlain.delivered().length === 3, 20_000, 'The plain tail did not show its 3 events.');

    const shown = tailMasked.delivered();
    expect(shown.map((d) => d.log_id).sort()).toEqual([...fp, marker].map((e) => e.log_id as string).sort());
    expect(shown.every((d) => d.type === 'fp')).toBe(true);
    for (const d of shown) {
      expect(d.event.data.user_name).toMatch(/^\*+$/);
      // What the tail shows is what the destination got.
      expect(d.event).toEqual(received('masked').find((e) => e.log_id === d.log_id) ?? { log_id: d.log_id, data: marker });
    }
    expect(shown.filter((d) => d.log_id !== marker.log_id).every((d) => d.event.data.email === '****************')).toBe(true);
    expect(
      tailPlain
        .delivered()
        .map((d) => d.log_id)
        .sort(),
    ).toEqual(s.map((e) => e.log_id as string).sort());
    expect(tailPlain.delivered().every((d) => String(d.event.data.user_name).endsWith('@example.com'))).toBe(true);
    tailMasked.close();
    tailPlain.close();
  });

  it('samples above the rate and says how many events it skipped', async () => {
    const tail = await openTail(masked, '?rate=1');
    const events = Array.from({ length: 40 }, () => makeEvent({ type: 'fp' }));
    expect((await ingest(url, TOKEN, events)).status).toBe(202);
    await eventually(() => tail.delivered().length + tail.skipped() === 40, 20_000, 'The tail did not account for the 40 events.');
    expect(tail.delivered().length).toBeLessThanOrEqual(5);
    expect(tail.skipped()).toBeGreaterThanOrEqual(35);
    expect(tail.frames.find((f) => f.event === 'skipped')?.data).toMatch(/^\{"skipped":\d+,"rate":1\}$/);
    tail.close();
  });

  it('refuses another tenant, a token without the read scope, and bad rates', async () => {
    const other = await api(`/api/v2/log-streams/${masked}/tail`, { token: TOKEN_B });
    expect(other.status).toBe(404);
    expect(((await other.json()) as { errorCode: string }).errorCode).toBe('inexistent_log_stream');
    const noScope = await api(`/api/v2/log-streams/${masked}/tail`, { token: INGEST_ONLY });
    expect(noScope.status).toBe(403);
    const badRate = await api(`/api/v2/log-streams/${masked}/tail?rate=0`);
    expect(badRate.status).toBe(400);

    const err: string[] = [];
    const code = await runStreamsCli(['tail', masked], {
      out: () => {},
      err: (t) => err.push(t),
      color: false,
      env: { OUTFLOW_URL: url, OUTFLOW_TOKEN: TOKEN_B },
    });
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('The log stream does not exist.');
  });

  it('prints events with `outflow streams tail --count`, masked', async () => {
    const out: string[] = [];
    let ready!: () => void;
    const isReady = new Promise<void>((r) => (ready = r));
    const io = {
      out: (t: string) => out.push(t),
      err: (t: string) => (t.startsWith('Tailing') ? ready() : undefined),
      color: false,
      env: { OUTFLOW_URL: url, OUTFLOW_TOKEN: TOKEN },
    };
    const run = runStreamsCli(['tail', masked, '--count', '2', '--json'], io);
    await isReady;
    const events = [makeEvent({ type: 'fp' }), makeEvent({ type: 'fp' })];
    expect((await ingest(url, TOKEN, events)).status).toBe(202);
    expect(await run).toBe(0);
    const lines = out.map((l) => JSON.parse(l) as { log_id: string; event: { data: { user_name: string } } });
    expect(lines.map((l) => l.log_id)).toEqual(events.map((e) => e.log_id));
    expect(lines.every((l) => /^\*+$/.test(l.event.data.user_name))).toBe(true);
  });

  it('ends open tails when the runner stops, and the runner still stops within its deadline', async () => {
    const tail = await openTail(masked);
    let ended = false;
    void tail.ended.then(() => (ended = true));
    const code = exited(proc);
    let exitCode: number | null | undefined;
    void code.then((c) => (exitCode = c));
    proc.kill('SIGTERM');
    await eventually(() => exitCode !== undefined, 15_000, `The runner did not exit: ${output.join('')}`);
    expect(exitCode).toBe(0);
    await eventually(() => ended, 5_000, 'The tail did not end.');
  });
});
