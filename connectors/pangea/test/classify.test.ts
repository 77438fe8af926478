// Classification: Pangea's envelope status decides (Success, ValidationError, Unauthorized, NoCredit, TooManyRequests, …), then the HTTP status.
import type { Connector } from '@outflow/core';
import { sampleBatch } from '@outflow/connector-testkit';
import { pangeaAnswer, startPangeaFake, type PangeaFake } from '@outflow/connector-testkit/fakes/pangea';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { classifyPangea, parseEnvelope, refusedEvents } from '../src/index.js';
import { connect, never, TOKEN } from './fixtures.js';

let fake: PangeaFake;
let conn: Connector;
beforeEach(async () => {
  fake = await startPangeaFake();
  conn = connect(fake.url);
});
afterEach(async () => {
  await conn.close();
  await fake.close();
});

const send = (n = 3) => conn.send(sampleBatch(n), never());

describe('envelope statuses', () => {
  const table: Array<[number, string, string, string]> = [
    [401, 'Unauthorized', 'permanent', 'auth'],
    [403, 'ServiceNotEnabled', 'permanent', 'config'],
    [400, 'MissingConfigID', 'permanent', 'config'],
    [403, 'MissingConfigIDScope', 'permanent', 'config'],
    [402, 'NoCredit', 'permanent', 'config'],
    [404, 'NotFound', 'permanent', 'config'],
    [429, 'TooManyRequests', 'retryable', 'throttled'],
    [503, 'ServiceNotAvailable', 'retryable', 'transient'],
    [500, 'InternalError', 'retryable', 'transient'],
    [502, 'ProviderError', 'retryable', 'transient'],
    [400, 'ValidationError', 'permanent', 'invalid'],
    [400, 'InvalidPayloadReceived', 'permanent', 'invalid'],
  ];
  for (const [http, status, outcome, kind] of table) {
    it(`${status} (HTTP ${http}) → ${outcome} ${kind}, quoting Pangea's summary and request_id`, async () => {
      fake.enqueue(pangeaAnswer(http, status, { summary: `summary of ${status}`, request_id: 'prq_abc' }));
      const result = await send();
      expect(result).toMatchObject({ status: outcome, error: { kind, details: { status: http, vendorCode: status } } });
      if (result.status === 'permanent' || result.status === 'retryable')
        expect(result.error.message).toBe(`Pangea answered HTTP ${http} ${status}: summary of ${status}, request_id prq_abc.`);
    });
  }

  it('TooManyRequests honours Retry-After', async () => {
    const answer = pangeaAnswer(429, 'TooManyRequests');
    fake.enqueue({ ...answer, headers: { 'Retry-After': '7' } } as typeof answer);
    expect(await send()).toMatchObject({ status: 'retryable', retryAfterMs: 7000 });
  });

  it('an unknown status keeps the class of its HTTP status', async () => {
    fake.enqueue(pangeaAnswer(409, 'SomethingNew', { summary: 'new' }), pangeaAnswer(504, 'GatewayTimeout'));
    expect(await send()).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { vendorCode: 'SomethingNew' } } });
    expect(await send()).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { vendorCode: 'GatewayTimeout' } } });
  });

  it('the envelope wins over the HTTP status', async () => {
    fake.enqueue(pangeaAnswer(200, 'TooManyRequests'));
    expect(await send()).toMatchObject({ status: 'retryable', error: { kind: 'throttled' } });
  });

  it('answers without an envelope: 404/405 are a wrong URL (config), others the generic table', async () => {
    fake.enqueue({ status: 404, body: '<html>Not Found</html>' }, { status: 405 }, { status: 502, body: 'Bad Gateway' }, { status: 200 });
    expect(await send()).toMatchObject({ status: 'permanent', error: { kind: 'config', message: expect.stringMatching(/check pangeaDomain/) } });
    expect(await send()).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
    expect(await send()).toMatchObject({ status: 'retryable', error: { kind: 'transient', details: { status: 502 } } });
    expect(await send()).toEqual({ status: 'success' });
  });

  it('never quotes the token, even when Pangea echoes it', async () => {
    fake.enqueue(pangeaAnswer(401, 'Unauthorized', { summary: `token ${TOKEN} is revoked` }));
    const result = await send();
    expect(JSON.stringify(result.status === 'permanent' ? { m: result.error.message, d: result.error.details } : result)).not.toContain(TOKEN);
  });
});

