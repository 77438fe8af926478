// Golden payloads: fixed Auth0 envelopes → the exact /v2/log body (Auth0 Log Streaming fields, the raw envelope in `new`).
import { batchFromEnvelopes, createLogBatch, type LogEnvelope } from '@outflow/core';
import { startPangeaFake, type PangeaFake } from '@outflow/connector-testkit/fakes/pangea';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditStatus, auditTimestamp, clip, logBody, toAuditEvent } from '../src/index.js';
import { CONFIG_ID, connect, GOLDEN_ENVELOPE, goldenBatch, never } from './fixtures.js';

const ID = GOLDEN_ENVELOPE.log_id;
const RAW =
  `{"log_id":"${ID}","data":{"date":"2026-01-01T12:00:00.123Z","type":"f","description":"Wrong email or password.","hostname":"acme.eu.auth0.com",` +
  `"ip":"203.0.113.7","user_name":"ada@example.com","details":{"error":{"message":"Wrong email or password."}},"log_id":"${ID}"}}`;

/** The golden failed login with a config_id. */
const GOLDEN =
  `{"config_id":"${CONFIG_ID}","events":[{"event":{"message":"Wrong email or password.","actor":"ada@example.com","action":"f",` +
  `"target":"acme.eu.auth0.com","status":"failure","source":"203.0.113.7","timestamp":"2026-01-01T12:00:00.123Z","new":${JSON.stringify(RAW)}}}]}`;

/** A Management API call without description, user name or IP: the fallbacks. */
const SAPI: LogEnvelope = {
  log_id: 'sapi-1',
  data: {
    date: '2026-02-03T04:05:06Z',
    type: 'sapi',
    client_id: 'AaiyAPdpYdesoKnqjj8HJqRn4T5titww',
    client_name: 'Deploy CLI',
    user_id: 'auth0|42',
    log_id: 'sapi-1',
  },
};
const SAPI_RAW = JSON.stringify(SAPI);
const GOLDEN_SAPI =
  `{"events":[{"event":{"message":"Auth0 log event sapi","actor":"auth0|42","action":"sapi","target":"Deploy CLI","status":"success",` +
  `"timestamp":"2026-02-03T04:05:06.000Z","new":${JSON.stringify(SAPI_RAW)}}}]}`;

describe('the /v2/log body', () => {
  it('is the golden body for the golden failed login', () => {
    expect(logBody(goldenBatch(), CONFIG_ID).toString('utf8')).toBe(GOLDEN);
  });

  it('leaves config_id out when the stream names none, and missing fields out of the event', () => {
    expect(logBody(batchFromEnvelopes([SAPI]), undefined).toString('utf8')).toBe(GOLDEN_SAPI);
  });

  it('keeps the stored text as it is in `new` (spacing, key order) and one event per envelope, in order', () => {
    const raw = '{ "data" : { "type": "s", "log_id": "x2", "user_name": "grace" },  "log_id": "x2" }';
    const batch = createLogBatch({ seqs: [1], logIds: ['x2'], types: ['s'], raws: [Buffer.from(raw)] });
    const body = JSON.parse(logBody(batch, undefined).toString('utf8')) as { events: Array<{ event: Record<string, string> }> };
    expect(body.events[0]?.event).toEqual({ message: 'Auth0 log event s', actor: 'grace', action: 's', status: 'success', new: raw });
    const three = batchFromEnvelopes([0, 1, 2].map((i) => ({ ...GOLDEN_ENVELOPE, log_id: `${ID}${i}` })));
    const parsed = JSON.parse(logBody(three, CONFIG_ID).toString('utf8')) as { events: Array<{ event: { new: string } }> };
    expect(parsed.events.map((e) => (JSON.parse(e.event.new) as { log_id: string }).log_id)).toEqual([`${ID}0`, `${ID}1`, `${ID}2`]);
  });
});

