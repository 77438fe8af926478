// `outflow streams stats|dead-letters|redrive|test|preview` against a real runner and a scripted receiver.
import { createManualClock } from '@outflow/core/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN } from './support/app.js';
import { runCli, tableRows, useCliRunner } from './support/cli.js';
import { ingestMany, makeEvent } from './support/events.js';
import { startReceiver } from './support/receiver.js';

const h = useCliRunner();
/** Paths the receiver refuses with a 400 (a permanent failure: the events become dead letters). */
const refused = new Set<string>();
const cli = (...args: string[]) => runCli(args, h.env);

beforeAll(() => {
  h.rx.script((r) => (refused.has(r.path) ? { status: 400 } : undefined));
});

async function createStream(name: string): Promise<string> {
  const res = await cli(
    'create',
    '--json',
    '--type',
    'http',
    '--name',
    name,
    '--sink',
    `httpEndpoint=${h.rx.url}/${name}`,
    '--sink',
    'httpContentFormat=JSONLINES',
    '--filter',
    'type:fp',
  );
  expect(res.err).toBe('');
  return (JSON.parse(res.out) as { id: string }).id;
}

async function health(id: string): Promise<{ delivered: number; deadLetters: number }> {
  return (await (await h.app.api(`/api/v2/log-streams/${id}/health`)).json()) as { delivered: number; deadLetters: number };
}

const deadLetterCount = async (id: string) => (await health(id)).deadLetters;

/** One count summed over the stream's last 60 minutes of stats. */
async function statsTotal(id: string, key: 'delivered' | 'deadLettered'): Promise<number> {
  const stats = (await (await h.app.api(`/api/v2/log-streams/${id}/stats`)).json()) as { buckets: Array<Record<typeof key, number>> };
  return stats.buckets.reduce((n, b) => n + b[key], 0);
}

/** The cells of one column of a readable table, below its header. */
function column(text: string, header: string): string[] {
  const [head = [], ...rows] = tableRows(text);
  return rows.map((r) => r[head.indexOf(header)] as string);
}

const sum = (cells: readonly string[]) => cells.reduce((n, c) => n + Number(c), 0);

describe('outflow streams stats', () => {
  it('shows the window\u2019s totals and the minutes with deliveries, and prints the API JSON with --json', async () => {
    const id = await createStream('counted');
    const logIds = await ingestMany(h.app.url, TOKEN, 7, 7, () => makeEvent({ type: 'fp' }));
    const delivered = () => new Set(h.rx.accepted.filter((r) => r.path === '/counted').flatMap((r) => r.envelopes.map((e) => e.log_id)));
    await h.rx.waitFor(() => delivered().size === 7);
    expect(delivered()).toEqual(new Set(logIds));
    // The minute's stats are counted after the cursor commit that counts the deliveries: wait for them.
    await until(
      async () => (await health(id)).delivered === 7 && (await statsTotal(id, 'delivered')) === 7,
      'Timed out waiting for the 7 deliveries to be counted.',
    );

    const res = await cli('stats', id);
    expect(res.code).toBe(0);
    expect(res.err).toBe('');
    const [head, , ...table] = res.out.split('\n');
    expect(head).toBe(`In the last 60 minute(s), ${id} delivered 7 event(s), dead-lettered 0 and failed 0 in 0 failed round(s).`);
    expect(tableRows(table.join('\n'))[0]).toEqual(['AT', 'DELIVERED', 'FAILED', 'DEAD_LETTERED', 'FAILED_ROUNDS']);
    expect(sum(column(table.join('\n'), 'DELIVERED'))).toBe(7);
    const times = column(table.join('\n'), 'AT');
    expect(times.length).toBeGreaterThan(0);
    for (const t of times) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:00\.000Z$/);
    expect([...times].sort()).toEqual(times);

    // Compare with the API when no minute turned between the two API calls around the CLI's.
    for (let attempt = 0; ; attempt++) {
      const before = await (await h.app.api(`/api/v2/log-streams/${id}/stats?minutes=5`)).json();
      const json = await cli('stats', id, '--json', '--minutes', '5');
      const after = await (await h.app.api(`/api/v2/log-streams/${id}/stats?minutes=5`)).json();
      if (JSON.stringify(before) !== JSON.stringify(after) && attempt < 3) continue;
      expect(json.code).toBe(0);
      expect(JSON.parse(json.out)).toEqual(after);
      expect((after as { buckets: unknown[] }).buckets).toHaveLength(5);
      break;
    }
    expect((JSON.parse((await cli('stats', id, '--json')).out) as { buckets: unknown[] }).buckets).toHaveLength(60);
  });

  it('says so when the window has no activity', async () => {
    const id = await createStream('idle');
    const res = await cli('stats', id, '--minutes', '1440');
    expect(res.code).toBe(0);
    expect(res.out).toBe(`No deliveries, failures or dead letters for ${id} in the last 1440 minute(s).`);
  });

  it('exits 1 with the API message for an unknown stream', async () => {
    const res = await cli('stats', 'lst_0000000000000000');
    expect(res.code).toBe(1);
    expect(res.out).toBe('');
    expect(res.err).toBe('Error: The log stream does not exist. (HTTP 404, inexistent_log_stream)');
  });
});

