// `outflow top`, the list's lag and last-delivery columns, health's last dead-letter reason and comma filters, against a real runner.
import { describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { runCli, runOutflow, tableRows, useCliRunner } from './support/cli.js';
import { ingestMany, makeEvent } from './support/events.js';
import { readUntil } from './support/wait.js';

const h = useCliRunner();
const cli = (...args: string[]) => runCli(args, h.env);

async function createStream(name: string, filter: string): Promise<string> {
  const res = await cli('create', '--json', '--type', 'http', '--name', name, '--sink', `httpEndpoint=${h.rx.url}/${name}`, '--filter', filter);
  expect(res.err).toBe('');
  return (JSON.parse(res.out) as { id: string; filters: unknown }).id;
}

const health = async (id: string) =>
  (await (await h.app.api(`/api/v2/log-streams/${id}/health`)).json()) as { delivered: number; deadLetters: number; lagEvents: number };

/** The cells of a table's rows keyed by header. */
function records(table: string): Array<Record<string, string>> {
  const [head = [], ...rows] = tableRows(table);
  return rows.map((r) => Object.fromEntries(head.map((k, i) => [k, r[i] ?? ''])));
}

describe('CLI tables and live views', () => {
  let good = '';
  let refused = '';

  it('takes comma-separated filters as the help says, a bare name keeping the kind before it', async () => {
    h.rx.script((r) => (r.path === '/refused' ? { status: 400 } : undefined));
    const res = await cli('create', '--json', '--type', 'http', '--name', 'good', '--sink', `httpEndpoint=${h.rx.url}/good`, '--filter', 'type:fp,sapi');
    expect(res.err).toBe('');
    const created = JSON.parse(res.out) as { id: string; filters: unknown };
    expect(created.filters).toEqual([
      { type: 'type', name: 'fp' },
      { type: 'type', name: 'sapi' },
    ]);
    good = created.id;
    const bad = await cli('create', '--type', 'http', '--name', 'x', '--sink', `httpEndpoint=${h.rx.url}/x`, '--filter', 'fp,sapi');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--filter "fp" must be category:<name>');
    refused = await createStream('refused', 'type:s');
  });

  it('shows lag and last delivery in `streams list`, and the last dead-letter reason in `streams health`', async () => {
    await ingestMany(h.app.url, TOKEN, 6, 6, () => makeEvent({ type: 'fp' }));
    await ingestMany(h.app.url, TOKEN, 2, 2, () => makeEvent({ type: 's' }));
    await readUntil(
      () => Promise.all([health(good), health(refused)]),
      ([g, r]) => g.delivered === 6 && r.deadLetters === 2 && r.lagEvents === 0,
    );
    const listed = await cli('list');
    expect(listed.code).toBe(0);
    expect(tableRows(listed.out)[0]).toEqual(['ID', 'NAME', 'TYPE', 'STATUS', 'LAG', 'LAST_DELIVERY', 'MANAGED', 'FILTERS']);
    const rows = records(listed.out);
    const g = rows.find((r) => r.ID === good);
    expect(g).toMatchObject({ NAME: 'good', STATUS: 'active', LAG: '0 ev / 0 s', FILTERS: 'type:fp, type:sapi' });
    expect(g?.LAST_DELIVERY).toMatch(/^\d+s ago$/);
    expect(rows.find((r) => r.ID === refused)).toMatchObject({ LAG: '0 ev / 0 s', LAST_DELIVERY: 'never' });

    const shown = await cli('health', refused);
    expect(shown.out).toMatch(/^last error\s+never$/m);
    expect(shown.out).toMatch(/^last dead letter\s+\S+ \(\d+s ago\): invalid 400 \d events? (was|were) moved to dead letters: /m);
    const json = JSON.parse((await cli('health', refused, '--json')).out) as { lastDeadLetter: { errorKind: string; status: number; count: number } };
    expect(json.lastDeadLetter).toMatchObject({ errorKind: 'invalid', status: 400 });
    expect((await cli('health', good)).out).not.toMatch(/^last dead letter/m);
  });

  it('renders `top` once when not on a terminal: names, status, events/s, lag and the last error', async () => {
    const once = await cli('top', '--once');
    expect(once.code).toBe(0);
    const [head, table] = once.out.split('\n\n') as [string, string];
    expect(head).toMatch(/^outflow top {2}http:\/\/127\.0\.0\.1:\d+ {2}2 stream\(s\) {2}\d+(\.\d)? ev\/s delivered {2}\d{4}-/);
    expect(tableRows(table)[0]).toEqual(['NAME', 'ID', 'TYPE', 'STATUS', 'WORKER', 'EV/S', 'LAG', 'DELIVERED', 'DEAD', 'LAST_ERROR']);
    const rows = records(table);
    expect(rows.map((r) => r.NAME).sort()).toEqual(['good', 'refused']);
    const g = rows.find((r) => r.NAME === 'good') as Record<string, string>;
    expect(g).toMatchObject({ ID: good, STATUS: 'active', LAG: '0 ev / 0 s', DELIVERED: '6', DEAD: '0', LAST_ERROR: '-' });
    // 6 events over a window of 60 to 120 s.
    expect(Number(g['EV/S'])).toBeGreaterThan(0);
    expect(Number(g['EV/S'])).toBeLessThanOrEqual(0.1);
    const r = rows.find((x) => x.NAME === 'refused') as Record<string, string>;
    expect(r).toMatchObject({ STATUS: 'active', DEAD: '2', 'EV/S': '0.0' });
    expect(r.LAST_ERROR).toMatch(/^\d+s ago: dead-lettered \(invalid 400\) \d events? (was|were) moved to dead letters/);

    // The real binary with stdout a pipe (not a terminal): it renders once and exits by itself.
    const spawned = await runOutflow(['top'], h.env);
    expect(spawned.code).toBe(0);
    expect(spawned.out).toMatch(/^outflow top .* 2 stream\(s\) /);
    expect(spawned.out).not.toMatch(/\x1b\[/);
    expect(
      records(spawned.out.split('\n\n')[1] as string)
        .map((x) => x.NAME)
        .sort(),
    ).toEqual(['good', 'refused']);

    const json = JSON.parse((await cli('top', '--json')).out) as Array<{ stream: { id: string }; rate: number; health: { lagEvents: number } }>;
    expect(json.map((x) => x.stream.id).sort()).toEqual([good, refused].sort());
    expect(json.every((x) => typeof x.rate === 'number' && x.health.lagEvents === 0)).toBe(true);
  });
});
