// The three content formats, headers and gzip, checked on a real receiver.
import type { Connector } from '@outflow/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, makeBatch, never } from './fixtures.js';
import { startReceiver, type Receiver } from './receiver.js';

let rx: Receiver;
let conn: Connector | undefined;
beforeEach(async () => {
  rx = await startReceiver();
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await rx.close();
});

describe('content formats', () => {
  it('JSONLINES sends one request whose lines are the stored envelopes byte for byte', async () => {
    conn = connect({ httpEndpoint: rx.url });
    const batch = makeBatch(3);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(rx.requests).toHaveLength(1);
    const req = rx.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/hook');
    expect(req.raw.equals(batch.jsonLines())).toBe(true);
    expect(req.text.split('\n')).toEqual([batch.raw(0).toString(), batch.raw(1).toString(), batch.raw(2).toString(), '']);
    expect(req.headers['content-type']).toBe('application/x-ndjson');
    expect(req.headers['x-outflow-event-count']).toBe('3');
    expect(req.headers['user-agent']).toMatch(/^outflow\/\d+\.\d+\.\d+/);
  });

  it('JSONARRAY sends one request that parses to the envelopes', async () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONARRAY' });
    const batch = makeBatch(4);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(rx.requests).toHaveLength(1);
    expect(JSON.parse(rx.requests[0]!.text)).toEqual(batch.envelopes());
    expect(rx.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('JSONOBJECT sends one request per event, each the stored envelope', async () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONOBJECT' });
    const batch = makeBatch(20);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(rx.requests).toHaveLength(20);
    const bodies = rx.requests.map((r) => r.text).sort();
    const expected = Array.from({ length: 20 }, (_, i) => batch.raw(i).toString()).sort();
    expect(bodies).toEqual(expected);
    for (const r of rx.requests) expect(r.headers['x-outflow-event-count']).toBe('1');
  });

  it('an empty batch succeeds without a request', async () => {
    conn = connect({ httpEndpoint: rx.url });
    expect(await conn.send(makeBatch(0), never())).toEqual({ status: 'success' });
    expect(rx.requests).toHaveLength(0);
  });
});

describe('headers', () => {
  it('sends Authorization verbatim, custom headers and the configured content type', async () => {
    conn = connect({
      httpEndpoint: rx.url,
      httpAuthorization: 'Basic dXNlcjpwYXNzd29yZA==',
      httpContentType: 'application/json; charset=utf-8',
      httpCustomHeaders: [
        { header: 'X-Source', value: 'auth0' },
        { header: 'X-Tenant', value: 'acme prod' },
        { header: 'User-Agent', value: 'custom-agent/1' },
      ],
    });
    await conn.send(makeBatch(1), never());
    const h = rx.requests[0]!.headers;
    expect(h.authorization).toBe('Basic dXNlcjpwYXNzd29yZA==');
    expect(h['content-type']).toBe('application/json; charset=utf-8');
    expect(h['x-source']).toBe('auth0');
    expect(h['x-tenant']).toBe('acme prod');
    expect(h['user-agent']).toBe('custom-agent/1');
    expect(h['content-encoding']).toBeUndefined();
    expect(h['webhook-signature']).toBeUndefined();
  });

  it('sends no Authorization header when none is configured', async () => {
    conn = connect({ httpEndpoint: rx.url });
    await conn.send(makeBatch(1), never());
    expect(rx.requests[0]!.headers.authorization).toBeUndefined();
  });
});

describe('gzip', () => {
  it('compresses the body and the receiver gunzips the same bytes', async () => {
    conn = connect({ httpEndpoint: rx.url, httpCompression: 'gzip', httpContentFormat: 'JSONARRAY' });
    const batch = makeBatch(50);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    const req = rx.requests[0]!;
    expect(req.headers['content-encoding']).toBe('gzip');
    expect(req.raw.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(req.raw.length).toBeLessThan(batch.jsonArray().length);
    expect(req.body.equals(batch.jsonArray())).toBe(true);
  });
});