describe('outflow streams dead-letters', () => {
  it('lists the events a destination refused, pages them, and prints the API JSON with --json', async () => {
    refused.add('/refusing');
    const id = await createStream('refusing');
    const logIds = await ingestMany(h.app.url, TOKEN, 3, 3, () => makeEvent({ type: 'fp', description: 'Wrong password' }));
    expect(logIds).toHaveLength(3);
    await waitForDeadLetters(id, 3);
    // The letters are stored first; their count, health record and stats follow.
    await until(async () => (await statsTotal(id, 'deadLettered')) === 3, 'Timed out waiting for the 3 dead letters to be counted.');

    const table = await cli('dead-letters', id);
    expect(table.code).toBe(0);
    const rows = tableRows(table.out);
    expect(rows[0]).toEqual(['ID', 'AT', 'LOG_ID', 'TYPE', 'ERROR', 'MESSAGE']);
    expect(rows.slice(1).map((r) => r[3])).toEqual(['fp', 'fp', 'fp']);
    expect(rows.slice(1).every((r) => r[4] === 'invalid 400')).toBe(true);

    const json = JSON.parse((await cli('dead-letters', id, '--json')).out) as Array<{ id: number; log_id: string; event: { type: string } }>;
    expect(json).toEqual(await (await h.app.api(`/api/v2/log-streams/${id}/dead-letters`)).json());
    expect(new Set(json.map((l) => l.log_id))).toEqual(new Set(logIds));
    const page = JSON.parse((await cli('dead-letters', id, '--json', '--limit', '2', '--after', String(json[0]?.id))).out) as Array<{ id: number }>;
    expect(page.map((l) => l.id)).toEqual(json.slice(1, 3).map((l) => l.id));

    const shown = await cli('health', id);
    expect(shown.out).toMatch(/^dead letters\s+3 waiting \(3 dead-lettered in all\)$/m);
    expect(tableRows(shown.out.split('Recent health records\n')[1] as string).some((r) => r[2] === 'dead_lettered')).toBe(true);
    const stats = await cli('stats', id);
    expect(stats.out).toMatch(/ event\(s\), dead-lettered 3 and failed /);
    expect(sum(column(stats.out.split('\n\n')[1] as string, 'DEAD_LETTERED'))).toBe(3);
  });

  it('says so when a stream has none', async () => {
    const id = await createStream('clean');
    expect((await cli('dead-letters', id)).out).toBe('No dead letters.');
  });
});

