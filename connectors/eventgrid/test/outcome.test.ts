// What the SDK's send gave, classified: RestErrors with Azure answers, 2xx the SDK throws on, transport errors, refusals before sending.
import { transportError } from '@outflow/core';
import { startEventgridFake } from '@outflow/connector-testkit/fakes/eventgrid';
import { describe, expect, it } from 'vitest';
import { sendOutcome } from '../src/index.js';
import { connect, never } from './fixtures.js';

const context = { secrets: ['s3cr3t-key'], now: Date.parse('2026-01-01T00:00:00Z') };
const restError = (status: number, body: string, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${status}`), {
    name: 'RestError',
    statusCode: status,
    response: { status, headers: { toJSON: () => headers }, bodyAsText: body },
  });

describe('sendOutcome', () => {
  it('is success when the SDK resolved, and for a 2xx it threw on (its spec only expects 200)', () => {
    expect(sendOutcome(undefined, context)).toEqual({ status: 'success' });
    expect(sendOutcome(restError(202, ''), context)).toEqual({ status: 'success' });
  });

  it("reads Azure's error body: code/detail code, message, redacted", () => {
    const body = JSON.stringify({
      error: { code: 'BadRequest', message: 'Key s3cr3t-key rejected the event.', details: [{ code: 'InputJsonInvalid', message: 'x' }] },
    });
    const result = sendOutcome(restError(400, body), context);
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { status: 400, vendorCode: 'BadRequest/InputJsonInvalid' } } });
    const { message } = (result as { error: Error }).error;
    expect(message).toBe('Event Grid refused the events as invalid (HTTP 400) [BadRequest/InputJsonInvalid]: Key [REDACTED] rejected the event.');
    expect(JSON.stringify(result)).not.toContain('s3cr3t-key');
  });

  it('honours an HTTP-date Retry-After on 503 against the clock', () => {
    const result = sendOutcome(restError(503, '', { 'retry-after': 'Thu, 01 Jan 2026 00:00:04 GMT' }), context);
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'transient' }, retryAfterMs: 4000 });
  });

  it('reads a redirect as config and a non-JSON error body by status alone', () => {
    expect(sendOutcome(restError(307, ''), context)).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
    expect(sendOutcome(restError(403, '<html>Forbidden</html>'), context)).toMatchObject({
      status: 'permanent',
      error: { kind: 'auth', details: { status: 403 } },
    });
  });

  it('passes transport errors through the shared reading: egress refusals config, network failures transient', () => {
    expect(sendOutcome(transportError('EGRESS_REFUSED', 'refused'), context)).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
    expect(sendOutcome(transportError('ECONNRESET', 'reset'), context)).toMatchObject({ status: 'retryable', error: { kind: 'transient' } });
  });

  it('reads the pipeline seeing the abort as transient, and an SDK refusal before sending as invalid', () => {
    expect(sendOutcome(Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' }), context)).toMatchObject({
      status: 'retryable',
      error: { kind: 'transient' },
    });
    expect(sendOutcome(new Error('"data" cannot be null or undefined.'), context)).toMatchObject({
      status: 'permanent',
      error: { kind: 'invalid', message: expect.stringContaining('refused the events before sending') },
    });
  });
});

describe('healthcheck answers', () => {
  it('a 400 to the empty publish still shows the key was taken: healthy', async () => {
    const fake = await startEventgridFake();
    fake.enqueue({ status: 400, body: { error: { code: 'BadRequest', message: 'Empty batch.' } } });
    const connector = connect(fake.url);
    const health = await connector.healthcheck(never());
    await connector.close();
    await fake.close();
    expect(health).toMatchObject({ ok: true, message: expect.stringContaining('HTTP 400') });
  });
});
