// Operator-only sink fields (console target.file, eventbridge awsDefaultCredentials): refused by the management API, kept for the config file.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { eventually, readUntil } from './support/wait.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

type Answer = { status: number; json: { message?: string; errors?: Array<{ path: string; message: string }>; id?: string; sink?: Record<string, unknown> } };
async function call(path: string, method: string, body: unknown): Promise<Answer> {
  const res = await app!.api(path, { method, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
}

const OPERATOR_ONLY = /can be set only in the operator's config file, not through the management API/;

describe('operator-only sink fields through the management API', () => {
  it('refuses a console file target at create, patch and preview with 400 naming sink.target.file, and writes no file', async () => {
    app = await startTestApp(baseConfig(''));
    const file = join(app.dir, 'owned', '..', 'owned.jsonl');
    const created = await call('/api/v2/log-streams', 'POST', { name: 'to-file', type: 'console', sink: { target: { file } } });
    expect(created.status).toBe(400);
    expect(created.json.errors).toEqual([{ path: 'sink.target.file', message: expect.stringMatching(OPERATOR_ONLY) }]);
    expect(created.json.message).toMatch(/sink\.target\.file: can be set only in the operator's config file.*writes files on the runner's machine/);
    expect((await app.store.streams.list('acme')).map((s) => s.name)).not.toContain('to-file');

    const ok = await call('/api/v2/log-streams', 'POST', { name: 'to-stdout', type: 'console', sink: { target: 'stderr' } });
    expect(ok.status).toBe(200);
    const patched = await call(`/api/v2/log-streams/${ok.json.id}`, 'PATCH', { sink: { target: { file } } });
    expect(patched.status).toBe(400);
    expect(patched.json.errors?.map((e) => e.path)).toEqual(['sink.target.file']);
    expect((await app.store.streams.get(ok.json.id as string))?.sink).toEqual({ target: 'stderr' });

    const preview = await call('/api/v2/log-streams/preview', 'POST', { type: 'console', sink: { target: { file } } });
    expect(preview.status).toBe(400);
    expect(preview.json.errors?.map((e) => e.path)).toEqual(['sink.target.file']);

    // Events flow to the stream that exists; still no file anywhere.
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    expect(existsSync(join(app.dir, 'owned.jsonl'))).toBe(false);
    expect(existsSync(join(app.dir, 'owned'))).toBe(false);
  });

  it("refuses eventbridge's awsDefaultCredentials (the runner's own AWS role) and requires keys from the API", async () => {
    app = await startTestApp(baseConfig(''));
    const ambient = await call('/api/v2/log-streams', 'POST', {
      name: 'eb',
      type: 'eventbridge',
      sink: { awsRegion: 'us-east-1', awsDefaultCredentials: true },
    });
    expect(ambient.status).toBe(400);
    expect(ambient.json.errors).toEqual([{ path: 'sink.awsDefaultCredentials', message: expect.stringMatching(OPERATOR_ONLY) }]);
    const noKeys = await call('/api/v2/log-streams', 'POST', { name: 'eb', type: 'eventbridge', sink: { awsRegion: 'us-east-1' } });
    expect(noKeys.status).toBe(400);
    expect(noKeys.json.errors).toEqual([
      {
        path: 'sink.awsAccessKeyId',
        message: expect.stringMatching(/is required \(with awsSecretAccessKey\) unless the operator's config file sets awsDefaultCredentials: true/),
      },
    ]);
  });

  it('lets a config-file stream write to its file target, and the API still pauses it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outflow-e2e-'));
    const file = join(dir, 'out', 'events.jsonl');
    app = await startTestApp(baseConfig(`  - { name: file-out, type: console, tenant: acme, sink: { target: { file: "${file}" } } }\n`), undefined, dir);
    const event = makeEvent();
    expect((await ingest(app.url, TOKEN, [event])).status).toBe(202);
    await eventually(
      () => existsSync(file) && readFileSync(file, 'utf8').includes(event.log_id as string),
      20_000,
      'The config stream did not write its file.',
    );
    const [stream] = await app.store.streams.list('acme');
    const shown = (await (await app.api(`/api/v2/log-streams/${stream?.id}`)).json()) as { sink: unknown; managedBy: string };
    expect(shown).toMatchObject({ managedBy: 'config', sink: { target: { file } } });
    const paused = await call(`/api/v2/log-streams/${stream?.id}`, 'PATCH', { status: 'paused' });
    expect(paused.status).toBe(200);
  });
});

describe('console files under egress.fileRoot', () => {
  const withRoot = (yaml: string) =>
    yaml.replace('egress: { allowHttp: true, allowPrivateNetworks: true }', 'egress: { allowHttp: true, allowPrivateNetworks: true, fileRoot: ./files }');

  it('lets an API stream append to a relative path under the root, and refuses `..`, absolute paths and symbolic links', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outflow-e2e-'));
    const outside = mkdtempSync(join(tmpdir(), 'outflow-outside-'));
    mkdirSync(join(dir, 'files'));
    symlinkSync(outside, join(dir, 'files', 'escape'));
    app = await startTestApp(withRoot(baseConfig('')), undefined, dir);
    for (const [fileInRoot, message] of [
      ['../owned.jsonl', /must not contain `\.\.` segments/],
      [join(outside, 'owned.jsonl'), /not an absolute path/],
    ] as const) {
      const refused = await call('/api/v2/log-streams', 'POST', { type: 'console', sink: { target: { fileInRoot } } });
      expect(refused.status).toBe(400);
      expect(refused.json.errors).toEqual([{ path: 'sink.target.fileInRoot', message: expect.stringMatching(message) }]);
    }
    const good = await call('/api/v2/log-streams', 'POST', { name: 'rooted', type: 'console', sink: { target: { fileInRoot: 'acme/events.jsonl' } } });
    expect(good.status).toBe(200);
    const linked = await call('/api/v2/log-streams', 'POST', { name: 'linked', type: 'console', sink: { target: { fileInRoot: 'escape/events.jsonl' } } });
    expect(linked.status).toBe(200);
    const event = makeEvent();
    expect((await ingest(app.url, TOKEN, [event])).status).toBe(202);
    const file = join(dir, 'files', 'acme', 'events.jsonl');
    await eventually(
      () => existsSync(file) && readFileSync(file, 'utf8').includes(event.log_id as string),
      20_000,
      'The rooted stream did not write its file.',
    );
    const linkedRecord = (records: Array<{ message: string }>) => records.find((r) => /symbolic link/.test(r.message));
    const records = await readUntil(
      () => app!.store.health.list(linked.json.id as string),
      (r) => linkedRecord(r) !== undefined,
    );
    expect(linkedRecord(records)?.message).toMatch(/escape is a symbolic link; files under egress\.fileRoot are never written through links/);
    expect(existsSync(join(outside, 'events.jsonl'))).toBe(false);
    rmSync(outside, { recursive: true, force: true });
  });

  it('refuses fileInRoot when the runner has no egress.fileRoot', async () => {
    app = await startTestApp(baseConfig(''));
    const refused = await call('/api/v2/log-streams', 'POST', { type: 'console', sink: { target: { fileInRoot: 'events.jsonl' } } });
    expect(refused.status).toBe(400);
    expect(refused.json.errors).toEqual([{ path: 'sink.target.fileInRoot', message: expect.stringMatching(/needs egress\.fileRoot in the runner config/) }]);
  });
});
