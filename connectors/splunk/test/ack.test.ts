// Indexer acknowledgement: one send = the /event POST plus ack polls until Splunk reports the batch indexed.
import type { Connector, Logger } from '@outflow/core';
import { sampleBatch } from '@outflow/connector-testkit';
import { hecAnswer, startSplunkFake, type SplunkFake } from '@outflow/connector-testkit/fakes/splunk';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, makeContext, never, silentLogger } from './fixtures.js';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let fake: SplunkFake | undefined;
let conn: Connector | undefined;
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await fake?.close();
});

describe('indexer acknowledgement', () => {
  it('succeeds once the ack poll reports the ackId indexed, on a generated channel', async () => {
    fake = await startSplunkFake({ ack: true, ackAfterPolls: 2 });
    conn = connect(fake.url, { splunkAck: true });
    const started = Date.now();
    expect(await conn.send(sampleBatch(3), never())).toEqual({ status: 'success' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 250 - 50);
    const [event, ...polls] = fake.requests;
    const channel = String(event!.headers['x-splunk-request-channel']);
    expect(channel).toMatch(GUID);
    expect(polls).toHaveLength(3);
    for (const poll of polls) {
      expect(poll).toMatchObject({ method: 'POST', path: '/services/collector/ack' });
      expect(poll.query.get('channel')).toBe(channel);
      expect(poll.json()).toEqual({ acks: [0] });
    }
    expect(fake.events()).toHaveLength(3);
  });

  it('keeps one channel per connector and polls each batch by its own ackId', async () => {
    fake = await startSplunkFake({ ack: true });
    conn = connect(fake.url, { splunkAck: true });
    await Promise.all([conn.send(sampleBatch(1), never()), conn.send(sampleBatch(1, 1), never())]);
    expect(await conn.send(sampleBatch(1, 2), never())).toEqual({ status: 'success' });
    const channels = new Set(fake.requests.map((r) => r.headers['x-splunk-request-channel']));
    expect(channels.size).toBe(1);
    expect(
      fake
        .ackRequests()
        .map((r) => (r.json() as { acks: number[] }).acks[0])
        .sort(),
    ).toEqual([0, 1, 2]);
  });

  it('a batch not acknowledged before the attempt\'s deadline is retryable "not acknowledged"', async () => {
    fake = await startSplunkFake({ ack: true });
    fake.holdAcks(true);
    conn = connect(fake.url, { splunkAck: true });
    const started = Date.now();
    const result = await conn.send(sampleBatch(2), AbortSignal.timeout(700));
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { vendorCode: 'ACK_TIMEOUT' } } });
    if (result.status === 'retryable')
      expect(result.error.message).toMatch(/did not acknowledge the events before the attempt's deadline \(\d+ ms, ackId 0, \d polls\)/);
    expect(elapsed).toBeGreaterThanOrEqual(650);
    expect(elapsed).toBeLessThan(1500);
    expect(fake.ackRequests().length).toBeGreaterThanOrEqual(2);
  });

  it('stops waiting as soon as the signal aborts', async () => {
    fake = await startSplunkFake({ ack: true });
    fake.holdAcks(true);
    conn = connect(fake.url, { splunkAck: true });
    const started = Date.now();
    const result = await conn.send(sampleBatch(1), AbortSignal.timeout(400));
    expect(result.status).toBe('retryable');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a permanent answer to the poll ends the wait with that result', async () => {
    fake = await startSplunkFake({ ack: true });
    conn = connect(fake.url, { splunkAck: true });
    fake.enqueue(hecAnswer(0, { ackId: 0 }), hecAnswer(14));
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'permanent', error: { kind: 'config', details: { vendorCode: '14' } } });
  });

  it('a token that requires acknowledgement refuses sends without a channel (code 10) as a config error', async () => {
    fake = await startSplunkFake({ ack: true });
    conn = connect(fake.url);
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'permanent', error: { kind: 'config', details: { vendorCode: '10' } } });
  });

  it('an answer without ackId (acknowledgement off on the token) counts as delivered, with one warning', async () => {
    fake = await startSplunkFake();
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (_, msg) => void warnings.push(String(msg)), child: () => logger };
    conn = connect(fake.url, { splunkAck: true }, makeContext(undefined, logger));
    expect(await conn.send(sampleBatch(1), never())).toEqual({ status: 'success' });
    expect(await conn.send(sampleBatch(1), never())).toEqual({ status: 'success' });
    expect(fake.ackRequests()).toHaveLength(0);
    expect(warnings).toEqual([expect.stringMatching(/without an ackId/)]);
  });
});
