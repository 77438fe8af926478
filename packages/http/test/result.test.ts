// toDeliveryResult: statuses, the vendor table, redirects and transport errors.
import { DeliveryError, transportError, type DeliveryResult, type HttpResponse } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { toDeliveryResult } from '../src/index.js';

const answer = (status: number, body = '', headers: HttpResponse['headers'] = {}): HttpResponse => ({
  status,
  headers,
  body: Buffer.from(body),
  truncated: false,
});
const secrets = ['top-secret-key'];

describe('toDeliveryResult', () => {
  it('classifies statuses with classifyHttpStatus and redacts secrets from the excerpt', () => {
    expect(toDeliveryResult(answer(204), { secrets })).toEqual({ status: 'success' });
    const auth = toDeliveryResult(answer(401, 'bad key top-secret-key'), { secrets });
    expect(auth).toMatchObject({ status: 'permanent', error: { kind: 'auth', details: { status: 401, responseBody: 'bad key [REDACTED]' } } });
    expect(toDeliveryResult(answer(429, '', { 'retry-after': '7' }), { secrets })).toMatchObject({ status: 'retryable', retryAfterMs: 7000 });
    expect(toDeliveryResult(answer(302), { secrets })).toMatchObject({ status: 'permanent', error: { kind: 'config', details: { status: 302 } } });
  });

  it('lets a vendor table or function decide first', () => {
    const table = { 400: 'auth', 409: 'throttled' } as const;
    expect(toDeliveryResult(answer(400), { secrets, classify: table })).toMatchObject({ status: 'permanent', error: { kind: 'auth' } });
    expect(toDeliveryResult(answer(409, '', { 'retry-after': '2' }), { secrets, classify: table })).toMatchObject({
      status: 'retryable',
      retryAfterMs: 2000,
      error: { kind: 'throttled' },
    });
    expect(toDeliveryResult(answer(422), { secrets, classify: table })).toMatchObject({ error: { kind: 'invalid' } });
    const byBody = (_res: HttpResponse, text: string): DeliveryResult | undefined =>
      text.includes('quota') ? { status: 'retryable', error: new DeliveryError('throttled', 'Quota exceeded.') } : undefined;
    expect(toDeliveryResult(answer(400, 'quota exceeded'), { secrets, classify: byBody }).status).toBe('retryable');
    expect(toDeliveryResult(answer(400, 'bad field'), { secrets, classify: byBody })).toMatchObject({ status: 'permanent', error: { kind: 'invalid' } });
    // A 2xx naming refused events: the function sees how many events the request carried.
    const partial = (res: HttpResponse, _text: string, events: number): DeliveryResult | undefined =>
      res.status === 200 ? { status: 'partial', failed: [{ index: events - 1, retryable: false, reason: 'refused' }] } : undefined;
    expect(toDeliveryResult(answer(200), { secrets, classify: partial, events: 3 })).toEqual({
      status: 'partial',
      failed: [{ index: 2, retryable: false, reason: 'refused' }],
    });
  });

  it('makes egress refusals permanent config and other transport errors retryable transient', () => {
    expect(toDeliveryResult(transportError('EGRESS_REFUSED', 'Destination refused.'), { secrets })).toMatchObject({
      status: 'permanent',
      error: { kind: 'config', details: { vendorCode: 'EGRESS_REFUSED' } },
    });
    const refused = toDeliveryResult(transportError('ECONNREFUSED', 'connect ECONNREFUSED to top-secret-key'), { secrets });
    expect(refused).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { vendorCode: 'ECONNREFUSED' } } });
    expect(JSON.stringify(refused)).not.toContain('top-secret-key');
    expect(toDeliveryResult(transportError('ABORTED', 'aborted'), { secrets })).toMatchObject({
      status: 'retryable',
      error: { kind: 'transient', details: { vendorCode: 'ABORTED' } },
    });
  });
});
