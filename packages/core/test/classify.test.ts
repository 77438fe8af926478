import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { classifyHttpStatus, classifyNetworkError, scrubError } from '../src/index.js';

describe('classifyNetworkError', () => {
  it('keeps the error code and a redacted message, but never the raw error with its request', () => {
    const raw = Object.assign(new Error('connect ECONNREFUSED with Bearer s3cret-token'), {
      code: 'ECONNREFUSED',
      config: { headers: { Authorization: 'Bearer s3cret-token' } },
      cause: Object.assign(new Error('inner s3cret-token'), { request: { _header: 'Authorization: Bearer s3cret-token' } }),
    });
    const result = classifyNetworkError(raw, ['s3cret-token']);
    expect(result.status).toBe('retryable');
    if (result.status !== 'retryable') return;
    expect(result.error.kind).toBe('transient');
    expect(result.error.details.vendorCode).toBe('ECONNREFUSED');
    const shown = inspect(result.error, { depth: 10 }) + JSON.stringify(result.error);
    expect(shown).not.toContain('s3cret-token');
    expect((result.error.cause as Error & { code?: string }).code).toBe('ECONNREFUSED');
    expect((result.error.cause as { config?: unknown }).config).toBeUndefined();
  });

  it('classifies egress refusals as config errors', () => {
    const r = classifyNetworkError(Object.assign(new Error('private address'), { code: 'EGRESS_REFUSED' }));
    expect(r).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
  });

  it('scrubError copies name, code and message along the cause chain only', () => {
    const copy = scrubError(Object.assign(new TypeError('bad key abcd1234'), { code: 'X1', extra: 1, cause: new Error('deep') }), ['abcd1234']) as Error & {
      code?: string;
      extra?: number;
    };
    expect(copy.name).toBe('TypeError');
    expect(copy.message).toBe('bad key [REDACTED]');
    expect(copy.code).toBe('X1');
    expect(copy.extra).toBeUndefined();
    expect((copy.cause as Error).message).toBe('deep');
    expect(scrubError('text')).toBe('text');
  });
});

describe('classifyHttpStatus', () => {
  it('maps the status table', () => {
    const kind = (status: number, headers?: Record<string, string>) => classifyHttpStatus({ status, headers });
    expect(kind(202)).toEqual({ status: 'success' });
    for (const s of [400, 422, 404]) expect(kind(s)).toMatchObject({ status: 'permanent', error: { kind: 'invalid' } });
    expect(kind(413)).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { tooLarge: true } } });
    for (const s of [401, 403]) expect(kind(s)).toMatchObject({ status: 'permanent', error: { kind: 'auth' } });
    for (const s of [408, 500, 502, 503, 504]) expect(kind(s)).toMatchObject({ status: 'retryable', error: { kind: 'transient' } });
    expect(kind(501)).toMatchObject({ status: 'permanent' });
    expect(kind(429, { 'retry-after': '3' })).toMatchObject({ status: 'retryable', retryAfterMs: 3000, error: { kind: 'throttled' } });
  });

  it('redacts secrets from the body excerpt', () => {
    const r = classifyHttpStatus({ status: 400, body: 'bad token tok-98765' }, ['tok-98765']);
    expect(r.status === 'permanent' && r.error.details.responseBody).toBe('bad token [REDACTED]');
  });
});
