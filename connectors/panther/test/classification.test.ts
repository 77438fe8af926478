// Panther's answers as delivery results and health, from the fake source: refused data, auth, wrong URL, size, throttling.
import { batchFromEnvelopes, isDeliveryError, type DeliveryResult } from '@outflow/core';
import { pantherThrottled, startPantherFake, type PantherFake } from '@outflow/connector-testkit/fakes/panther';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, GOLDEN_ENVELOPE, HMAC_KEY, never, twoBatch } from './fixtures.js';

let fake: PantherFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const failure = (r: DeliveryResult) => {
  if (r.status !== 'permanent' && r.status !== 'retryable') throw new Error(`expected a failure, got ${r.status}`);
  expect(isDeliveryError(r.error)).toBe(true);
  return r;
};

describe('classification', () => {
  it('400 for refused data is permanent invalid, quoting Panther', async () => {
    fake = await startPantherFake({ refuseEvent: (e) => ((e.data as { type?: string }).type === 'f' ? 'Event failed validation.' : undefined) });
    const conn = connect(fake.sourceUrl);
    const r = failure(await conn.send(twoBatch(), never()));
    await conn.close();
    expect(r).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { status: 400 } } });
    expect(r.error.details?.responseBody).toContain('Event failed validation.');
    expect(fake.events()).toEqual([]);
  });

  it('401 without the expected header and 403 for a wrong token or signature are permanent auth', async () => {
    fake = await startPantherFake({ auth: { method: 'sharedSecret', header: 'x-panther-secret', secret: 'right' } });
    let conn = connect(fake.sourceUrl, {
      pantherAuthMethod: 'sharedSecret',
      pantherBearerToken: undefined,
      pantherHeaderName: 'X-Other',
      pantherSecretValue: 'right',
    });
    expect(failure(await conn.send(twoBatch(), never()))).toMatchObject({ status: 'permanent', error: { kind: 'auth', details: { status: 401 } } });
    await conn.close();
    conn = connect(fake.sourceUrl, {
      pantherAuthMethod: 'sharedSecret',
      pantherBearerToken: undefined,
      pantherHeaderName: 'X-Panther-Secret',
      pantherSecretValue: 'wrong',
    });
    expect(failure(await conn.send(twoBatch(), never()))).toMatchObject({ status: 'permanent', error: { kind: 'auth', details: { status: 403 } } });
    await conn.close();
    await fake.close();
    fake = await startPantherFake({ auth: { method: 'hmac', header: 'x-signature', secret: HMAC_KEY } });
    conn = connect(fake.sourceUrl, {
      pantherAuthMethod: 'hmac',
      pantherBearerToken: undefined,
      pantherHeaderName: 'X-Signature',
      pantherSecretValue: `${HMAC_KEY}-old`,
    });
    expect(failure(await conn.send(twoBatch(), never()))).toMatchObject({ status: 'permanent', error: { kind: 'auth', details: { status: 403 } } });
    await conn.close();
  });

  it('404 (no such source) is permanent config, so nothing is dead-lettered', async () => {
    fake = await startPantherFake();
    const conn = connect(`${fake.url}/http/00000000-0000-0000-0000-000000000000`);
    const r = failure(await conn.send(twoBatch(), never()));
    await conn.close();
    expect(r).toMatchObject({ status: 'permanent', error: { kind: 'config', details: { status: 404 } } });
    expect(r.error.message).toMatch(/pantherUrl/);
  });

  it('413 over 1 MB with headers is invalid and too large, so the platform splits the batch', async () => {
    fake = await startPantherFake();
    const big = Array.from({ length: 3 }, (_, i) => {
      const log_id = `${GOLDEN_ENVELOPE.log_id.slice(0, -1)}${i}`;
      return { log_id, data: { ...GOLDEN_ENVELOPE.data, log_id, blob: 'x'.repeat(400_000) } };
    });
    const conn = connect(fake.sourceUrl, { pantherCompression: 'none' });
    const r = failure(await conn.send(batchFromEnvelopes(big), never()));
    expect(r).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { status: 413, tooLarge: true } } });
    expect(await conn.send(batchFromEnvelopes(big.slice(0, 2)), never())).toEqual({ status: 'success' });
    await conn.close();
  });

  it('429 is throttled with Retry-After, 5xx transient: both retryable', async () => {
    fake = await startPantherFake();
    fake.enqueue(pantherThrottled(7), { status: 503, body: { message: 'Service Unavailable' } });
    const conn = connect(fake.sourceUrl);
    expect(await conn.send(twoBatch(), never())).toMatchObject({ status: 'retryable', retryAfterMs: 7000, error: { kind: 'throttled' } });
    expect(await conn.send(twoBatch(), never())).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { status: 503 } } });
    expect(await conn.send(twoBatch(), never())).toEqual({ status: 'success' });
    await conn.close();
  });
});

describe('healthcheck', () => {
  it('is healthy when the source answers HEAD with 405 after accepting the credentials, and writes nothing', async () => {
    fake = await startPantherFake();
    const conn = connect(fake.sourceUrl);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    await conn.close();
    expect(fake.requests.map((r) => r.method)).toEqual(['HEAD']);
    expect(fake.events()).toEqual([]);
  });

  it('fails with auth for a wrong token, with config for a wrong URL', async () => {
    fake = await startPantherFake();
    let conn = connect(fake.sourceUrl, { pantherBearerToken: 'not-the-token' });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth' } });
    await conn.close();
    conn = connect(`${fake.url}/http/wrong`);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'config' } });
    await conn.close();
  });

  it('checks an HMAC source with the signature of the empty body', async () => {
    fake = await startPantherFake({ auth: { method: 'hmac', header: 'x-signature', secret: HMAC_KEY, prefix: 'sha256=' } });
    const conn = connect(fake.sourceUrl, {
      pantherAuthMethod: 'hmac',
      pantherBearerToken: undefined,
      pantherHeaderName: 'X-Signature',
      pantherSecretValue: HMAC_KEY,
      pantherHmacPrefix: 'sha256=',
    });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    await conn.close();
  });
});
