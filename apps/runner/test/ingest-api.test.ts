// POST /v1/logs: acknowledgement after commit, all-or-nothing bodies, clear errors, auth.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { makeEvent, ndjson } from './support/events.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp(
    baseConfig('')
      .replace('tokens:\n', `tokens:\n  - { token: read-only-token, tenant: acme, scopes: [read:log_streams] }\n`)
      .replace('server: { host: 127.0.0.1, port: 0 }', 'server: { host: 127.0.0.1, port: 0, maxBodyBytes: 64KB }'),
  );
});
afterAll(async () => app?.stop());

const post = (body: string | Buffer, type = 'application/x-ndjson', token: string | null = TOKEN) =>
  fetch(`${app.url}/v1/logs`, { method: 'POST', headers: { 'content-type': type, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body });

async function stored(): Promise<number> {
  return (await app.store.events.bounds('acme')).lastSeq;
}

describe('POST /v1/logs', () => {
  it('answers 202 with the count once the events are committed', async () => {
    const before = await stored();
    const res = await post(ndjson([makeEvent(), makeEvent(), makeEvent()]));
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 3 });
    expect(await stored()).toBe(before + 3);
    const arr = await post(JSON.stringify([makeEvent(), { log_id: 'env-1', data: { type: 'fp', date: '2026-11-24T00:00:00Z' } }]), 'application/json');
    expect(await arr.json()).toEqual({ accepted: 2 });
    const one = await post(JSON.stringify({ type: 's' }), 'application/json; charset=utf-8');
    expect(one.status).toBe(202);
  });

  it('refuses the whole body with 400 naming each bad item, and stores nothing', async () => {
    const before = await stored();
    const body = [JSON.stringify(makeEvent()), '{"type":42}', '{oops', JSON.stringify(makeEvent())].join('\n');
    const res = await post(body);
    expect(res.status).toBe(400);
    const err = (await res.json()) as { statusCode: number; error: string; message: string; errors: Array<{ index: number; line: number; message: string }> };
    expect(err).toMatchObject({ statusCode: 400, error: 'Bad Request', message: '2 of 4 events are invalid; nothing was stored.' });
    expect(err.errors.map((e) => [e.index, e.line])).toEqual([
      [1, 2],
      [2, 3],
    ]);
    expect(err.errors[0]?.message).toMatch(/^type:/);
    expect(await stored()).toBe(before);
    const notJson = await post('[{"type":"s"}', 'application/json');
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { message: string }).message).toMatch(/not valid JSON/);
  });

  it('answers 413 above the body limit and 415 for other content types', async () => {
    const before = await stored();
    const big = ndjson(Array.from({ length: 200 }, () => makeEvent()));
    expect(Buffer.byteLength(big)).toBeGreaterThan(64 * 1024);
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { message: string }).message).toMatch(/limit/);
    expect(await stored()).toBe(before);
    const text = await post('hello', 'text/plain');
    expect(text.status).toBe(415);
  });

  it('refuses a bad log_id or an impossible date the same way in flat events and envelopes, naming item and field', async () => {
    const before = await stored();
    const rule = 'log_id: expected a non-empty string of at most 256 printable ASCII characters (U+0020 to U+007E), got';
    const date = 'date: expected an ISO 8601 date-time such as "2026-01-15T10:30:00.000Z" (a real calendar date and time), got "2026-02-30T00:00:00Z"';
    const items = [
      makeEvent(),
      { log_id: '', data: { type: 's' } },
      { log_id: '9'.repeat(50_000), data: { type: 's' } }, // 100,000 would pass this app's 64 KB body limit
      makeEvent({ log_id: '' }),
      makeEvent({ log_id: 'a\u0001b' }),
      { log_id: 'env-feb-30', data: { type: 's', date: '2026-02-30T00:00:00Z' } },
      makeEvent({ date: '2026-02-30T00:00:00Z' }),
    ];
    const res = await post(JSON.stringify(items), 'application/json');
    expect(res.status).toBe(400);
    const err = (await res.json()) as { message: string; errors: Array<{ index: number; message: string }> };
    expect(err.message).toBe('6 of 7 events are invalid; nothing was stored.');
    expect(err.errors).toEqual([
      { index: 1, message: `${rule} an empty string` },
      { index: 2, message: `${rule} 50000 characters` },
      { index: 3, message: `${rule} an empty string` },
      { index: 4, message: `${rule} U+0001 at character 2` },
      { index: 5, message: `data.${date}` },
      { index: 6, message: date },
    ]);
    expect(await stored()).toBe(before);
  });

  it('answers 401 without or with a wrong token, and 403 without the ingest scope', async () => {
    const none = await post(ndjson([makeEvent()]), 'application/x-ndjson', null);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toMatch(/Bearer/);
    expect((await post(ndjson([makeEvent()]), 'application/x-ndjson', 'wrong-token-value')).status).toBe(401);
    const ro = await post(ndjson([makeEvent()]), 'application/x-ndjson', 'read-only-token');
    expect(ro.status).toBe(403);
    expect(((await ro.json()) as { message: string }).message).toMatch(/ingest:logs/);
  });

  it('never echoes a token in an error', async () => {
    const res = await post('{', 'application/x-ndjson');
    expect(await res.text()).not.toContain(TOKEN);
    expect(app.logs.join('')).not.toContain(TOKEN);
  });
});
