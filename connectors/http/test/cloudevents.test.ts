// The CloudEvents envelope: structured mode (JSONOBJECT) and batch mode (JSONARRAY), golden bodies on a real receiver.
import type { Connector } from '@outflow/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, envelope, makeBatch, never, parseConfig } from './fixtures.js';
import { startReceiver, type Receiver } from './receiver.js';
import { batchFromEnvelopes } from '@outflow/core';

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

const LOG_ID = '9002026010100000000000000000000000000000000000000000001';

describe('httpEnvelope: cloudevents', () => {
  it('structured mode sends one application/cloudevents+json request per event, byte for byte the golden event', async () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONOBJECT', httpEnvelope: 'cloudevents' });
    const batch = batchFromEnvelopes([envelope(1, { user_id: 'auth0|42', ip: '203.0.113.7' })]);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(rx.requests).toHaveLength(1);
    const req = rx.requests[0]!;
    expect(req.headers['content-type']).toBe('application/cloudevents+json; charset=utf-8');
    expect(req.text).toBe(
      `{"specversion":"1.0","id":"${LOG_ID}","source":"urn:auth0:acme","type":"com.auth0.log.s","time":"2026-01-01T00:00:01.000Z","subject":"auth0|42","datacontenttype":"application/json","a0tenant":"acme","data":{"log_id":"${LOG_ID}","date":"2026-01-01T00:00:01.000Z","type":"s","description":"Success Login","user_name":"user1@example.com","user_id":"auth0|42","ip":"203.0.113.7"}}`,
    );
  });

  it('batch mode sends one application/cloudevents-batch+json array per batch; events without a user have no subject', async () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONARRAY', httpEnvelope: 'cloudevents' });
    const batch = makeBatch(3);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(rx.requests).toHaveLength(1);
    expect(rx.requests[0]!.headers['content-type']).toBe('application/cloudevents-batch+json; charset=utf-8');
    const events = JSON.parse(rx.requests[0]!.text) as Array<Record<string, unknown>>;
    expect(events.map((e) => e.id)).toEqual(batch.logIds);
    for (const [i, e] of events.entries()) {
      expect(Object.keys(e)).toEqual(['specversion', 'id', 'source', 'type', 'time', 'datacontenttype', 'a0tenant', 'data']);
      expect(e).toMatchObject({ specversion: '1.0', source: 'urn:auth0:acme', type: 'com.auth0.log.s', time: batch.envelopes()[i]!.data.date });
      expect(e.data).toEqual(batch.envelopes()[i]!.data);
    }
  });

  it('a content type the user names still wins', async () => {
    conn = connect({ httpEndpoint: rx.url, httpContentFormat: 'JSONARRAY', httpEnvelope: 'cloudevents', httpContentType: 'application/json' });
    expect(await conn.send(makeBatch(1), never())).toEqual({ status: 'success' });
    expect(rx.requests[0]!.headers['content-type']).toBe('application/json');
  });

  it('JSONLINES with cloudevents is refused, naming the field and the two modes', () => {
    const result = () => parseConfig({ httpEndpoint: 'https://example.com/hook', httpEnvelope: 'cloudevents' });
    expect(result).toThrow(/httpContentFormat[\s\S]*JSONOBJECT \(CloudEvents structured mode\) or JSONARRAY \(batch mode\)/);
  });
});
