// Golden payloads: fixed envelopes → the exact bytes and headers the Panther source receives, in each format and auth mode.
import { gunzipSync } from 'node:zlib';
import { pantherHmac, startPantherFake, type PantherFake } from '@outflow/connector-testkit/fakes/panther';
import { afterEach, describe, expect, it } from 'vitest';
import { encodeBody, encodePanther, probePanther } from '../src/index.js';
import { connect, GOLDEN_ENVELOPE, goldenBatch, HMAC_KEY, never, parseConfig, SHARED_SECRET, TOKEN, twoBatch } from './fixtures.js';

const ID = GOLDEN_ENVELOPE.log_id;
const ID2 = `${ID.slice(0, -2)}43`;
const DATA = (id: string) =>
  `{"date":"2026-01-01T12:00:00.123Z","type":"f","description":"Wrong email or password.","hostname":"acme.eu.auth0.com","ip":"203.0.113.7","user_name":"ada@example.com","details":{"error":{"message":"Wrong email or password."}},"log_id":"${id}"}`;
const ENVELOPE = (id: string) => `{"log_id":"${id}","data":${DATA(id)}}`;

/** The exact bodies of the two-event batch. */
const GOLDEN_LINES = `${ENVELOPE(ID)}\n${ENVELOPE(ID2)}\n`;
const GOLDEN_ARRAY = `[${ENVELOPE(ID)},${ENVELOPE(ID2)}]`;

const URL_OK = 'https://logs.acme.runpanther.net/http/5f9c2b7e-3a41-4c8e-9d2f-0b6a1e7c4d93';
const bearer = (extra = {}) => parseConfig({ pantherUrl: URL_OK, pantherAuthMethod: 'bearer', pantherBearerToken: TOKEN, ...extra });
const hmac = (extra = {}) =>
  parseConfig({ pantherUrl: URL_OK, pantherAuthMethod: 'hmac', pantherHeaderName: 'X-Signature', pantherSecretValue: HMAC_KEY, ...extra });

describe('bodies', () => {
  it('JSONLINES: one stored envelope per line, each ending in a newline', () => {
    expect(encodeBody(twoBatch(), bearer()).toString('utf8')).toBe(GOLDEN_LINES);
  });

  it('JSONARRAY: a JSON array of the stored envelopes', () => {
    expect(encodeBody(twoBatch(), bearer({ pantherContentFormat: 'JSONARRAY' })).toString('utf8')).toBe(GOLDEN_ARRAY);
  });
});

describe('requests', () => {
  it('bearer, gzip: the plain body with the transport compressing it, Authorization: Bearer', () => {
    const req = encodePanther(twoBatch(), bearer());
    expect(req).toMatchObject({ method: 'POST', url: URL_OK, compress: 'gzip' });
    expect(req.headers).toEqual({
      'Content-Type': 'application/x-ndjson',
      'User-Agent': expect.stringMatching(/^outflow\/\d/),
      Authorization: `Bearer ${TOKEN}`,
    });
    expect(req.body?.toString()).toBe(GOLDEN_LINES);
  });

  it('shared secret, no compression: the configured header carries the secret as is', () => {
    const config = parseConfig({
      pantherUrl: URL_OK,
      pantherAuthMethod: 'sharedSecret',
      pantherHeaderName: 'X-Panther-Secret',
      pantherSecretValue: SHARED_SECRET,
      pantherCompression: 'none',
      pantherContentFormat: 'JSONARRAY',
    });
    const req = encodePanther(twoBatch(), config);
    expect(req.compress).toBeUndefined();
    expect(req.headers).toEqual({ 'Content-Type': 'application/json', 'User-Agent': expect.any(String), 'X-Panther-Secret': SHARED_SECRET });
    expect(req.body?.toString()).toBe(GOLDEN_ARRAY);
  });

  it('hmac, no compression: hex HMAC-SHA256 of the exact body', () => {
    const req = encodePanther(twoBatch(), hmac({ pantherCompression: 'none' }));
    expect(req.body?.toString()).toBe(GOLDEN_LINES);
    expect(req.headers?.['X-Signature']).toBe(pantherHmac(HMAC_KEY, Buffer.from(GOLDEN_LINES)));
    expect(req.headers?.['X-Signature']).toMatch(/^[0-9a-f]{64}$/);
  });

  it('hmac, gzip: compressed here and signed compressed, never compressed again by the transport', () => {
    const req = encodePanther(twoBatch(), hmac({ pantherHmacPrefix: 'sha256=' }));
    expect(req.compress).toBeUndefined();
    expect(req.headers?.['Content-Encoding']).toBe('gzip');
    expect(gunzipSync(req.body as Buffer).toString()).toBe(GOLDEN_LINES);
    expect(req.headers?.['X-Signature']).toBe(pantherHmac(HMAC_KEY, req.body as Buffer, { prefix: 'sha256=' }));
    expect(req.headers?.['X-Signature']).not.toBe(pantherHmac(HMAC_KEY, Buffer.from(GOLDEN_LINES), { prefix: 'sha256=' }));
  });

  it('probe: HEAD with the credentials; an HMAC covers the empty body', () => {
    expect(probePanther(bearer())).toMatchObject({ method: 'HEAD', url: URL_OK, headers: { Authorization: `Bearer ${TOKEN}` } });
    // openssl dgst -sha256 -hmac 'hmac-key-material-0123456789abcdef' < /dev/null
    expect(probePanther(hmac()).headers?.['X-Signature']).toBe('270252810c9a201c0493f864105c57746bdc43514d4a39c9edc06c5774bdcbf6');
  });
});

