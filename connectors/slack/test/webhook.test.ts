// Incoming webhook mode against the fake Slack: JSON posts, status and body codes, Retry-After, a healthcheck that posts nothing.
import { batchFromEnvelopes, type Connector, type DeliveryResult } from '@outflow/core';
import { startSlackFake, type SlackFake } from '@outflow/connector-testkit/fakes/slack';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMessage } from '../src/index.js';
import { connect, GOLDEN, makeBatch, makeContext, never } from './fixtures.js';

const SECRET_PATH = '/services/T0FAKE/B0FAKE/hookSecretPart0123';
let fake: SlackFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startSlackFake({ webhookPath: SECRET_PATH });
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await fake.close();
});

const hook = () => connect({ slackWebhookUrl: fake.webhookUrl });
const failure = (r: DeliveryResult) => {
  if (r.status !== 'retryable' && r.status !== 'permanent') throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return r;
};
const text = (status: number, body: string, headers: Record<string, string> = {}) => ({ status, headers: { 'content-type': 'text/html', ...headers }, body });

describe('webhook delivery', () => {
  it('POSTs the golden message as JSON', async () => {
    conn = hook();
    expect(await conn.send(batchFromEnvelopes([GOLDEN]), never())).toEqual({ status: 'success' });
    const req = fake.requests[0];
    expect(req?.method).toBe('POST');
    expect(req?.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(req?.headers['user-agent']).toMatch(/^outflow\//);
    const expected = buildMessage([GOLDEN]);
    expect(req?.json()).toEqual({ text: expected.text, blocks: expected.blocks, unfurl_links: false, unfurl_media: false });
    expect(fake.messages()).toHaveLength(1);
  });

  const table: Array<[number, string, 'permanent' | 'retryable', string]> = [
    [400, 'invalid_payload', 'permanent', 'invalid'],
    [400, 'no_text', 'permanent', 'invalid'],
    [403, 'invalid_token', 'permanent', 'auth'],
    [403, 'action_prohibited', 'permanent', 'auth'],
    [404, 'no_service', 'permanent', 'auth'],
    [404, 'channel_not_found', 'permanent', 'config'],
    [410, 'channel_is_archived', 'permanent', 'config'],
    [404, '', 'permanent', 'config'],
    [500, 'rollup_error', 'retryable', 'transient'],
    [502, '<html>bad gateway</html>', 'retryable', 'transient'],
  ];
  it.each(table)('HTTP %i "%s" → %s %s', async (status, body, outcome, kind) => {
    conn = hook();
    fake.enqueue(text(status, body));
    const result = failure(await conn.send(makeBatch(2), never()));
    expect(result.status).toBe(outcome);
    expect(result.error.kind).toBe(kind);
    expect(result.error.details.status).toBe(status);
    expect(fake.requests).toHaveLength(1);
  });

  it('turns 429 + Retry-After into a retryable result', async () => {
    conn = hook();
    fake.enqueue(text(429, 'rate_limited', { 'retry-after': '2' }));
    expect(await conn.send(makeBatch(1), never())).toMatchObject({ status: 'retryable', retryAfterMs: 2000, error: { kind: 'throttled' } });
  });

  it('refuses a webhook the fake does not know (no_service) as auth', async () => {
    conn = connect({ slackWebhookUrl: `${fake.url}/services/T0FAKE/B0FAKE/revokedHook` });
    expect(failure(await conn.send(makeBatch(1), never())).error).toMatchObject({ kind: 'auth', details: { vendorCode: 'no_service' } });
  });

  it('keeps the webhook URL out of errors, logs and previews', async () => {
    const ctx = makeContext();
    conn = connect({ slackWebhookUrl: fake.webhookUrl }, ctx);
    fake.enqueue(text(400, `unknown webhook ${fake.webhookUrl}`));
    const result = failure(await conn.send(makeBatch(1), never()));
    const preview = conn.preview?.(makeBatch(1));
    for (const shown of [JSON.stringify(result), ctx.logs.text(), JSON.stringify(preview)]) expect(shown).not.toContain('hookSecretPart0123');
    expect(preview?.requests[0]?.url).toBe(`${fake.url}/[REDACTED]`);
  });

  it('classifies a refused connection as retryable without quoting the URL', async () => {
    const url = fake.webhookUrl;
    await fake.close();
    conn = connect({ slackWebhookUrl: url });
    const result = failure(await conn.send(makeBatch(1), never()));
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { vendorCode: 'ECONNREFUSED' } } });
    expect(JSON.stringify(result)).not.toContain('hookSecretPart0123');
  });
});

describe('webhook healthcheck', () => {
  it('GETs the URL, counts 405 as reachable and posts nothing', async () => {
    conn = hook();
    expect(await conn.healthcheck(never())).toEqual({ ok: true, message: 'The webhook URL is reachable (HTTP 405 to GET).' });
    expect(fake.requests.map((r) => r.method)).toEqual(['GET']);
    expect(fake.messages()).toHaveLength(0);
  });

  it('counts 400 as reachable too', async () => {
    conn = hook();
    fake.enqueue(text(400, 'invalid_payload'));
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
  });

  it('fails with auth for a revoked webhook and with config for an archived channel', async () => {
    conn = hook();
    fake.enqueue(text(404, 'no_service'), text(410, 'channel_is_archived'));
    const revoked = await conn.healthcheck(never());
    const archived = await conn.healthcheck(never());
    expect(revoked.ok === false && revoked.error.kind).toBe('auth');
    expect(archived.ok === false && archived.error.kind).toBe('config');
  });

  it('fails as transient on a 503 and as throttled on a 429', async () => {
    conn = hook();
    fake.enqueue(text(503, 'busy'), text(429, 'rate_limited', { 'retry-after': '3' }));
    const busy = await conn.healthcheck(never());
    const limited = await conn.healthcheck(never());
    expect(busy).toMatchObject({ ok: false, error: { kind: 'transient', details: { status: 503 } } });
    expect(limited).toMatchObject({ ok: false, error: { kind: 'throttled', details: { status: 429 } } });
  });
});
