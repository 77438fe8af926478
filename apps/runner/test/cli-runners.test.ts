// `outflow runners` and GET /api/v2/runners on SQLite: one runner (this process) delivering every active stream, per tenant; --json, usage and auth errors.
import type { RunnersView, StreamHealthView } from '@outflow/api-types';
import { describe, expect, it } from 'vitest';
import { runRunnersCli } from '../src/cli/runners-command.js';
import { TOKEN, TOKEN_B } from './support/app.js';
import { runCli, runOutflow, tableRows, useCliRunner, type CliRun } from './support/cli.js';

const h = useCliRunner();

async function runners(args: string[], env: Record<string, string | undefined>): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRunnersCli(args, { out: (t) => out.push(t), err: (t) => err.push(t), color: false, env });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function create(name: string, token = TOKEN): Promise<string> {
  const res = await h.app.api('/api/v2/log-streams', {
    method: 'POST',
    token,
    body: JSON.stringify({ name, type: 'http', sink: { httpEndpoint: `${h.rx.url}/${name}`, httpContentFormat: 'JSONLINES' } }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { id: string }).id;
}

describe('outflow runners on a single runner', () => {
  it('lists this runner holding the tenant’s active streams, and each stream’s health names it', async () => {
    const a = await create('audit');
    const b = await create('paused-one');
    const other = await create('globex-secret-stream', TOKEN_B);
    expect((await h.app.api(`/api/v2/log-streams/${b}`, { method: 'PATCH', body: JSON.stringify({ status: 'paused' }) })).status).toBe(200);

    const res = await h.app.api('/api/v2/runners');
    expect(res.status).toBe(200);
    const view = (await res.json()) as RunnersView;
    expect(view.mode).toBe('single');
    expect(view.runners).toHaveLength(1);
    const [me] = view.runners;
    expect(me).toMatchObject({ pid: process.pid, self: true, heartbeatAgeMs: 0, expiresAt: null, leaseExpiresAt: null });
    // Only acme's active stream: not the paused one, never globex's.
    expect(me?.streams).toEqual([{ id: a, name: 'audit' }]);
    expect(JSON.stringify(view)).not.toContain(other);

    const viewB = (await (await h.app.api('/api/v2/runners', { token: TOKEN_B })).json()) as RunnersView;
    expect(viewB.runners[0]?.streams).toEqual([{ id: other, name: 'globex-secret-stream' }]);

    const health = (id: string) => h.app.api(`/api/v2/log-streams/${id}/health?limit=1`).then((r) => r.json() as Promise<StreamHealthView>);
    expect((await health(a)).runner).toBe(me?.id);
    expect((await health(b)).runner).toBeNull();
    const shown = await runCli(['health', a], h.env);
    expect(shown.out).toMatch(new RegExp(`^runner\\s+${me?.id}$`, 'm'));
    expect((await runCli(['health', b], h.env)).out).toMatch(/^runner\s+none$/m);

    const table = await runners([], h.env);
    expect(table.err).toBe('');
    expect(table.code).toBe(0);
    const rows = tableRows(table.out);
    expect(rows[0]).toEqual(['RUNNER', 'HOST', 'PID', 'HEARTBEAT', 'STREAMS']);
    expect(rows[1]).toEqual([`${me?.id} *`, me?.host, String(process.pid), '0.0 s', '1: audit']);
    expect(table.out).toContain('Single runner (SQLite store): this runner delivers every active stream.');
    expect(table.out).not.toContain('globex');

    const json = await runners(['--json'], h.env);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.out) as RunnersView).runners[0]?.streams).toEqual([{ id: a, name: 'audit' }]);
  });

  it('refuses an invalid or missing token and unknown flags, never printing the token', async () => {
    const noToken = await runners([], { OUTFLOW_URL: h.app.url });
    expect(noToken.code).toBe(2);
    expect(noToken.err).toMatch(/No API token: set OUTFLOW_TOKEN or pass --token\./);
    const bad = await runners(['--token', 'wrong-token-xyz'], { OUTFLOW_URL: h.app.url });
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/Invalid token\. \(HTTP 401, invalid_token\)/);
    expect(bad.err).not.toContain('wrong-token-xyz');
    const flagTypo = await runners(['--jsn'], h.env);
    expect(flagTypo.code).toBe(2);
    expect(flagTypo.err).toMatch(/Unknown option '--jsn'.*See "outflow runners --help"/);
    expect((await h.app.api('/api/v2/runners', { token: '' })).status).toBe(401);
  });

  it('is a command of the outflow binary, with help', async () => {
    const help = await runOutflow(['runners', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/^Usage: outflow runners \[--json\]/);
    const listed = await runOutflow(['runners', '--json'], h.env);
    expect(listed.err).toBe('');
    expect((JSON.parse(listed.out) as RunnersView).mode).toBe('single');
    expect((await runOutflow(['--help'])).out).toMatch(/^ {2}runners {6}List the live runners/m);
  });
});
