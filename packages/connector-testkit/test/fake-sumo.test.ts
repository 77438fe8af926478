// The fake Sumo HTTP source: source code or token, encodings, content types, 1 MB per request, 64 KB messages, refusals, metadata.
import { deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseSumoFields, startSumoFake, SUMO_FAKE_TOKEN, type SumoFake } from '../src/fakes/sumo.js';

let fake: SumoFake;
beforeEach(async () => {
  fake = await startSumoFake({ refuse: (line) => line.includes('"poison":true') });
});
afterEach(() => fake.close());

const post = (url: string, body: string | Buffer, headers: Record<string, string> = {}) => fetch(url, { method: 'POST', headers, body });
const line = (id: string, extra = '') => `{"log_id":"${id}","data":{"log_id":"${id}"${extra}}}`;

describe('fake Sumo source', () => {
  it('accepts lines at the source address and with x-sumo-token, keeping each line as a message', async () => {
    expect((await post(fake.sourceAddress, `${line('a')}\n${line('b')}\n`)).status).toBe(200);
    expect((await post(fake.endpoint, gzipSync(`${line('c')}\n`), { 'x-sumo-token': SUMO_FAKE_TOKEN, 'content-encoding': 'gzip' })).status).toBe(200);
    expect((await post(fake.sourceAddress, deflateSync(line('d')), { 'content-encoding': 'deflate' })).status).toBe(200);
    expect(fake.logIds()).toEqual(['a', 'b', 'c', 'd']);
    expect(fake.deliveries()).toHaveLength(3);
  });

  it('answers 401 to a wrong code or token, 404 off the receiver, 405 to other methods; HEAD writes nothing', async () => {
    expect((await post(`${fake.url}/receiver/v1/http/wrongcode`, line('a'))).status).toBe(401);
    expect((await post(fake.endpoint, line('a'))).status).toBe(401);
    expect((await post(fake.endpoint, line('a'), { 'x-sumo-token': 'nope' })).status).toBe(401);
    expect((await post(`${fake.url}/api/v1/logs`, line('a'))).status).toBe(404);
    expect((await fetch(fake.sourceAddress, { method: 'PUT', body: line('a') })).status).toBe(405);
    expect((await fetch(fake.sourceAddress, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(fake.endpoint, { method: 'HEAD' })).status).toBe(401);
    expect(fake.messages()).toEqual([]);
  });

  it('refuses metric content types, unknown encodings, bodies over 1 MB uncompressed and non-UTF-8', async () => {
    const refused = async (body: string | Buffer, headers: Record<string, string>, status: number) => {
      const res = await post(fake.sourceAddress, body, headers);
      expect(res.status).toBe(status);
      return res.text();
    };
    expect(await refused(line('a'), { 'content-type': 'application/vnd.sumologic.prometheus' }, 400)).toMatch(/metrics/);
    await refused(line('a'), { 'content-encoding': 'br' }, 400);
    await refused(Buffer.from('not deflate'), { 'content-encoding': 'deflate' }, 400);
    const big = `${line('x', `,"pad":"${'p'.repeat(1_000_000)}"`)}\n`;
    expect(await refused(gzipSync(big), { 'content-encoding': 'gzip' }, 413)).toMatch(/over 1 MB/);
    await refused(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]), {}, 400);
    expect(fake.messages()).toEqual([]);
  });

  it('splits a line over 64 KB into several messages, as Sumo does', async () => {
    const long = line('long', `,"pad":"${'p'.repeat(70_000)}"`);
    expect((await post(fake.sourceAddress, long)).status).toBe(200);
    expect(fake.messages().map((m) => Buffer.byteLength(m.text))).toEqual([65_536, Buffer.byteLength(long) - 65_536]);
    expect(fake.logIds()).toEqual([]);
  });

  it('refuses a whole request holding a refused line with 400, keeping nothing of it', async () => {
    const res = await post(fake.sourceAddress, `${line('ok')}\n${line('bad', ',"poison":true')}\n`);
    expect(res.status).toBe(400);
    expect(fake.messages()).toEqual([]);
  });

  it('keeps the metadata headers with each message', async () => {
    const headers = { 'x-sumo-category': 'prod/auth0', 'x-sumo-name': 'auth0', 'x-sumo-host': 'acme', 'x-sumo-fields': 'env=prod, team=id' };
    await post(fake.sourceAddress, line('a'), headers);
    expect(fake.messages()).toEqual([{ text: line('a'), category: 'prod/auth0', name: 'auth0', host: 'acme', fields: { env: 'prod', team: 'id' } }]);
    expect(parseSumoFields('a=1,broken,b=2=3')).toEqual({ a: '1', b: '2=3' });
    fake.reset();
    expect(fake.messages()).toEqual([]);
  });
});
