// Web API mode against the fake Slack: posted digests, errors inside HTTP 200, rate limits, healthcheck, no retries.
import { batchFromEnvelopes, ConfigError, type Connector, type DeliveryResult } from '@outflow/core';
import { slackApiError, slackArgs, startSlackFake, type SlackFake } from '@outflow/connector-testkit/fakes/slack';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildMessage } from '../src/index.js';
import { connect, GOLDEN, makeBatch, makeContext, never, TOKEN } from './fixtures.js';

let fake: SlackFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startSlackFake({ token: TOKEN, channels: ['C0123FAKE'] });
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await fake.close();
});

const bot = (extra: Record<string, unknown> = {}) => connect({ slackBotToken: TOKEN, slackChannel: 'C0123FAKE', slackApiUrl: fake.apiUrl, ...extra });
const failure = (r: DeliveryResult) => {
  if (r.status !== 'retryable' && r.status !== 'permanent') throw new Error(`expected a failure, got ${JSON.stringify(r)}`);
  return r;
};
const posts = () => fake.requests.filter((r) => r.path === '/api/chat.postMessage');

describe('chat.postMessage', () => {
  it('posts one digest message per batch with the bot token', async () => {
    conn = bot();
    expect(await conn.send(makeBatch(5), never())).toEqual({ status: 'success' });
    expect(posts()).toHaveLength(1);
    const req = posts()[0];
    expect(req?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    const [message] = fake.messages();
    expect(message?.channel).toBe('C0123FAKE');
    expect(message?.blocks?.filter((b) => b.type === 'section')).toHaveLength(5);
    expect(message?.args).toMatchObject({ unfurl_links: 'false', unfurl_media: 'false' });
  });

  it('sends exactly the golden message', async () => {
    conn = bot();
    await conn.send(batchFromEnvelopes([GOLDEN]), never());
    const args = slackArgs(posts()[0] as never);
    const expected = buildMessage([GOLDEN]);
    expect(args.text).toBe(expected.text);
    expect(args.blocks).toEqual(expected.blocks);
  });

  const table: Array<[string, 'permanent' | 'retryable', string]> = [
    ['invalid_auth', 'permanent', 'auth'],
    ['not_authed', 'permanent', 'auth'],
    ['account_inactive', 'permanent', 'auth'],
    ['token_revoked', 'permanent', 'auth'],
    ['missing_scope', 'permanent', 'auth'],
    ['channel_not_found', 'permanent', 'config'],
    ['not_in_channel', 'permanent', 'config'],
    ['is_archived', 'permanent', 'config'],
    ['invalid_blocks', 'permanent', 'invalid'],
    ['msg_too_long', 'permanent', 'invalid'],
    ['msg_blocks_too_long', 'permanent', 'invalid'],
    ['invalid_something_new', 'permanent', 'invalid'],
    ['some_unknown_error', 'permanent', 'config'],
    ['ratelimited', 'retryable', 'throttled'],
    ['internal_error', 'retryable', 'transient'],
    ['fatal_error', 'retryable', 'transient'],
    ['service_unavailable', 'retryable', 'transient'],
    ['request_timeout', 'retryable', 'transient'],
  ];
  it.each(table)('HTTP 200 {"ok":false,"error":"%s"} → %s %s', async (code, status, kind) => {
    conn = bot();
    fake.failNext(code);
    const result = failure(await conn.send(makeBatch(2), never()));
    expect(result.status).toBe(status);
    expect(result.error.kind).toBe(kind);
    expect(result.error.details).toMatchObject({ status: 200, vendorCode: code });
    expect(posts()).toHaveLength(1);
  });

  it('reads a real channel_not_found from the fake', async () => {
    conn = bot({ slackChannel: 'C0MISSING' });
    expect(failure(await conn.send(makeBatch(1), never())).error).toMatchObject({ kind: 'config', details: { vendorCode: 'channel_not_found' } });
    expect(fake.messages()).toHaveLength(0);
  });

  it('turns HTTP 429 + Retry-After into a retryable result after that many seconds, without waiting', async () => {
    conn = bot();
    fake.rateLimitNext(7);
    const started = Date.now();
    const result = failure(await conn.send(makeBatch(1), never()));
    expect(result).toMatchObject({ status: 'retryable', retryAfterMs: 7000 });
    expect(result.error.kind).toBe('throttled');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(posts()).toHaveLength(1);
  });

  it('honours Retry-After on an ok:false ratelimited answer', async () => {
    conn = bot();
    fake.enqueue({ status: 200, headers: { 'retry-after': '4' }, body: { ok: false, error: 'ratelimited' } });
    expect(await conn.send(makeBatch(1), never())).toMatchObject({ status: 'retryable', retryAfterMs: 4000 });
  });

  it('makes one request for a 503 and classifies other HTTP statuses', async () => {
    conn = bot();
    fake.enqueue({ status: 503, body: 'busy' }, { status: 404, body: 'nope' });
    expect(failure(await conn.send(makeBatch(1), never()))).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { status: 503 } } });
    expect(failure(await conn.send(makeBatch(1), never()))).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { status: 404 } } });
    expect(posts()).toHaveLength(2);
  });

  it('keeps the token out of results and logs even when Slack echoes it', async () => {
    const ctx = makeContext();
    conn = connect({ slackBotToken: TOKEN, slackChannel: 'C0123FAKE', slackApiUrl: fake.apiUrl }, ctx);
    fake.enqueue({ status: 400, body: `bad token ${TOKEN}` });
    const result = failure(await conn.send(makeBatch(1), never()));
    expect(result.error.details.responseBody).toBe('bad token [REDACTED]');
    expect(JSON.stringify(result)).not.toContain(TOKEN);
    expect(ctx.logs.text()).not.toContain(TOKEN);
  });

  it('previews the exact form-encoded request with the token masked', async () => {
    conn = bot();
    const preview = conn.preview?.(batchFromEnvelopes([GOLDEN]));
    const request = preview?.requests[0];
    expect(request).toMatchObject({ method: 'POST', url: `${fake.apiUrl}chat.postMessage`, headers: { Authorization: '[REDACTED]' } });
    const form = new URLSearchParams(request?.body);
    expect(form.get('channel')).toBe('C0123FAKE');
    expect(JSON.parse(form.get('blocks') ?? '')).toEqual(buildMessage([GOLDEN]).blocks);
    expect(fake.requests).toHaveLength(0);
  });
});