/** Polls an asynchronous condition until it holds, for up to 20 s. */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const end = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(what);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function waitForDeadLetters(id: string, n: number, bound: 'at least' | 'at most' = 'at least'): Promise<void> {
  const done = (count: number) => (bound === 'at least' ? count >= n : count <= n);
  await until(async () => done(await deadLetterCount(id)), `Timed out waiting for ${bound} ${n} dead letters.`);
}

describe('outflow streams on a suspended stream', () => {
  it('shows the suspension in list and health, and resume restarts the stream', async () => {
    const clock = createManualClock(Date.now());
    const rx2 = await startReceiver();
    let failing = true;
    rx2.script(() => (failing ? { status: 503 } : undefined));
    const app2 = await startTestApp(
      baseConfig('', `  attemptBackoff: { initial: 20ms, max: 100ms }\n  roundBackoff: { initial: 30s, multiplier: 2, max: 5m }\n  suspendAfter: 1h`),
      clock,
    );
    try {
      const env2 = { OUTFLOW_URL: app2.url, OUTFLOW_TOKEN: TOKEN };
      const created = await runCli(['create', '--json', '--type', 'http', '--name', 'flaky', '--sink', `httpEndpoint=${rx2.url}/flaky`], env2);
      const { id } = JSON.parse(created.out) as { id: string };
      const ids = await ingestMany(app2.url, TOKEN, 5, 5);
      await rx2.waitFor(() => rx2.requests.length >= 1);
      const status = async () => ((await (await app2.api(`/api/v2/log-streams/${id}`)).json()) as { status: string }).status;
      for (let step = 0; step < 180 && (await status()) !== 'suspended'; step++) await clock.advance(60_000);
      // The worker appends the `suspended` record after the status change.
      const kinds = async () =>
        ((await (await app2.api(`/api/v2/log-streams/${id}/health`)).json()) as { records: Array<{ kind: string }> }).records.map((r) => r.kind);
      await until(async () => (await kinds()).includes('suspended'), 'Timed out waiting for the suspended record.');

      const listed = await runCli(['list'], env2);
      expect(tableRows(listed.out).find((r) => r[0] === id)?.[3]).toBe('suspended');
      const health = await runCli(['health', id], env2);
      expect(health.out).toMatch(/^status\s+suspended$/m);
      expect(health.out).toMatch(/^suspended\s+\S.*$/m);
      expect(health.out).toMatch(/^failing since\s+\d{4}-/m);
      expect(health.out).toMatch(/^failed\s+[1-9]\d* in [1-9]\d* failed round\(s\)$/m);
      expect(tableRows(health.out.split('Recent health records\n')[1] as string).some((r) => r[2] === 'suspended')).toBe(true);
      const stats = await runCli(['stats', id], env2);
      expect(stats.out).toMatch(/ and failed [1-9]\d* in [1-9]\d* failed round\(s\)\.\n/);
      expect(sum(column(stats.out.split('\n\n')[1] as string, 'FAILED_ROUNDS'))).toBeGreaterThan(0);

      failing = false;
      const resumed = await runCli(['resume', id], env2);
      expect(resumed.out).toBe(`Log stream ${id} ("flaky") is now active.`);
      await rx2.waitFor(() => rx2.uniqueIds().size >= 5);
      expect(rx2.uniqueIds()).toEqual(new Set(ids));
    } finally {
      await app2.stop();
      await rx2.close();
    }
  }, 60_000);
});

