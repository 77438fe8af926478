// The fake Panther HTTP source: each auth mode checked exactly, HMAC over the bytes received, stream types, 1 MB with headers.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { PANTHER_FAKE_TOKEN, PANTHER_MAX_REQUEST_BYTES, pantherEventsOf, pantherHmac, startPantherFake, type PantherFake } from '../src/fakes/panther.js';

let fake: PantherFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const LINES = '{"log_id":"a","data":{"type":"s"}}\n{"log_id":"b","data":{"type":"f"}}\n';
const post = (url: string, body: Buffer | string, headers: Record<string, string>, method = 'POST') =>
  fetch(url, { method, headers, ...(method === 'POST' ? { body } : {}) }).then(async (r) => ({ status: r.status, text: await r.text() }));

describe('fake Panther source', () => {
  it('accepts a bearer request, keeps its events and infers the stream type', async () => {
    fake = await startPantherFake();
    const auth = { authorization: `Bearer ${PANTHER_FAKE_TOKEN}` };
    expect((await post(fake.sourceUrl, LINES, auth)).status).toBe(200);
    expect((await post(fake.sourceUrl, '[{"log_id":"c","data":{}}]', auth)).status).toBe(200);
    expect([...fake.uniqueLogIds()]).toEqual(['a', 'b', 'c']);
    expect(fake.streamTypes()).toEqual(['lines', 'jsonArray']);
    fake.reset();
    expect(fake.events()).toEqual([]);
    expect(fake.streamTypes()).toEqual([]);
  });

  it('answers 401 without the credential, 403 with a wrong one, 404 off the source path, 405 to other methods', async () => {
    fake = await startPantherFake({ auth: { method: 'sharedSecret', header: 'x-panther-secret', secret: 's3cr3t' } });
    expect((await post(fake.sourceUrl, LINES, {})).status).toBe(401);
    expect((await post(fake.sourceUrl, LINES, { 'X-Panther-Secret': 's3cr3' })).status).toBe(403);
    expect((await post(`${fake.url}/http/other`, LINES, { 'X-Panther-Secret': 's3cr3t' })).status).toBe(404);
    expect((await post(fake.sourceUrl, '', { 'X-Panther-Secret': 's3cr3t' }, 'GET')).status).toBe(405);
    expect((await post(fake.sourceUrl, LINES, { 'X-Panther-Secret': 's3cr3t' })).status).toBe(200);
    expect(fake.sourceRequests()).toHaveLength(4);
  });

  it('checks an HMAC over the body bytes as received: the gzip bytes when compressed', async () => {
    const hmac = { algorithm: 'sha512', encoding: 'base64', prefix: 'sha512=' } as const;
    fake = await startPantherFake({ auth: { method: 'hmac', header: 'x-signature', secret: 'k', ...hmac } });
    const gz = gzipSync(LINES);
    const headers = (sig: string) => ({ 'content-encoding': 'gzip', 'x-signature': sig });
    expect((await post(fake.sourceUrl, gz, headers(pantherHmac('k', Buffer.from(LINES), hmac)))).status).toBe(403);
    expect((await post(fake.sourceUrl, gz, headers(pantherHmac('k', gz, { ...hmac, prefix: '' })))).status).toBe(403);
    expect((await post(fake.sourceUrl, gz, headers(pantherHmac('k', gz, hmac)))).status).toBe(200);
    expect(fake.events().map((e) => e.log_id)).toEqual(['a', 'b']);
  });

  it('refuses a request over 1 MB counting its headers, though its body alone fits', async () => {
    fake = await startPantherFake();
    const auth = { authorization: `Bearer ${PANTHER_FAKE_TOKEN}` };
    const event = (pad: number) => `{"log_id":"big","data":{"pad":"${'x'.repeat(pad)}"}}\n`;
    const body = event(PANTHER_MAX_REQUEST_BYTES - 2_000);
    expect(Buffer.byteLength(body)).toBeLessThan(PANTHER_MAX_REQUEST_BYTES);
    const r = await post(fake.sourceUrl, body, { ...auth, 'x-padding': 'p'.repeat(3_000) });
    expect(r.status).toBe(413);
    expect((await post(fake.sourceUrl, body, auth)).status).toBe(200);
  });

  it('answers 400 for invalid JSON and for a refused event, keeping nothing of that request', async () => {
    fake = await startPantherFake({ refuseEvent: (e) => ((e.data as { poison?: boolean }).poison ? 'Invalid event.' : undefined) });
    const auth = { authorization: `Bearer ${PANTHER_FAKE_TOKEN}` };
    expect(await post(fake.sourceUrl, '{"log_id":', auth)).toEqual({ status: 400, text: '{"message":"The payload is not valid JSON."}' });
    expect(await post(fake.sourceUrl, `${LINES}{"log_id":"p","data":{"poison":true}}\n`, auth)).toEqual({ status: 400, text: '{"message":"Invalid event."}' });
    expect(fake.events()).toEqual([]);
  });

  it('parses JSON lines and arrays as Panther infers them', () => {
    expect(pantherEventsOf(LINES)).toEqual({
      type: 'lines',
      events: [
        { log_id: 'a', data: { type: 's' } },
        { log_id: 'b', data: { type: 'f' } },
      ],
    });
    expect(pantherEventsOf(' [{"a":1}] ')).toEqual({ type: 'jsonArray', events: [{ a: 1 }] });
    expect(pantherEventsOf('[1,2]')).toBe('The JSON array must hold objects.');
    expect(pantherEventsOf('"x"\n')).toBe('Each line must be a JSON object.');
    expect(pantherEventsOf('  ')).toBe('The payload is empty.');
  });
});
