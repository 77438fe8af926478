// The fake Event Grid topic: key and SAS checks, schema content types, required fields, channel routing, 1 MB limits, Azure error bodies.
import { afterEach, describe, expect, it } from 'vitest';
import { EVENTGRID_FAKE_KEY, EVENTGRID_FAKE_SAS, startEventgridFake, type EventgridFake, type EventgridFakeOptions } from '../src/fakes/eventgrid.js';

let fake: EventgridFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const CE = 'application/cloudevents-batch+json; charset=utf-8';
const cloudEvent = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  source: 'urn:t',
  type: 'com.auth0.log.s',
  specversion: '1.0',
  data: { a: 1 },
  ...extra,
});
const gridEvent = (id: string) => ({ id, subject: 'u', eventType: 'Auth0.Log.s', eventTime: '2026-01-01T00:00:00Z', dataVersion: '1.0', data: {} });

async function post(options: EventgridFakeOptions, body: unknown, headers: Record<string, string> = {}, path = '/api/events?api-version=2018-01-01') {
  fake ??= await startEventgridFake(options);
  const res = await fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': options.schema === 'eventGrid' ? 'application/json' : CE, 'aeg-sas-key': EVENTGRID_FAKE_KEY, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, error: text ? (JSON.parse(text) as { error: { code: string; message: string; details: unknown[] } }).error : undefined };
}

describe('startEventgridFake', () => {
  it('accepts CloudEvents with the key and records them', async () => {
    expect(await post({}, [cloudEvent('1'), cloudEvent('2')])).toEqual({ status: 200, error: undefined });
    expect(fake?.events().map((e) => e.id)).toEqual(['1', '2']);
  });

  it('checks the key or SAS token, answering 401 in Azure shape', async () => {
    expect(await post({}, [cloudEvent('1')], { 'aeg-sas-key': 'wrong' })).toMatchObject({ status: 401, error: { code: 'Unauthorized' } });
    expect(await post({}, [cloudEvent('1')], { 'aeg-sas-key': '', 'aeg-sas-token': EVENTGRID_FAKE_SAS })).toMatchObject({ status: 401 });
    const sas = await fetch(`${fake?.url}/api/events?api-version=2018-01-01`, {
      method: 'POST',
      headers: { 'content-type': CE, 'aeg-sas-token': EVENTGRID_FAKE_SAS },
      body: JSON.stringify([cloudEvent('3')]),
    });
    expect(sas.status).toBe(200);
    const none = await fetch(`${fake?.url}/api/events?api-version=2018-01-01`, { method: 'POST', headers: { 'content-type': CE }, body: '[]' });
    expect(none.status).toBe(401);
    expect(fake?.events().map((e) => e.id)).toEqual(['3']);
  });

  it("takes only its schema's content type and the 2018-01-01 api-version", async () => {
    expect(await post({}, [cloudEvent('1')], { 'content-type': 'application/json' })).toMatchObject({
      status: 400,
      error: { message: expect.stringContaining(CE) },
    });
    expect(await post({}, [cloudEvent('1')], {}, '/api/events')).toMatchObject({ status: 400, error: { code: 'BadRequest' } });
    await fake?.close();
    fake = undefined;
    expect(await post({ schema: 'eventGrid' }, [gridEvent('g')])).toEqual({ status: 200, error: undefined });
    expect(await post({ schema: 'eventGrid' }, [gridEvent('g')], { 'content-type': CE })).toMatchObject({ status: 400 });
  });

  it('refuses the whole request when one event lacks a required field or is refused', async () => {
    const missing = await post({ refuse: (e) => (e.id === 'bad' ? 'poisoned' : undefined) }, [cloudEvent('1'), cloudEvent('2', { source: undefined })]);
    expect(missing).toMatchObject({
      status: 400,
      error: { code: 'BadRequest', message: expect.stringContaining("'source'"), details: [{ code: 'InputJsonInvalid' }] },
    });
    expect(await post({}, [cloudEvent('1', { specversion: '0.3' })])).toMatchObject({ status: 400 });
    expect(await post({}, [cloudEvent('1', { time: 'yesterday' })])).toMatchObject({ status: 400 });
    expect(await post({}, [cloudEvent('1'), cloudEvent('bad')])).toMatchObject({ status: 400, error: { message: expect.stringContaining('poisoned') } });
    expect(await post({}, '{"not":"an array"}')).toMatchObject({ status: 400 });
    expect(fake?.events()).toEqual([]);
  });

  it('routes a partner namespace by aeg-channel-name', async () => {
    expect(await post({ channelName: 'ch-1' }, [cloudEvent('1')])).toMatchObject({
      status: 400,
      error: { message: expect.stringContaining('aeg-channel-name') },
    });
    expect(await post({ channelName: 'ch-1' }, [cloudEvent('1')], { 'aeg-channel-name': 'ch-2' })).toMatchObject({ status: 404, error: { code: 'NotFound' } });
    expect(await post({ channelName: 'ch-1' }, [cloudEvent('1')], { 'aeg-channel-name': 'ch-1' })).toMatchObject({ status: 200 });
  });

  it('answers 413 over 1 MB per request and per event, and 404 off /api/events', async () => {
    const half = 'x'.repeat(600 * 1024);
    expect(await post({}, [cloudEvent('1', { data: half }), cloudEvent('2', { data: half })])).toMatchObject({
      status: 413,
      error: { code: 'RequestEntityTooLarge' },
    });
    expect(await post({}, [cloudEvent('1', { data: 'y'.repeat(1024 * 1024) })])).toMatchObject({ status: 413 });
    expect(await post({}, [cloudEvent('1')], {}, '/api/other?api-version=2018-01-01')).toMatchObject({ status: 404 });
    expect(fake?.publishRequests()).toHaveLength(2);
  });
});
