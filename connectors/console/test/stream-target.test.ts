// stdout/stderr targets (process streams spied on), config and preview.
import { inspect } from 'node:util';
import { configJsonSchema, type Connector } from '@outflow/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLOSE_GRACE_MS } from '../src/console.js';
import { consoleConnector } from '../src/index.js';
import { connect, makeBatch, never } from './fixtures.js';

type WriteCallback = (err?: Error | null) => void;

/** Replaces `stream.write`, recording the bytes; `answer` decides how the callback is called. */
function spyWrite(stream: NodeJS.WriteStream, answer: (cb: WriteCallback) => void = (cb) => cb()) {
  const chunks: Buffer[] = [];
  const spy = vi.spyOn(stream, 'write').mockImplementation(((chunk: Uint8Array | string, ...rest: unknown[]) => {
    chunks.push(Buffer.from(chunk));
    const cb = rest.find((r): r is WriteCallback => typeof r === 'function');
    if (cb) answer(cb);
    return true;
  }) as typeof stream.write);
  return { chunks, spy };
}

let conn: Connector | undefined;
afterEach(async () => {
  await conn?.close();
  conn = undefined;
});

describe('stream targets', () => {
  it('writes JSON lines to stdout by default, exactly as stored', async () => {
    const { chunks } = spyWrite(process.stdout);
    conn = connect({});
    const batch = makeBatch(3);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(Buffer.concat(chunks).equals(batch.jsonLines())).toBe(true);
  });

  it('writes to stderr when asked, pretty lines included', async () => {
    const out = spyWrite(process.stdout);
    const err = spyWrite(process.stderr);
    conn = connect({ target: 'stderr', pretty: true });
    await conn.send(makeBatch(2), never());
    expect(Buffer.concat(err.chunks).toString()).toBe(
      '2026-01-01T00:00:00.000Z  s  Success Login  user0@example.com\n2026-01-01T00:00:01.000Z  s  Success Login  user1@example.com\n',
    );
    expect(out.chunks).toHaveLength(0);
  });

  it('a write error is retryable', async () => {
    spyWrite(process.stdout, (cb) => cb(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' })));
    conn = connect({ target: 'stdout' });
    const result = await conn.send(makeBatch(1), never());
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { vendorCode: 'EPIPE' } } });
  });

  it('a stuck write settles promptly when the signal aborts', async () => {
    let release: WriteCallback | undefined;
    spyWrite(process.stdout, (cb) => (release = cb));
    conn = connect({ target: 'stdout' });
    const controller = new AbortController();
    const pending = conn.send(makeBatch(1), controller.signal);
    setTimeout(() => controller.abort(), 20);
    const started = Date.now();
    expect((await pending).status).toBe('retryable');
    expect(Date.now() - started).toBeLessThan(1000);
    release?.();
  });

  it('close does not hang on a write that never completes', async () => {
    spyWrite(process.stdout, () => {});
    conn = connect({ target: 'stdout' });
    void conn.send(makeBatch(1), never());
    const started = Date.now();
    await conn.close();
    expect(Date.now() - started).toBeLessThan(CLOSE_GRACE_MS + 1000);
    expect((await conn.send(makeBatch(1), never())).status).toBe('permanent');
  });

  it('healthcheck is ok for stdout; preview shows the lines', async () => {
    conn = connect({});
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    const batch = makeBatch(2);
    expect(conn.preview!(batch).requests).toEqual([{ method: 'WRITE', url: 'stdout', headers: {}, body: batch.jsonLines().toString() }]);
  });

  it('removes its stream error listener on close', async () => {
    const before = process.stdout.listenerCount('error');
    conn = connect({});
    expect(process.stdout.listenerCount('error')).toBe(before + 1);
    await conn.close();
    await conn.close();
    expect(process.stdout.listenerCount('error')).toBe(before);
  });
});

describe('console config', () => {
  const schema = consoleConnector.configSchema;
  it('defaults to stdout, not pretty, and has the manifest', () => {
    expect(schema.parse({})).toEqual({ target: 'stdout', pretty: false });
    expect(consoleConnector).toMatchObject({
      type: 'console',
      apiVersion: 1,
      limits: { maxEvents: 5000, maxBytes: 8 * 1024 * 1024, maxEventBytes: 1024 * 1024 },
    });
  });

  it('rejects unknown fields and bad targets by name', () => {
    const issues = (input: unknown) => inspect(schema.safeParse(input).error?.issues, { depth: 5 });
    expect(issues({ colour: true })).toMatch(/colour/);
    expect(issues({ target: 'syslog' })).toMatch(/target/);
    expect(issues({ target: { file: '' } })).toMatch(/must not be empty/);
    expect(issues({ target: { file: 'a', mode: 'w' } })).toMatch(/mode/);
    expect(schema.parse({ target: { file: '/tmp/x.log' }, pretty: true })).toEqual({ target: { file: '/tmp/x.log' }, pretty: true });
  });

  it('describes every field', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }> };
    expect(Object.keys(json.properties).sort()).toEqual(['pretty', 'target']);
    for (const p of Object.values(json.properties)) expect(p.description).toMatch(/\w{3,}/);
  });
});