describe('golden payloads on the wire', () => {
  let fake: PantherFake | undefined;
  afterEach(async () => {
    await fake?.close();
    fake = undefined;
  });

  it('bearer, gzip, JSONLINES: the source receives gzip whose content is exactly the golden lines', async () => {
    fake = await startPantherFake();
    const conn = connect(fake.sourceUrl);
    expect(await conn.send(twoBatch(), never())).toEqual({ status: 'success' });
    await conn.close();
    const req = fake.sourceRequests()[0]!;
    expect(req.headers['content-encoding']).toBe('gzip');
    expect(req.rawBody.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(req.text()).toBe(GOLDEN_LINES);
    expect(fake.streamTypes()).toEqual(['lines']);
    expect([...fake.uniqueLogIds()]).toEqual([ID, ID2]);
  });

  it('hmac sha512/base64 with a prefix, gzip, JSONARRAY: the signature the source checks is over the gzip bytes received', async () => {
    fake = await startPantherFake({
      auth: { method: 'hmac', header: 'x-signature', secret: HMAC_KEY, algorithm: 'sha512', encoding: 'base64', prefix: 'sha512=' },
    });
    const extra = {
      pantherAuthMethod: 'hmac',
      pantherHeaderName: 'X-Signature',
      pantherSecretValue: HMAC_KEY,
      pantherHmacAlgorithm: 'sha512',
      pantherHmacEncoding: 'base64',
      pantherHmacPrefix: 'sha512=',
      pantherContentFormat: 'JSONARRAY',
    } as const;
    const conn = connect(fake.sourceUrl, { ...extra, pantherBearerToken: undefined });
    expect(await conn.send(twoBatch(), never())).toEqual({ status: 'success' });
    await conn.close();
    const req = fake.sourceRequests()[0]!;
    expect(req.text()).toBe(GOLDEN_ARRAY);
    expect(req.headers['x-signature']).toBe(pantherHmac(HMAC_KEY, req.rawBody, { algorithm: 'sha512', encoding: 'base64', prefix: 'sha512=' }));
    expect(fake.streamTypes()).toEqual(['jsonArray']);
  });

  it('previews the exact request with the token masked', () => {
    const conn = connect(URL_OK);
    const [preview] = conn.preview!(goldenBatch()).requests;
    expect(preview).toEqual({
      method: 'POST',
      url: URL_OK,
      headers: { 'Content-Type': 'application/x-ndjson', 'User-Agent': expect.any(String), Authorization: '[REDACTED]', 'Content-Encoding': 'gzip' },
      body: `${ENVELOPE(ID)}\n`,
    });
  });
});