describe('field mapping', () => {
  it('derives the status from the Auth0 category, and from the code where the category names no outcome', () => {
    expect(['f', 'fp', 'fu', 'fs', 'fsa', 'flo', 'fapi'].map(auditStatus)).toEqual(Array(7).fill('failure'));
    expect(['s', 'ss', 'sapi', 'slo', 'seacft', 'mgmt_api_read'].map(auditStatus)).toEqual(Array(6).fill('success'));
    expect(['w', 'cs', 'depnote'].map(auditStatus)).toEqual(Array(3).fill('notification'));
    expect(['gd_auth_failed', 'pwd_leak', 'fi', 'gd_send_sms_failure'].map(auditStatus)).toEqual(Array(4).fill('failure'));
    expect(['gd_send_sms', 'gd_auth_succeed', 'pla'].map(auditStatus)).toEqual(Array(3).fill('info'));
  });

  it('takes the actor, then the target, from the first field present', () => {
    const event = (data: Record<string, unknown>) => toAuditEvent({ log_id: 'l', data: { log_id: 'l', date: 'not a date', type: 's', ...data } }, '{}');
    expect(event({ user_name: 'a', user_id: 'b', client_name: 'c', client_id: 'd' })).toMatchObject({ actor: 'a', target: 'c' });
    expect(event({ user_id: 'b', client_id: 'd', hostname: 'h' })).toMatchObject({ actor: 'b', target: 'd' });
    expect(event({ client_id: 'd' })).toMatchObject({ actor: 'd', target: 'd' });
    expect(event({ hostname: 'h', user_name: '  ' })).toEqual({ message: 'Auth0 log event s', action: 's', target: 'h', status: 'success', new: '{}' });
  });

  it('cuts long fields to the Secure Audit Log limits without splitting a character, but never `new`', () => {
    const long = 'é'.repeat(200);
    const raw = `{"x":"${'y'.repeat(40_000)}"}`;
    const e = toAuditEvent(
      {
        log_id: 'l',
        data: { log_id: 'l', date: '2026-01-01T00:00:00Z', type: 'x'.repeat(40), user_name: long, ip: '1'.repeat(300), description: 'd'.repeat(40_000) },
      },
      raw,
    );
    expect([e.actor?.length, e.action?.length, e.source?.length, e.message.length]).toEqual([128, 32, 128, 32_766]);
    expect(e.new).toBe(raw);
    expect(clip('ab😀', 3)).toBe('ab');
    expect(clip('ab😀', 4)).toBe('ab😀');
  });

  it('writes the date as an ISO timestamp and drops one that is not a date', () => {
    expect(auditTimestamp('2026-01-01T12:00:00Z')).toBe('2026-01-01T12:00:00.000Z');
    expect(auditTimestamp('yesterday')).toBeUndefined();
    expect(auditTimestamp(1767268800)).toBeUndefined();
  });
});

describe('golden payloads on the wire', () => {
  let fake: PangeaFake;
  beforeEach(async () => {
    fake = await startPangeaFake();
  });
  afterEach(() => fake.close());

  it('the fake receives exactly the golden body with the Bearer token, logs it, and previews show it without the token', async () => {
    const conn = connect(fake.url);
    expect(await conn.send(goldenBatch(), never())).toEqual({ status: 'success' });
    const preview = conn.preview!(goldenBatch()).requests[0]!;
    await conn.close();
    const req = fake.logRequests()[0]!;
    expect(req.rawBody.toString('utf8')).toBe(GOLDEN);
    expect(req.headers).toMatchObject({ authorization: `Bearer ${fake.token}`, 'content-type': 'application/json' });
    expect(req.headers['user-agent']).toMatch(/^outflow-connector-pangea\/\d/);
    expect(fake.logIds()).toEqual([ID]);
    expect(preview).toMatchObject({ method: 'POST', url: `${fake.url}/v2/log`, body: GOLDEN, headers: { Authorization: '[REDACTED]' } });
  });
});