describe('outflow streams redrive', () => {
  it('redrives chosen dead letters, then all, once the destination accepts them', async () => {
    refused.add('/redrive');
    const id = await createStream('redrive');
    const logIds = await ingestMany(h.app.url, TOKEN, 3, 3, () => makeEvent({ type: 'fp' }));
    await waitForDeadLetters(id, 3);
    const letters = JSON.parse((await cli('dead-letters', id, '--json')).out) as Array<{ id: number; log_id: string }>;
    refused.delete('/redrive');

    const one = await cli('redrive', id, '--ids', String(letters[0]?.id));
    expect(one.code).toBe(0);
    expect(one.out).toBe(
      `Redriving 1 dead letter(s) of ${id}: the stream's worker delivers them in its next rounds. Check with "outflow streams dead-letters ${id}".`,
    );
    await waitForDeadLetters(id, 2, 'at most');
    expect(h.rx.uniqueIds().has(letters[0]?.log_id as string)).toBe(true);
    expect(
      tableRows((await cli('dead-letters', id)).out)
        .slice(1)
        .map((r) => r[0]),
    ).toEqual(letters.slice(1).map((l) => String(l.id)));

    const all = JSON.parse((await cli('redrive', id, '--json')).out) as { redriving: number };
    expect(all).toEqual({ redriving: 2 });
    await waitForDeadLetters(id, 0, 'at most');
    for (const logId of logIds) expect(h.rx.uniqueIds().has(logId)).toBe(true);
  });

  it('prints the API refusal for a paused stream', async () => {
    const id = await createStream('redrive-paused');
    await cli('pause', id);
    const res = await cli('redrive', id);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^Error: The log stream is paused; .*\(HTTP 409, log_stream_not_active\)$/);
  });
});

describe('outflow streams test', () => {
  it('sends one test event and says the destination accepted it', async () => {
    const id = await createStream('tested');
    const before = h.rx.requests.length;
    const res = await cli('test', id);
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^The destination accepted the test event\.\nresult\s+success\nduration\s+\d+ ms/);
    const sent = h.rx.requests.slice(before).find((r) => r.path === '/tested');
    expect(sent?.body).toContain('Outflow test event');
  });

  it('exits 1 and shows the destination answer when it refuses', async () => {
    refused.add('/test-refused');
    const id = await createStream('test-refused');
    const res = await cli('test', id);
    expect(res.code).toBe(1);
    expect(res.out).toMatch(/^The destination did not accept the test event\./);
    expect(res.out).toMatch(/^result\s+permanent$/m);
    expect(res.out).toMatch(/^http status\s+400$/m);
    const json = await cli('test', id, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, result: 'permanent', httpStatus: 400 });
  });
});

describe('outflow streams preview', () => {
  const sink = [
    '--sink',
    'httpEndpoint=https://siem.example.com/logs',
    '--sink',
    'httpContentFormat=JSONLINES',
    '--sink',
    'httpAuthorization=preview-secret-77',
  ];

  it('shows the requests a sink would receive, secrets masked, and the API JSON with --json', async () => {
    const res = await cli('preview', '--type', 'http', ...sink, '--count', '2');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/^2 sample event\(s\) would be sent in 1 request\(s\)\.\n\nRequest 1: POST https:\/\/siem\.example\.com\/logs\n/);
    expect(res.out).toMatch(/^authorization: \[REDACTED\]$/m);
    expect(res.out).not.toContain('preview-secret-77');
    const json = JSON.parse((await cli('preview', '--json', '--type', 'http', ...sink, '--count', '2')).out) as {
      events: unknown[];
      requests: Array<{ body: string }>;
    };
    const direct = await (
      await h.app.api('/api/v2/log-streams/preview', {
        method: 'POST',
        body: JSON.stringify({
          type: 'http',
          sink: { httpEndpoint: 'https://siem.example.com/logs', httpContentFormat: 'JSONLINES', httpAuthorization: 'preview-secret-77' },
          count: 2,
        }),
      })
    ).json();
    expect(json).toEqual(direct);
    expect(json.requests[0]?.body.trim().split('\n')).toHaveLength(2);
  });

  it('names the bad sink field and exits 1', async () => {
    const res = await cli('preview', '--type', 'http', '--sink', 'httpEndpoint=https://siem.example.com/logs', '--sink', 'httpContentFormat=CSV');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^ {2}sink\.httpContentFormat: /m);
  });
});