describe('ValidationError naming events', () => {
  it('refuses the named events for good and sends the others again (Pangea logged none)', async () => {
    fake.enqueue(
      pangeaAnswer(400, 'ValidationError', {
        result: { errors: [{ code: 'ValueTooLong', detail: 'too long', source: '/events/2/event/message' }] },
      }),
    );
    const result = await send(4);
    expect(result.status).toBe('partial');
    if (result.status !== 'partial') return;
    expect(result.failed.map((f) => [f.index, f.retryable])).toEqual([
      [0, true],
      [1, true],
      [2, false],
      [3, true],
    ]);
    expect(result.failed[2]).toMatchObject({
      status: 400,
      reason: 'Pangea refused the event (ValidationError): ValueTooLong: too long (/events/2/event/message)',
    });
  });

  it('the real fake refuses a whole request for one bad event, naming it', async () => {
    await fake.close();
    fake = await startPangeaFake({ refuse: (event) => ((event.new as string).includes('"type":"s"') ? { code: 'Refused', detail: 'no logins' } : undefined) });
    await conn.close();
    conn = connect(fake.url);
    const batch = sampleBatch(6);
    const logins = batch.types.flatMap((t, i) => (t === 's' ? [i] : []));
    expect(logins.length).toBeGreaterThan(0);
    const result = await conn.send(batch, never());
    expect(result.status === 'partial' && result.failed.filter((f) => !f.retryable).map((f) => f.index)).toEqual(logins);
    expect(fake.events()).toHaveLength(0);
  });

  it('an error about the request itself (config_id) is config, even next to event errors: splitting cannot fix it', async () => {
    const configError = { code: 'InvalidConfigID', detail: 'unknown config', source: '/config_id' };
    const eventError = { code: 'ValueTooLong', detail: 'too long', source: '/events/0/event/actor' };
    fake.enqueue(
      pangeaAnswer(400, 'ValidationError', { result: { errors: [configError] } }),
      pangeaAnswer(400, 'ValidationError', { result: { errors: [eventError, configError] } }),
      pangeaAnswer(400, 'ValidationError', { result: { errors: [{ ...eventError, source: '/events' }] } }),
    );
    expect(await send()).toMatchObject({ status: 'permanent', error: { kind: 'config', details: { vendorCode: 'ValidationError' } } });
    expect(await send()).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
    expect(await send()).toMatchObject({ status: 'permanent', error: { kind: 'invalid' } });
  });

  it('without event names the whole batch is invalid, for the platform to split', () => {
    expect(
      refusedEvents({ status: 'ValidationError', result: { errors: [{ source: '/config_id' }, { source: '/events/9/event' }, { source: 7 }] } }, 3).size,
    ).toBe(0);
    expect(refusedEvents({ status: 'ValidationError', result: { errors: [{ source: '/events/1' }, { source: '/events/1/event/x' }] } }, 3)).toEqual(
      new Map([[1, 'invalid: refused (/events/1)']]),
    );
    const response = { status: 400, headers: {}, body: Buffer.alloc(0), truncated: false };
    const text = JSON.stringify({ status: 'ValidationError', result: { errors: [{ source: '/events/0/event' }] } });
    // A poll carries no events (0): the batch is invalid as a whole.
    expect(classifyPangea(response, text, 0, { secrets: [], now: 0 })).toMatchObject({ status: 'permanent', error: { kind: 'invalid' } });
  });
});

describe('parseEnvelope', () => {
  it('reads an object with a string status, nothing else', () => {
    expect(parseEnvelope('{"status":"Success","request_id":"prq_1"}')).toEqual({ status: 'Success', request_id: 'prq_1' });
    for (const body of ['', 'null', '[]', '{"status":1}', '<html>', '"Success"']) expect(parseEnvelope(body)).toBeUndefined();
  });
});