describe('bot healthcheck', () => {
  it('calls auth.test and posts nothing', async () => {
    conn = bot();
    const health = await conn.healthcheck(never());
    expect(health).toMatchObject({ ok: true });
    expect(health.ok && health.message).toMatch(/bot outflow in team Fake Team/);
    expect(fake.requests.map((r) => r.path)).toEqual(['/api/auth.test']);
  });

  it('fails with kind auth for a revoked token', async () => {
    conn = bot();
    fake.setHandler(() => slackApiError('token_revoked'));
    const health = await conn.healthcheck(never());
    expect(health.ok).toBe(false);
    if (!health.ok) expect(health.error).toMatchObject({ kind: 'auth', details: { vendorCode: 'token_revoked' } });
  });

  it('fails with kind auth for a wrong token (the fake checks it)', async () => {
    conn = connect({ slackBotToken: 'xoxb-wrong-token-value', slackChannel: 'C0123FAKE', slackApiUrl: fake.apiUrl });
    const health = await conn.healthcheck(never());
    expect(health.ok === false && health.error.details.vendorCode).toBe('invalid_auth');
  });
});

describe('egress', () => {
  it('refuses an http:// API URL when the policy wants https, naming slackApiUrl', () => {
    const ctx = makeContext({ allowHttp: false, allowPrivateNetworks: true });
    let error: unknown;
    try {
      connect({ slackBotToken: TOKEN, slackChannel: 'C1', slackApiUrl: fake.apiUrl }, ctx);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues[0]?.path).toBe('slackApiUrl');
  });

  it('uses https://slack.com/api/ by default', () => {
    conn = connect({ slackBotToken: TOKEN, slackChannel: 'C1' }, makeContext({ allowHttp: false, allowPrivateNetworks: false }));
    expect(conn.preview?.(makeBatch(1)).requests[0]?.url).toBe('https://slack.com/api/chat.postMessage');
  });
});
