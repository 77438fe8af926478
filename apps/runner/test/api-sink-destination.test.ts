// Sink values that reach a destination: header values Node could never send are refused, and a patch that
// changes where a stream sends must carry its secrets again (the old secret never reaches the new host).
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';

let app: TestApp | undefined;
const receivers: Receiver[] = [];
afterEach(async () => {
  await app?.stop();
  for (const rx of receivers.splice(0)) await rx.close();
  app = undefined;
});

type Answer = { status: number; text: string; json: { errors?: Array<{ path: string; message: string }>; id?: string; sink?: Record<string, unknown> } };
async function call(path: string, method: string, body: unknown): Promise<Answer> {
  const res = await app!.api(path, { method, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, json: JSON.parse(text) as Answer['json'] };
}
const paths = (a: Answer) => a.json.errors?.map((e) => e.path);
const receiver = async () => {
  const rx = await startReceiver();
  receivers.push(rx);
  return rx;
};

const OLD_SECRET = 'Bearer old-secret-7f3a';
const NEW_SECRET = 'Bearer new-secret-91c2';

describe('header values', () => {
  it('refuses CR, LF, NUL and non-Latin-1 in httpAuthorization and custom headers at create and patch, naming the field', async () => {
    const rx = await receiver();
    app = await startTestApp(baseConfig(''));
    const create = (sink: Record<string, unknown>) => call('/api/v2/log-streams', 'POST', { type: 'http', sink: { httpEndpoint: rx.url, ...sink } });
    const crlf = await create({ httpAuthorization: 'Bearer tok-s3cret\r\nX-Injected: 1' });
    expect(crlf.status).toBe(400);
    expect(crlf.json.errors).toEqual([{ path: 'sink.httpAuthorization', message: expect.stringMatching(/^must not contain a carriage return \(CR\)/) }]);
    expect(crlf.text).not.toContain('tok-s3cret');
    expect(paths(await create({ httpAuthorization: 'Bearer tok-s3cret\0' }))).toEqual(['sink.httpAuthorization']);
    expect(paths(await create({ httpAuthorization: 'Bearer tok-€' }))).toEqual(['sink.httpAuthorization']);
    const euro = await create({
      httpCustomHeaders: [
        { header: 'X-Ok', value: 'a' },
        { header: 'X-Price', value: '5€' },
      ],
    });
    expect(euro.json.errors).toEqual([{ path: 'sink.httpCustomHeaders[1].value', message: expect.stringMatching(/U\+20AC, which is outside Latin-1/) }]);
    expect(paths(await create({ httpCustomHeaders: [{ header: 'X Bad', value: 'a' }] }))).toEqual(['sink.httpCustomHeaders[0].header']);

    // Latin-1 is what Node sends: é is accepted and arrives.
    const ok = await create({ httpAuthorization: 'Bearer café', httpCustomHeaders: [{ header: 'X-Team', value: 'équipe' }] });
    expect(ok.status).toBe(200);
    const id = ok.json.id as string;
    const patched = await call(`/api/v2/log-streams/${id}`, 'PATCH', { sink: { httpCustomHeaders: [{ header: 'X-Team', value: 'line\nbreak' }] } });
    expect(patched.status).toBe(400);
    expect(paths(patched)).toEqual(['sink.httpCustomHeaders[0].value']);
    expect(paths(await call(`/api/v2/log-streams/${id}`, 'PATCH', { sink: { httpAuthorization: 'Bearer \u0000' } }))).toEqual(['sink.httpAuthorization']);
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    await rx.waitFor(() => rx.accepted.length > 0);
    expect(rx.requests[0]?.headers.authorization).toBe('Bearer café');
  });
});

describe('a patch that changes the destination', () => {
  it('needs the secrets again; with them the new host gets the new secret and never the old one', async () => {
    const oldRx = await receiver();
    const newRx = await receiver();
    app = await startTestApp(baseConfig(''));
    const created = await call('/api/v2/log-streams', 'POST', {
      name: 'moving',
      type: 'http',
      sink: { httpEndpoint: `${oldRx.url}/hook`, httpAuthorization: OLD_SECRET },
    });
    expect(created.status).toBe(200);
    const id = created.json.id as string;
    const patch = (sink: Record<string, unknown>) => call(`/api/v2/log-streams/${id}`, 'PATCH', { sink });

    for (const without of [{}, { httpAuthorization: '[REDACTED]' }]) {
      const refused = await patch({ httpEndpoint: `${newRx.url}/hook`, ...without });
      expect(refused.status).toBe(400);
      expect(refused.json.errors).toEqual([
        {
          path: 'sink.httpAuthorization',
          message: expect.stringMatching(/^must be sent again because the patch changes where the stream sends \(sink\.httpEndpoint\)/),
        },
      ]);
    }
    expect((await app.store.streams.get(id))?.sink).toEqual({ httpEndpoint: `${oldRx.url}/hook`, httpAuthorization: OLD_SECRET });

    const moved = await patch({ httpEndpoint: `${newRx.url}/hook`, httpAuthorization: NEW_SECRET });
    expect(moved.status).toBe(200);
    const event = makeEvent();
    expect((await ingest(app.url, TOKEN, [event])).status).toBe(202);
    await newRx.waitFor(() => newRx.ids().includes(event.log_id as string));
    expect(newRx.requests.map((r) => r.headers.authorization)).toEqual(newRx.requests.map(() => NEW_SECRET));
    expect(JSON.stringify(newRx.requests)).not.toContain('old-secret-7f3a');
    expect(oldRx.requests).toHaveLength(0);
  });

  it('keeps the stored secret when the origin stays: a new path on the same host, or a field that is not a destination', async () => {
    const rx = await receiver();
    app = await startTestApp(baseConfig(''));
    const created = await call('/api/v2/log-streams', 'POST', {
      name: 'staying',
      type: 'http',
      sink: { httpEndpoint: `${rx.url}/a`, httpAuthorization: OLD_SECRET },
    });
    const id = created.json.id as string;
    const samePlace = await call(`/api/v2/log-streams/${id}`, 'PATCH', { sink: { httpEndpoint: `${rx.url}/b?x=1`, httpAuthorization: '[REDACTED]' } });
    expect(samePlace.status).toBe(200);
    const other = await call(`/api/v2/log-streams/${id}`, 'PATCH', { sink: { httpContentFormat: 'JSONARRAY' } });
    expect(other.status).toBe(200);
    expect((await app.store.streams.get(id))?.sink).toEqual({ httpEndpoint: `${rx.url}/b?x=1`, httpAuthorization: OLD_SECRET, httpContentFormat: 'JSONARRAY' });
    const event = makeEvent();
    expect((await ingest(app.url, TOKEN, [event])).status).toBe(202);
    await rx.waitFor(() => rx.ids().includes(event.log_id as string));
    expect(rx.accepted.at(-1)?.path).toBe('/b?x=1');
    expect(rx.accepted.at(-1)?.headers.authorization).toBe(OLD_SECRET);
  });

  it('treats a region or host field as a destination too (datadog region, splunk port)', async () => {
    app = await startTestApp(baseConfig(''));
    const dd = await call('/api/v2/log-streams', 'POST', { name: 'dd', type: 'datadog', sink: { datadogApiKey: 'dd-key-0123456789', datadogRegion: 'us' } });
    expect(dd.status).toBe(200);
    const region = await call(`/api/v2/log-streams/${dd.json.id}`, 'PATCH', { sink: { datadogRegion: 'eu' } });
    expect(region.status).toBe(400);
    expect(paths(region)).toEqual(['sink.datadogApiKey']);
    expect((await call(`/api/v2/log-streams/${dd.json.id}`, 'PATCH', { sink: { datadogRegion: 'eu', datadogApiKey: 'dd-key-9876543210' } })).status).toBe(200);
    expect((await call(`/api/v2/log-streams/${dd.json.id}`, 'PATCH', { sink: { datadogService: 'login' } })).status).toBe(200);
    const sp = await call('/api/v2/log-streams', 'POST', {
      name: 'sp',
      type: 'splunk',
      sink: { splunkDomain: 'splunk.example.com', splunkToken: 'sp-token-0123456789' },
    });
    expect(sp.status).toBe(200);
    expect(paths(await call(`/api/v2/log-streams/${sp.json.id}`, 'PATCH', { sink: { splunkPort: '8443' } }))).toEqual(['sink.splunkToken']);
  });
});
