// Publishing through the SDK against the fake topic: headers, SAS, partner channel, Azure errors classified, one request per send, limits.
import { testContext } from '@outflow/connector-testkit';
import { EVENTGRID_FAKE_SAS, eventgridError, startEventgridFake, type EventgridFake } from '@outflow/connector-testkit/fakes/eventgrid';
import { afterEach, describe, expect, it } from 'vitest';
import { connect, KEY, makeBatch, never } from './fixtures.js';

let fake: EventgridFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const failure = (r: { status: string; error?: { kind: string; message: string; details: Record<string, unknown> } }) => ({
  status: r.status,
  kind: r.error?.kind,
  message: r.error?.message,
  details: r.error?.details,
});

describe('publishing to a custom topic', () => {
  it('sends CloudEvents with the key, the CloudEvents batch content type and api-version, once', async () => {
    fake = await startEventgridFake();
    const connector = connect(fake.url);
    expect(await connector.send(makeBatch(4), never())).toEqual({ status: 'success' });
    await connector.close();
    expect(fake.requests).toHaveLength(1);
    const [req] = fake.requests;
    expect(req?.path).toBe('/api/events');
    expect(req?.query.get('api-version')).toBe('2018-01-01');
    expect(req?.headers['aeg-sas-key']).toBe(KEY);
    expect(req?.headers['content-type']).toBe('application/cloudevents-batch+json; charset=utf-8');
    expect(req?.headers['user-agent']).toMatch(/^outflow azsdk-js-eventgrid\/5\.12\.0 /);
    expect(req?.headers).not.toHaveProperty('aeg-channel-name');
    expect(fake.events().map((e) => [e.type, e.specversion, e.source])).toEqual(Array(4).fill(['com.auth0.log.fp', '1.0', 'urn:auth0:acme']));
  });

  it('sends Event Grid schema events as application/json with a SAS token', async () => {
    fake = await startEventgridFake({ schema: 'eventGrid' });
    const connector = connect(fake.url, { schema: 'eventGrid', accessKey: undefined, sasToken: EVENTGRID_FAKE_SAS, source: 'ignored' });
    expect(await connector.send(makeBatch(2), never())).toEqual({ status: 'success' });
    await connector.close();
    const [req] = fake.requests;
    expect(req?.headers['aeg-sas-token']).toBe(EVENTGRID_FAKE_SAS);
    expect(req?.headers).not.toHaveProperty('aeg-sas-key');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(fake.events().map((e) => e.eventType)).toEqual(['Auth0.Log.fp', 'Auth0.Log.fp']);
  });

  it('refuses the wrong schema the way the topic does (400 invalid)', async () => {
    fake = await startEventgridFake({ schema: 'eventGrid' });
    const connector = connect(fake.url);
    const result = await connector.send(makeBatch(1), never());
    await connector.close();
    expect(failure(result as never)).toMatchObject({ status: 'permanent', kind: 'invalid', details: { status: 400, vendorCode: 'BadRequest' } });
    expect((result as { error: Error }).error.message).toMatch(
      /^Event Grid refused the events as invalid \(HTTP 400\) \[BadRequest\]: This topic takes the eventGrid schema/,
    );
  });
});

describe('partner namespace mode', () => {
  it('routes by the aeg-channel-name header', async () => {
    fake = await startEventgridFake({ channelName: 'auth0-tenant-acme' });
    const connector = connect(fake.url, { channelName: 'auth0-tenant-acme' });
    expect(await connector.send(makeBatch(2), never())).toEqual({ status: 'success' });
    expect(fake.requests[0]?.headers['aeg-channel-name']).toBe('auth0-tenant-acme');
    expect(connector.preview?.(makeBatch(1)).requests[0]?.headers).toMatchObject({ 'aeg-channel-name': 'auth0-tenant-acme', 'aeg-sas-key': '[REDACTED]' });
    await connector.close();
  });

  it('reads an unknown channel (404) as config and a missing one (400) as invalid', async () => {
    fake = await startEventgridFake({ channelName: 'auth0-tenant-acme' });
    const wrong = connect(fake.url, { channelName: 'other-channel' });
    const result = await wrong.send(makeBatch(1), never());
    expect(failure(result as never)).toMatchObject({ status: 'permanent', kind: 'config', details: { status: 404, vendorCode: 'NotFound' } });
    expect((result as { error: Error }).error.message).toMatch(/no such topic or channel/);
    const none = connect(fake.url);
    expect(failure((await none.send(makeBatch(1), never())) as never)).toMatchObject({ status: 'permanent', kind: 'invalid' });
    await Promise.all([wrong.close(), none.close()]);
  });
});

