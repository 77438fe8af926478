// Standard Webhooks signatures, verified with an independent implementation.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Connector } from '@outflow/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signPayload, webhookId } from '../src/index.js';
import { connect, makeBatch, makeContext, never } from './fixtures.js';
import { startReceiver, type Receiver } from './receiver.js';

const SECRET = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

/** What a receiver does: recompute the HMAC over `${id}.${timestamp}.${body}` and compare. */
function verify(secret: string, headers: IncomingHttpHeaders, body: string): boolean {
  const key = secret.startsWith('whsec_') ? Buffer.from(secret.slice(6), 'base64') : Buffer.from(secret);
  const content = `${String(headers['webhook-id'])}.${String(headers['webhook-timestamp'])}.${body}`;
  const expected = createHmac('sha256', key).update(content).digest();
  return String(headers['webhook-signature'])
    .split(' ')
    .some((sig) => {
      const [version, value] = sig.split(',');
      const got = Buffer.from(value ?? '', 'base64');
      return version === 'v1' && got.length === expected.length && timingSafeEqual(got, expected);
    });
}

let rx: Receiver;
let conn: Connector | undefined;
beforeEach(async () => {
  rx = await startReceiver();
});
afterEach(async () => {
  await conn?.close();
  await rx.close();
});

describe('signing', () => {
  it('matches the Standard Webhooks test vector', () => {
    const key = Buffer.from('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw', 'base64');
    expect(signPayload(key, 'msg_p5jXN8AQM9LWM0D4loKWxJek', 1614265330, Buffer.from('{"test": 2432232314}'))).toBe(
      'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    );
  });

  it('signs each request; the receiver verifies it independently', async () => {
    const start = Date.UTC(2026, 0, 1, 12, 0, 0, 789);
    conn = connect({ httpEndpoint: rx.url, httpSigningSecret: SECRET }, makeContext(undefined, start));
    await conn.send(makeBatch(3), never());
    const req = rx.requests[0]!;
    expect(req.headers['webhook-timestamp']).toBe(String(Math.floor(start / 1000)));
    expect(req.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(req.headers['webhook-signature']).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(verify(SECRET, req.headers, req.text)).toBe(true);
    expect(verify('whsec_' + Buffer.from('another key').toString('base64'), req.headers, req.text)).toBe(false);
    expect(verify(SECRET, req.headers, req.text.replace('user0', 'user9'))).toBe(false);
  });

  it('signs the uncompressed body when gzip is on, and raw secrets as UTF-8 keys', async () => {
    conn = connect({ httpEndpoint: rx.url, httpSigningSecret: 'a-raw-secret', httpCompression: 'gzip', httpContentFormat: 'JSONOBJECT' });
    await conn.send(makeBatch(2), never());
    expect(rx.requests).toHaveLength(2);
    for (const req of rx.requests) {
      expect(req.headers['content-encoding']).toBe('gzip');
      expect(verify('a-raw-secret', req.headers, req.text)).toBe(true);
    }
  });

  it('keeps webhook-id stable when the same batch is sent again', async () => {
    conn = connect({ httpEndpoint: rx.url, httpSigningSecret: SECRET });
    const batch = makeBatch(5);
    await conn.send(batch, never());
    await conn.send(batch, never());
    await conn.send(makeBatch(5, 100), never());
    const ids = rx.requests.map((r) => r.headers['webhook-id']);
    expect(ids[0]).toBe(ids[1]);
    expect(ids[2]).not.toBe(ids[0]);
    const digest = createHash('sha256').update(batch.logIds.join('\n')).digest('hex').slice(0, 32);
    expect(ids[0]).toBe(`msg_${digest}`);
    expect(webhookId(batch.logIds)).toBe(ids[0]);
  });
});
