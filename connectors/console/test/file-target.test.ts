// File target: exact lines appended, folders created, ordering, failures and healthcheck.
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Connector } from '@outflow/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, envelope, makeBatch, never } from './fixtures.js';
import { batchFromEnvelopes } from '@outflow/core';

let dir: string;
let conn: Connector | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'outflow-console-'));
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await rm(dir, { recursive: true, force: true });
});

describe('file target', () => {
  it('appends the stored envelopes as exact lines, creating the folder', async () => {
    const file = join(dir, 'nested', 'deeper', 'events.ndjson');
    conn = connect({ target: { file } });
    const a = makeBatch(3);
    const b = makeBatch(2, 10);
    expect(await conn.send(a, never())).toEqual({ status: 'success' });
    expect(await conn.send(b, never())).toEqual({ status: 'success' });
    const content = await readFile(file);
    expect(content.equals(Buffer.concat([a.jsonLines(), b.jsonLines()]))).toBe(true);
    const lines = content.toString().split('\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe(a.raw(0).toString());
    expect(JSON.parse(lines[4]!)).toEqual(b.envelopes()[1]);
  });

  it('keeps what the file already holds (append mode)', async () => {
    const file = join(dir, 'events.ndjson');
    await writeFile(file, 'existing line\n');
    conn = connect({ target: { file } });
    await conn.send(makeBatch(1), never());
    expect((await readFile(file, 'utf8')).startsWith('existing line\n{"log_id"')).toBe(true);
  });

  it('writes concurrent sends whole and in order', async () => {
    const file = join(dir, 'events.ndjson');
    conn = connect({ target: { file } });
    const batches = Array.from({ length: 10 }, (_, i) => makeBatch(50, i * 50));
    const results = await Promise.all(batches.map((b) => conn!.send(b, never())));
    expect(results.every((r) => r.status === 'success')).toBe(true);
    expect((await readFile(file)).equals(Buffer.concat(batches.map((b) => b.jsonLines())))).toBe(true);
  });

  it('writes short human lines when pretty', async () => {
    const file = join(dir, 'pretty.log');
    conn = connect({ target: { file }, pretty: true });
    const batch = batchFromEnvelopes([
      envelope(0),
      envelope(1, { type: 'fp', description: 'Wrong\npassword', user_name: undefined, user_id: 'auth0|123' }),
      envelope(2, { type: 'seacft', description: null, user_name: undefined, client_name: 'My App' }),
    ]);
    await conn.send(batch, never());
    expect(await readFile(file, 'utf8')).toBe(
      [
        '2026-01-01T00:00:00.000Z  s  Success Login  user0@example.com',
        '2026-01-01T00:00:01.000Z  fp  Wrong password  auth0|123',
        '2026-01-01T00:00:02.000Z  seacft  auth.token_exchange.success  My App',
        '',
      ].join('\n'),
    );
  });

  it('an empty batch writes nothing', async () => {
    const file = join(dir, 'events.ndjson');
    conn = connect({ target: { file } });
    expect(await conn.send(makeBatch(0), never())).toEqual({ status: 'success' });
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('a failed write is a retryable transient error, and the next write still works', async () => {
    const file = join(dir, 'events.ndjson');
    await mkdir(file); // a folder where the file should be
    conn = connect({ target: { file } });
    const result = await conn.send(makeBatch(1), never());
    expect(result.status).toBe('retryable');
    if (result.status === 'retryable') {
      expect(result.error.kind).toBe('transient');
      expect(result.error.details.vendorCode).toBe('EISDIR');
    }
    await rm(file, { recursive: true });
    expect(await conn.send(makeBatch(1), never())).toEqual({ status: 'success' });
  });

  it('healthcheck is ok for a writable path and fails when the folder cannot exist', async () => {
    conn = connect({ target: { file: join(dir, 'sub', 'events.ndjson') } });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    await conn.close();
    await writeFile(join(dir, 'plain'), 'x');
    conn = connect({ target: { file: join(dir, 'plain', 'events.ndjson') } });
    const health = await conn.healthcheck(never());
    expect(health.ok).toBe(false);
    if (!health.ok) expect(health.error.kind).toBe('config');
  });

  it('close is safe twice; sends afterwards are permanent config errors', async () => {
    const file = join(dir, 'events.ndjson');
    conn = connect({ target: { file } });
    await conn.send(makeBatch(1), never());
    await conn.close();
    await conn.close();
    const result = await conn.send(makeBatch(1), never());
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'config', message: 'The connector is closed.' } });
    expect((await readFile(file, 'utf8')).split('\n')).toHaveLength(2);
  });
});

describe('file target in the contract', () => {
  it('is operator-only, so the management API refuses it', async () => {
    const { operatorOnlyFields } = await import('@outflow/core');
    const { consoleConnector } = await import('../src/index.js');
    expect(operatorOnlyFields(consoleConnector.configSchema)).toEqual([{ path: 'target.file', reason: "it writes files on the runner's machine" }]);
  });
});