describe('classification of Azure answers', () => {
  const cases: Array<[string, Parameters<EventgridFake['enqueue']>[0], Record<string, unknown>]> = [
    ['401 → auth', eventgridError(401, 'Unauthorized', 'The request authorization key is not authorized.'), { status: 'permanent', kind: 'auth' }],
    ['403 → auth', eventgridError(403, 'Forbidden', 'Public network access is disabled.'), { status: 'permanent', kind: 'auth' }],
    ['404 → config', eventgridError(404, 'NotFound', 'The topic does not exist.'), { status: 'permanent', kind: 'config' }],
    ['413 → split', eventgridError(413, 'RequestEntityTooLarge', 'Too large.'), { status: 'permanent', kind: 'invalid', details: { tooLarge: true } }],
    ['500 → retry', eventgridError(500, 'InternalServerError', 'Oops.'), { status: 'retryable', kind: 'transient' }],
    ['503 → retry', eventgridError(503, 'ServiceUnavailable', 'Busy.'), { status: 'retryable', kind: 'transient' }],
  ];
  for (const [title, answer, expected] of cases)
    it(title, async () => {
      fake = await startEventgridFake();
      fake.enqueue(answer);
      const connector = connect(fake.url);
      const result = await connector.send(makeBatch(2), never());
      await connector.close();
      expect(fake.requests).toHaveLength(1);
      expect(failure(result as never)).toMatchObject(expected);
    });

  it('429 is throttled with the Retry-After Azure sent, and no second request', async () => {
    fake = await startEventgridFake();
    fake.enqueue({ ...eventgridError(429, 'TooManyRequests', 'Slow down.'), headers: { 'Retry-After': '7' } });
    const connector = connect(fake.url);
    const result = await connector.send(makeBatch(2), never());
    await connector.close();
    expect(fake.requests).toHaveLength(1);
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'throttled' }, retryAfterMs: 7000 });
  });

  it('keeps the key out of the message when Azure quotes it', async () => {
    fake = await startEventgridFake();
    fake.enqueue(eventgridError(401, 'Unauthorized', `Key ${KEY} is not valid.`));
    const connector = connect(fake.url);
    const result = await connector.send(makeBatch(1), never());
    await connector.close();
    expect(JSON.stringify(result)).not.toContain(KEY);
    expect((result as { error: Error }).error.message).toContain('[REDACTED]');
  });
});

describe('limits', () => {
  it('refuses an event over 1 MB before sending and delivers the others', async () => {
    fake = await startEventgridFake();
    const connector = connect(fake.url);
    const batch = makeBatch(3);
    const big = makeBatch(1, { blob: 'x'.repeat(1024 * 1024) });
    const { createLogBatch } = await import('@outflow/core');
    const mixed = createLogBatch({
      seqs: [1, 2, 3],
      logIds: [batch.logIds[0] as string, big.logIds[0] as string, batch.logIds[2] as string],
      types: ['fp', 'fp', 'fp'],
      raws: [batch.raw(0), big.raw(0), batch.raw(2)],
    });
    const result = await connector.send(mixed, never());
    await connector.close();
    expect(result).toMatchObject({ status: 'partial', failed: [{ index: 1, retryable: false }] });
    expect(fake.requests).toHaveLength(1);
    expect(fake.events().map((e) => e.id)).toEqual([batch.logIds[0], batch.logIds[2]]);
  });

  it('splits a batch over 1 MB on the wire into requests the topic accepts', async () => {
    fake = await startEventgridFake();
    const connector = connect(fake.url);
    const batch = makeBatch(12, { blob: 'y'.repeat(120_000) });
    expect(await connector.send(batch, never())).toEqual({ status: 'success' });
    await connector.close();
    expect(fake.requests.length).toBe(2);
    for (const req of fake.requests) expect(req.body.length).toBeLessThanOrEqual(1024 * 1024);
    expect(new Set(fake.events().map((e) => e.id))).toEqual(new Set(batch.logIds));
  });
});

describe('healthcheck', () => {
  it('publishes an empty array (no events) and names the resource', async () => {
    fake = await startEventgridFake();
    const connector = connect(fake.url, { azureSubscriptionId: '00000000-1111-2222-3333-444444444444', azureResourceGroup: 'auth0-logs' });
    const health = await connector.healthcheck(never());
    await connector.close();
    expect(health).toMatchObject({
      ok: true,
      message: expect.stringContaining('subscription 00000000-1111-2222-3333-444444444444, resource group auth0-logs'),
    });
    expect(fake.requests.map((r) => r.text())).toEqual(['[]']);
    expect(fake.events()).toEqual([]);
  });

  it('is unhealthy (config) when the topic does not exist', async () => {
    fake = await startEventgridFake();
    const connector = connect(`${fake.url}/missing`, {}, testContext());
    const health = await connector.healthcheck(never());
    await connector.close();
    expect(health).toMatchObject({ ok: false, error: { kind: 'config' } });
  });
});

describe('the attempt signal', () => {
  it('aborts a stalled publish: a transient failure', async () => {
    fake = await startEventgridFake();
    fake.enqueue({ stall: true });
    const connector = connect(fake.url);
    const result = await connector.send(makeBatch(1), AbortSignal.timeout(200));
    await connector.close();
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'transient' } });
  });
});
