// Accepted (202): one send = the /v2/log POST plus GET /request/<id> polls until Pangea settles the request, within the attempt.
import type { Connector, Logger } from '@outflow/core';
import { sampleBatch } from '@outflow/connector-testkit';
import { pangeaAnswer, startPangeaFake, type PangeaFake } from '@outflow/connector-testkit/fakes/pangea';
import { afterEach, describe, expect, it } from 'vitest';
import { POLL_FIRST_MS } from '../src/index.js';
import { connect, makeContext, never, silentLogger } from './fixtures.js';

let fake: PangeaFake | undefined;
let conn: Connector | undefined;
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await fake?.close();
});

describe('an Accepted request', () => {
  it('succeeds once a poll reports Success, after polls answering 202, and only then are the events logged', async () => {
    fake = await startPangeaFake({ accepted: true, settleAfterPolls: 2 });
    conn = connect(fake.url);
    const started = Date.now();
    expect(await conn.send(sampleBatch(3), never())).toEqual({ status: 'success' });
    // Pauses of 250, 500 and 1000 ms before the three polls.
    expect(Date.now() - started).toBeGreaterThanOrEqual(POLL_FIRST_MS * 7 - 50);
    const [post, ...polls] = fake.requests;
    expect(post).toMatchObject({ method: 'POST', path: '/v2/log' });
    const id = fake.pollRequests()[0]!.path.slice('/request/'.length);
    expect(id).toMatch(/^prq_/);
    expect(polls.map((p) => `${p.method} ${p.path}`)).toEqual(Array(3).fill(`GET /request/${id}`));
    for (const poll of polls) expect(poll.headers.authorization).toBe(`Bearer ${fake.token}`);
    expect(fake.events()).toHaveLength(3);
  });

  it('a request that settles as a ValidationError is invalid as a whole (the platform splits it)', async () => {
    fake = await startPangeaFake({ accepted: true, settleAfterPolls: 0, refuse: (_e, i) => (i === 1 ? { code: 'Refused', detail: 'bad' } : undefined) });
    conn = connect(fake.url);
    expect(await conn.send(sampleBatch(3), never())).toMatchObject({
      status: 'permanent',
      error: { kind: 'invalid', details: { vendorCode: 'ValidationError' } },
    });
    expect(fake.events()).toHaveLength(0);
  });

  it('a request not settled before the attempt\'s deadline is retryable "not settled"', async () => {
    fake = await startPangeaFake({ accepted: true });
    fake.holdAccepted(true);
    conn = connect(fake.url);
    const started = Date.now();
    const result = await conn.send(sampleBatch(2), AbortSignal.timeout(900));
    const elapsed = Date.now() - started;
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { vendorCode: 'ACCEPTED_NOT_SETTLED' } } });
    if (result.status === 'retryable')
      expect(result.error.message).toMatch(/request_id prq_\w+\) but did not report the result before the attempt's deadline \(\d+ ms, 2 polls\)/);
    expect(elapsed).toBeGreaterThanOrEqual(850);
    expect(elapsed).toBeLessThan(1600);
  });

  it('polls through a 404 (not registered yet), a 503 and a 429 until the result', async () => {
    fake = await startPangeaFake({ accepted: true, settleAfterPolls: 0 });
    conn = connect(fake.url);
    fake.setHandler((req) => (req.method === 'POST' ? pangeaAnswer(202, 'Accepted', { request_id: 'prq_later' }) : pangeaAnswer(200, 'Success')));
    fake.enqueue(
      pangeaAnswer(202, 'Accepted', { request_id: 'prq_later' }),
      pangeaAnswer(404, 'NotFound'),
      { status: 503 },
      pangeaAnswer(429, 'TooManyRequests'),
    );
    const result = await conn.send(sampleBatch(1), AbortSignal.timeout(10_000));
    expect(result).toEqual({ status: 'success' });
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['POST /v2/log', ...Array(4).fill('GET /request/prq_later')]);
  });

  it('a permanent poll answer (the token revoked meanwhile) ends the wait with that result', async () => {
    fake = await startPangeaFake();
    conn = connect(fake.url);
    fake.enqueue(pangeaAnswer(202, 'Accepted', { request_id: 'prq_x' }), pangeaAnswer(401, 'Unauthorized'));
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'permanent', error: { kind: 'auth' } });
  });

  it('an Accepted answer without request_id counts as delivered, with one warning', async () => {
    fake = await startPangeaFake();
    const warnings: string[] = [];
    const logger: Logger = { ...silentLogger, warn: (_, msg) => void warnings.push(String(msg)), child: () => logger };
    conn = connect(fake.url, {}, makeContext(logger));
    fake.enqueue({ status: 202 }, { status: 202, body: { status: 'Accepted', request_id: '../../etc' } });
    expect(await conn.send(sampleBatch(1), never())).toEqual({ status: 'success' });
    expect(await conn.send(sampleBatch(1), never())).toEqual({ status: 'success' });
    expect(fake.pollRequests()).toHaveLength(0);
    expect(warnings).toEqual([expect.stringMatching(/without a request_id/)]);
  });
});
