// `outflow streams …` against a real runner: the lifecycle with readable tables, --json, API errors and auth.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { TOKEN } from './support/app.js';
import { runCli, tableRows, useCliRunner } from './support/cli.js';
import { ingestMany, makeEvent } from './support/events.js';
import { readUntil } from './support/wait.js';

const h = useCliRunner();
const cli = (...args: string[]) => runCli(args, h.env);

/** A loopback port nothing listens on: one the OS just gave out and that was closed again. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  await new Promise((ok) => server.close(ok));
  return port;
}

async function apiJson(path: string): Promise<unknown> {
  const res = await h.app.api(path);
  return res.status === 204 ? undefined : res.json();
}

describe('outflow streams: the lifecycle of one stream', () => {
  it('creates, lists, gets, pauses, resumes, updates, shows health, replays and deletes', async () => {
    const created = await cli(
      'create',
      '--type',
      'http',
      '--name',
      'siem',
      '--sink',
      `httpEndpoint=${h.rx.url}/siem`,
      '--sink',
      'httpContentFormat=JSONLINES',
      '--sink',
      'httpAuthorization=Bearer siem-secret-123',
      '--filter',
      'category:auth.login.fail,type:s',
    );
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    const id = /Created log stream (lst_[0-9a-f]+)\./.exec(created.out)?.[1] as string;
    expect(id).toBeDefined();
    expect(created.out).toMatch(/^filters\s+category:auth\.login\.fail, type:s$/m);
    expect(created.out).toMatch(/^ {2}httpAuthorization\s+\[REDACTED\]$/m);
    expect(created.out).not.toContain('siem-secret-123');

    const listed = await cli('list');
    expect(listed.code).toBe(0);
    const rows = tableRows(listed.out);
    expect(rows[0]).toEqual(['ID', 'NAME', 'TYPE', 'STATUS', 'LAG', 'LAST_DELIVERY', 'MANAGED', 'FILTERS']);
    expect(rows.find((r) => r[0] === id)).toEqual([id, 'siem', 'http', 'active', '0 ev / 0 s', 'never', 'api', 'category:auth.login.fail, type:s']);
    // Columns line up: every row's STATUS cell starts where the header's does.
    const lines = listed.out.split('\n');
    const col = (lines[0] as string).indexOf('STATUS');
    for (const line of lines.slice(1)) expect(line.slice(col)).toMatch(/^(active|paused|suspended) /);
    expect(listed.out).not.toMatch(/\x1b\[/);

    const got = await cli('get', id);
    expect(got.out).toMatch(new RegExp(`^id\\s+${id}$`, 'm'));
    expect(got.out).toMatch(/^ {2}httpEndpoint\s+http:\/\/127\.0\.0\.1:\d+\/siem$/m);

    const paused = await cli('pause', id);
    expect(paused.out).toBe(`Log stream ${id} ("siem") is now paused.`);
    expect(((await apiJson(`/api/v2/log-streams/${id}`)) as { status: string }).status).toBe('paused');
    await ingestMany(h.app.url, TOKEN, 20, 20, () => ({ type: 's', description: 'Success Login', date: new Date().toISOString() }));
    const lagging = await cli('health', id);
    expect(lagging.out).toMatch(/^status\s+paused$/m);
    expect(lagging.out).toMatch(/^lag\s+20 event\(s\), [\d.]+ s/m);

    const resumed = await cli('resume', id);
    expect(resumed.out).toBe(`Log stream ${id} ("siem") is now active.`);
    await h.rx.waitFor(() => h.rx.uniqueIds().size >= 20);

    const updated = await cli('update', id, '--name', 'siem-renamed');
    expect(updated.code).toBe(0);
    expect(updated.out).toMatch(/^name\s+siem-renamed$/m);
    // The masked secret was not sent back as a new value: the receiver still gets the real one.
    expect(h.rx.requests.at(-1)?.headers.authorization).toBe('Bearer siem-secret-123');

    // The delivered count is committed after the receiver answered: wait for it before showing it.
    await readUntil(
      async () => (await apiJson(`/api/v2/log-streams/${id}/health`)) as { delivered: number },
      (v) => v.delivered === 20,
    );
    const health = await cli('health', id);
    expect(health.code).toBe(0);
    expect(health.out).toMatch(/^delivered\s+20$/m);
    expect(health.out).toMatch(/^last success\s+\d{4}-\d\d-\d\dT[\d:.]+Z \(\d+s ago\)$/m);
    expect(health.out).toContain('Recent health records');

    const replayed = await cli('replay', id, '--from', '1h');
    expect(replayed.code).toBe(0);
    expect(replayed.out).toMatch(new RegExp(`^Replaying log stream ${id} from \\d{4}-.*Z: its cursor is now 0\\.$`));
    await h.rx.waitFor(() => h.rx.ids().length >= 40);
    const afterReplay = await cli('health', id);
    const records = tableRows(afterReplay.out.split('Recent health records\n')[1] as string);
    expect(records[0]).toEqual(['ID', 'AT', 'KIND', 'ERROR', 'EVENTS', 'MESSAGE']);
    expect(records.some((r) => r[2] === 'cursor_moved' && /^Replay requested from /.test(r[5] as string))).toBe(true);

    const refused = await cli('delete', id);
    expect(refused.code).toBe(2);
    expect(refused.err).toBe(`Error: Not deleting ${id} without confirmation: add --yes.`);
    const declined = await runCli(['delete', id], h.env, async (q) => {
      expect(q).toContain('siem-renamed');
      return false;
    });
    expect(declined.code).toBe(1);
    expect((await h.app.api(`/api/v2/log-streams/${id}`)).status).toBe(200);
    const deleted = await cli('delete', id, '--yes');
    expect(deleted.out).toBe(`Deleted log stream ${id}.`);
    expect((await h.app.api(`/api/v2/log-streams/${id}`)).status).toBe(404);
    const gone = await cli('get', id);
    expect(gone.code).toBe(1);
    expect(gone.err).toBe('Error: The log stream does not exist. (HTTP 404, inexistent_log_stream)');
  });
});

describe('outflow streams --json', () => {
  it('prints exactly the API JSON for list, get, create, health and update', async () => {
    const created = await cli(
      'create',
      '--json',
      '--type',
      'http',
      '--name',
      'json-one',
      '--sink-json',
      JSON.stringify({ httpEndpoint: `${h.rx.url}/j`, httpContentFormat: 'JSONARRAY' }),
      '--sink',
      'httpAuthorization=tok-abcdef',
    );
    expect(created.code).toBe(0);
    const stream = JSON.parse(created.out) as { id: string; sink: Record<string, unknown> };
    expect(stream.sink).toEqual({ httpEndpoint: `${h.rx.url}/j`, httpContentFormat: 'JSONARRAY', httpAuthorization: '[REDACTED]' });
    expect(JSON.parse((await cli('get', stream.id, '--json')).out)).toEqual(await apiJson(`/api/v2/log-streams/${stream.id}`));
    expect(JSON.parse((await cli('list', '--json')).out)).toEqual(await apiJson('/api/v2/log-streams'));
    const health = JSON.parse((await cli('health', stream.id, '--json', '--limit', '5')).out) as Record<string, unknown>;
    expect(Object.keys(health)).toEqual(Object.keys((await apiJson(`/api/v2/log-streams/${stream.id}/health?limit=5`)) as object));
    expect(health.id).toBe(stream.id);
    const patched = JSON.parse((await cli('update', stream.id, '--json', '--clear-filters', '--sink', 'httpContentFormat=JSONLINES')).out) as {
      sink: Record<string, unknown>;
      filters: unknown[];
    };
    expect(patched.sink.httpContentFormat).toBe('JSONLINES');
    expect(patched.filters).toEqual([]);
    expect(JSON.parse((await cli('delete', stream.id, '--yes', '--json')).out)).toEqual({ id: stream.id, deleted: true });
  });
});

describe('outflow streams: get --json output as a file', () => {
  it('copies a stream with create --file once the masked secret is given, and updates one from edited output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outflow-cli-'));
    const original = await cli(
      'create',
      '--json',
      '--type',
      'http',
      '--name',
      'original',
      '--sink',
      `httpEndpoint=${h.rx.url}/orig`,
      '--sink',
      'httpAuthorization=orig-secret-1',
      '--filter',
      'type:f',
    );
    const view = JSON.parse(original.out) as { id: string; name: string; sink: Record<string, unknown> };
    const file = join(dir, 'stream.json');
    writeFileSync(file, JSON.stringify({ ...view, name: 'copy' }));

    const masked = await cli('create', '--file', file);
    expect(masked.code).toBe(2);
    expect(masked.err).toBe(
      'Error: sink.httpAuthorization is masked ([REDACTED]), as the API shows secrets; give the real value, e.g. --sink httpAuthorization=….',
    );
    const copy = await cli('create', '--json', '--file', file, '--sink', 'httpAuthorization=copy-secret-2', '--sink', `httpEndpoint=${h.rx.url}/copy`);
    expect(copy.err).toBe('');
    const copied = JSON.parse(copy.out) as { id: string; name: string; filters: unknown[]; status: string };
    expect(copied).toMatchObject({ name: 'copy', filters: [{ type: 'type', name: 'f' }], status: 'active' });
    expect(copied.id).not.toBe(view.id);

    writeFileSync(file, JSON.stringify({ ...view, name: 'original-edited', sink: { ...view.sink, httpContentFormat: 'JSONARRAY' } }));
    const edited = await cli('update', view.id, '--json', '--file', file);
    expect(edited.err).toBe('');
    expect(JSON.parse(edited.out)).toMatchObject({
      id: view.id,
      name: 'original-edited',
      sink: { httpContentFormat: 'JSONARRAY', httpAuthorization: '[REDACTED]' },
    });
    // The masked value in the file kept the stored secret: delivery still authenticates with it.
    await ingestMany(h.app.url, TOKEN, 1, 1, () => makeEvent({ type: 'f' }));
    await h.rx.waitFor(() => h.rx.requests.some((r) => r.path === '/orig') && h.rx.requests.some((r) => r.path === '/copy'));
    expect(h.rx.requests.find((r) => r.path === '/orig')?.headers.authorization).toBe('orig-secret-1');
    expect(h.rx.requests.find((r) => r.path === '/copy')?.headers.authorization).toBe('copy-secret-2');
  });
});

describe('outflow streams: errors', () => {
  it('prints the API message with the bad sink field by path and exits non-zero', async () => {
    const res = await cli('create', '--type', 'http', '--name', 'bad', '--sink', 'httpEndpoint=not a url', '--sink', 'httpContentFormat=XML');
    expect(res.code).toBe(1);
    expect(res.out).toBe('');
    expect(res.err).toMatch(/^Error: Payload validation error: .*\(HTTP 400, invalid_body\)$/m);
    expect(res.err).toMatch(/^ {2}sink\.httpEndpoint: /m);
    expect(res.err).toMatch(/^ {2}sink\.httpContentFormat: /m);
    expect(((await apiJson('/api/v2/log-streams')) as Array<{ name: string }>).some((s) => s.name === 'bad')).toBe(false);
  });

  it('prints the 401 message for a wrong token without echoing the token', async () => {
    const wrong = 'wrong-token-6f1e2d';
    const res = await runCli(['list'], { OUTFLOW_URL: h.app.url, OUTFLOW_TOKEN: wrong });
    expect(res.code).toBe(1);
    expect(res.err).toBe('Error: Invalid token. (HTTP 401, invalid_token)');
    const flagged = await runCli(['get', 'lst_x', '--token', wrong, '--url', h.app.url], {});
    expect(flagged.err).toBe('Error: Invalid token. (HTTP 401, invalid_token)');
    expect(flagged.out + flagged.err).not.toContain(wrong);
  });

  it('names the URL when nothing listens there, and needs a token', async () => {
    const port = await freePort();
    const res = await runCli(['list', '--url', `http://127.0.0.1:${port}/`], { OUTFLOW_TOKEN: TOKEN });
    expect(res.code).toBe(1);
    expect(res.err).toBe(
      `Error: Cannot connect to the Outflow runner at http://127.0.0.1:${port}: connection refused. Is it running? Set --url or OUTFLOW_URL.`,
    );
    const none = await runCli(['list', '--url', h.app.url], {});
    expect(none.code).toBe(2);
    expect(none.err).toBe('Error: No API token: set OUTFLOW_TOKEN or pass --token.');
  });

  it('rejects bad usage with exit code 2 before calling the API', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['get'], /Missing the stream id: outflow streams get <id>\./],
      [['create', '--name', 'x'], /Missing --type/],
      [['create', '--type', 'http', '--filter', 'auth.login.fail'], /--filter "auth\.login\.fail" must be category:<name>/],
      [['create', '--type', 'http', '--sink', 'httpEndpoint'], /--sink "httpEndpoint" must be key=value/],
      [['create', '--type', 'http', '--sink', 'n:=oops'], /not JSON/],
      [['replay', 'lst_1'], /Missing --from/],
      [['replay', 'lst_1', '--from', 'yesterday-ish'], /--from "yesterday-ish" is not a date/],
      [['update', 'lst_1'], /Nothing to update/],
      [['list', '--colour'], /Unknown option '--colour'\. See "outflow streams list --help"\./],
      [['redrive', 'lst_1', '--ids', '1,x'], /--ids must be dead letter ids/],
      [['stats', 'lst_1', '--minutes', '0'], /^Error: --minutes must be an integer from 1 to 1440, got "0"\.$/],
      [['stats', 'lst_1', '--minutes', '1441'], /^Error: --minutes must be an integer from 1 to 1440, got "1441"\.$/],
      [['stats', 'lst_1', '--minutes', '2.5'], /--minutes must be an integer from 1 to 1440/],
      [['frobnicate'], /Unknown command "streams frobnicate"/],
    ];
    for (const [args, message] of cases) {
      const res = await cli(...args);
      expect(res.code, args.join(' ')).toBe(2);
      expect(res.err, args.join(' ')).toMatch(message);
    }
  });

  it('has help for streams and for each command', async () => {
    const top = await runCli(['--help'], {});
    expect(top.code).toBe(0);
    for (const c of [
      'list',
      'get',
      'create',
      'update',
      'pause',
      'resume',
      'delete',
      'health',
      'stats',
      'replay',
      'dead-letters',
      'redrive',
      'test',
      'preview',
    ]) {
      expect(top.out).toMatch(new RegExp(`^ {2}${c}\\b`, 'm'));
      const help = await runCli([c, '--help'], {});
      expect(help.code).toBe(0);
      expect(help.out).toMatch(new RegExp(`^Usage: outflow streams ${c}\\b`));
      expect(help.out).toContain('--url URL');
    }
  });
});
