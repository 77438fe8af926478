// Files under egress.fileRoot: relative paths only, no `..`, absolute paths or symbolic links, and none without a root.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEgressGuard, type Connector, type ConnectorContext } from '@outflow/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { consoleConnector } from '../src/index.js';
import { makeBatch, makeContext, never } from './fixtures.js';

let base: string;
let root: string;
let outside: string;
let conn: Connector | undefined;
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'outflow-root-'));
  root = join(base, 'root');
  outside = join(base, 'outside');
  await mkdir(root);
  await mkdir(outside);
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await rm(base, { recursive: true, force: true });
});

const withRoot = (fileRoot?: string): ConnectorContext => ({
  ...makeContext(),
  egress: createEgressGuard({ allowHttp: false, allowPrivateNetworks: false, fileRoot }),
});
const connectIn = (fileInRoot: string, ctx = withRoot(root)) => consoleConnector.create(ctx, consoleConnector.configSchema.parse({ target: { fileInRoot } }));
const problems = (fileInRoot: string) =>
  consoleConnector.configSchema.safeParse({ target: { fileInRoot } }).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`) ?? [];

describe('console fileInRoot', () => {
  it('appends under the root, creating folders', async () => {
    conn = connectIn('acme/logs/events.jsonl');
    const batch = makeBatch(2);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(await conn.send(makeBatch(1, 5), never())).toEqual({ status: 'success' });
    expect((await readFile(join(root, 'acme', 'logs', 'events.jsonl'))).subarray(0, batch.jsonLines().length).equals(batch.jsonLines())).toBe(true);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
  });

  it('refuses `..`, absolute paths and empty segments in the schema, naming target.fileInRoot', () => {
    expect(problems('../owned.jsonl')).toEqual(['target.fileInRoot: must not contain `..` segments']);
    expect(problems('a/../../owned.jsonl')).toEqual(['target.fileInRoot: must not contain `..` segments']);
    expect(problems('/etc/owned.jsonl')).toEqual(["target.fileInRoot: must be a relative path under the runner's egress.fileRoot, not an absolute path"]);
    expect(problems('a//b.jsonl')[0]).toMatch(/^target\.fileInRoot: must not contain empty or `\.` segments/);
    expect(problems('ok/events.jsonl')).toEqual([]);
  });

  it('is refused when the runner has no egress.fileRoot', () => {
    expect(() => connectIn('events.jsonl', withRoot(undefined))).toThrow(
      expect.objectContaining({ name: 'ConfigError', issues: [{ path: 'target.fileInRoot', message: expect.stringMatching(/needs egress\.fileRoot/) }] }),
    );
  });

  it('never writes through a symbolic link, as a folder or as the file itself', async () => {
    await symlink(outside, join(root, 'linked-dir'));
    await writeFile(join(outside, 'target.jsonl'), 'keep\n');
    await symlink(join(outside, 'target.jsonl'), join(root, 'linked.jsonl'));
    for (const rel of ['linked-dir/events.jsonl', 'linked.jsonl']) {
      conn = connectIn(rel);
      const result = await conn.send(makeBatch(1), never());
      expect(result.status).toBe('retryable');
      if (result.status !== 'retryable') return;
      expect(result.error.kind).toBe('config');
      expect(result.error.message).toMatch(/is a symbolic link; files under egress\.fileRoot are never written through links/);
      expect(await conn.healthcheck(never())).toMatchObject({ ok: false });
      await conn.close();
    }
    expect(existsSync(join(outside, 'events.jsonl'))).toBe(false);
    expect(await readFile(join(outside, 'target.jsonl'), 'utf8')).toBe('keep\n');
  });
});
