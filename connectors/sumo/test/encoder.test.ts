// Golden payloads: a fixed envelope → the exact bytes and headers Sumo receives, on the wire and in previews.
import { gunzipSync } from 'node:zlib';
import { batchFromEnvelopes } from '@outflow/core';
import { seriesBatch } from '@outflow/connector-testkit';
import { startSumoFake, SUMO_FAKE_TOKEN, type SumoFake } from '@outflow/connector-testkit/fakes/sumo';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeBodies, fieldsHeader, MAX_BODY_BYTES } from '../src/index.js';
import { ADDRESS, connect, ENDPOINT, GOLDEN_ENVELOPE, goldenBatch, never } from './fixtures.js';

const ID = GOLDEN_ENVELOPE.log_id;
/** The exact line for GOLDEN_ENVELOPE: the stored envelope as it is, then a newline. */
const GOLDEN_LINE =
  `{"log_id":"${ID}","data":{"date":"2026-01-01T12:00:00.123Z","type":"f","description":"Wrong email or password.","hostname":"acme.eu.auth0.com",` +
  `"ip":"203.0.113.7","user_name":"ada@example.com","details":{"error":{"message":"Wrong email or password."}},"log_id":"${ID}"}}\n`;

describe('encodeBodies', () => {
  it('is the stored envelope per line, byte for byte', () => {
    expect(encodeBodies(goldenBatch())).toEqual([{ body: Buffer.from(GOLDEN_LINE), indices: [0] }]);
    const three = batchFromEnvelopes([GOLDEN_ENVELOPE, GOLDEN_ENVELOPE, GOLDEN_ENVELOPE]);
    expect(encodeBodies(three)[0]?.body.toString()).toBe(GOLDEN_LINE.repeat(3));
  });

  it('splits a batch over the limit into bodies of whole lines, each within it', () => {
    const batch = seriesBatch(GOLDEN_ENVELOPE, 10);
    const line = batch.rawLength(0) + 1;
    const bodies = encodeBodies(batch, line * 3 + 1);
    expect(bodies.map((b) => b.indices)).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
    for (const b of bodies) expect(b.body.length).toBeLessThanOrEqual(line * 3 + 1);
    expect(Buffer.concat(bodies.map((b) => b.body)).equals(batch.jsonLines())).toBe(true);
    // A line longer than the limit still goes, alone (the platform's maxEventBytes keeps this from happening).
    expect(encodeBodies(batch.slice(0, 2), 10).map((b) => b.indices)).toEqual([[0], [1]]);
    expect(MAX_BODY_BYTES).toBe(1_000_000);
  });

  it('writes X-Sumo-Fields as comma-separated key=value pairs in order', () => {
    expect(fieldsHeader({ env: 'prod', team: 'identity', 'app.name': 'auth0 logs' })).toBe('env=prod,team=identity,app.name=auth0 logs');
    expect(fieldsHeader({})).toBe('');
  });
});

describe('golden requests', () => {
  let fake: SumoFake;
  beforeEach(async () => {
    fake = await startSumoFake();
  });
  afterEach(() => fake.close());

  it('source address mode: POST to the address, gzip JSON lines, the metadata headers', async () => {
    const c = connect({
      sumoSourceAddress: fake.sourceAddress,
      sumoCategory: 'prod/auth0',
      sumoName: 'auth0',
      sumoHost: 'acme.eu.auth0.com',
      sumoFields: { env: 'prod' },
    });
    expect(await c.send(goldenBatch(), never())).toEqual({ status: 'success' });
    const [req] = fake.deliveries();
    expect(req?.path).toBe(`/receiver/v1/http/${fake.code}`);
    expect(req?.headers).toMatchObject({
      'content-type': 'application/x-ndjson',
      'content-encoding': 'gzip',
      'x-sumo-category': 'prod/auth0',
      'x-sumo-name': 'auth0',
      'x-sumo-host': 'acme.eu.auth0.com',
      'x-sumo-fields': 'env=prod',
    });
    expect(req?.headers['x-sumo-token']).toBeUndefined();
    expect(req?.headers['user-agent']).toMatch(/^outflow\//);
    expect(gunzipSync(req!.rawBody).toString()).toBe(GOLDEN_LINE);
    expect(fake.messages()).toEqual([
      { text: GOLDEN_LINE.trimEnd(), category: 'prod/auth0', name: 'auth0', host: 'acme.eu.auth0.com', fields: { env: 'prod' } },
    ]);
    await c.close();
  });

  it('auth-header mode: POST to the endpoint with x-sumo-token, no metadata headers unless set', async () => {
    const c = connect({ sumoEndpoint: fake.endpoint, sumoToken: SUMO_FAKE_TOKEN });
    expect(await c.send(goldenBatch(), never())).toEqual({ status: 'success' });
    const [req] = fake.deliveries();
    expect(req?.path).toBe('/receiver/v1/http');
    expect(req?.headers['x-sumo-token']).toBe(SUMO_FAKE_TOKEN);
    for (const h of ['x-sumo-category', 'x-sumo-name', 'x-sumo-host', 'x-sumo-fields']) expect(req?.headers[h]).toBeUndefined();
    expect(fake.logIds()).toEqual([ID]);
    await c.close();
  });
});

describe('preview', () => {
  it('shows the request with the source address path and the token masked', () => {
    const byAddress = connect({ sumoSourceAddress: ADDRESS, sumoFields: { env: 'prod' } }).preview!(goldenBatch());
    expect(byAddress).toEqual({
      requests: [
        {
          method: 'POST',
          url: 'https://endpoint4.collection.sumologic.com/[REDACTED]',
          headers: {
            'Content-Type': 'application/x-ndjson',
            'User-Agent': expect.stringMatching(/^outflow\//),
            'X-Sumo-Fields': 'env=prod',
            'Content-Encoding': 'gzip',
          },
          body: GOLDEN_LINE,
        },
      ],
    });
    expect(JSON.stringify(byAddress)).not.toContain('ZaVnC4dhaV3golden');
    const byToken = connect({ sumoEndpoint: ENDPOINT, sumoToken: 'tok_0123456789abcdef' }).preview!(goldenBatch());
    expect(byToken.requests[0]).toMatchObject({ url: ENDPOINT, headers: { 'x-sumo-token': '[REDACTED]' } });
    expect(JSON.stringify(byToken)).not.toContain('tok_0123456789abcdef');
  });
});
