// The fake Pangea Secure Audit Log: auth, config_id, event checks, the envelope, refusals by event and Accepted requests settled by polls.
import { afterEach, describe, expect, it } from 'vitest';
import { PANGEA_FAKE_CONFIG_ID, PANGEA_FAKE_TOKEN, startPangeaFake, type PangeaFake } from '../src/fakes/pangea.js';

let fake: PangeaFake;
afterEach(() => fake?.close());

interface Envelope {
  request_id: string;
  status: string;
  summary: string;
  result: { errors?: Array<{ code: string; source: string }>; results?: unknown[]; location?: string } | null;
}

const auth = { authorization: `Bearer ${PANGEA_FAKE_TOKEN}`, 'content-type': 'application/json' };
const event = (n: number, extra: Record<string, unknown> = {}) => ({
  event: { message: `m${n}`, actor: 'ada', new: JSON.stringify({ log_id: `id${n}` }), ...extra },
});

async function call(path: string, init: { method?: string; headers?: Record<string, string>; body?: unknown } = {}): Promise<{ http: number; env: Envelope }> {
  const res = await fetch(`${fake.url}${path}`, {
    method: init.method ?? 'POST',
    headers: init.headers ?? auth,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  return { http: res.status, env: (await res.json()) as Envelope };
}

describe('the Pangea fake', () => {
  it('logs valid events and answers Success in the envelope; log_ids come from `new`', async () => {
    fake = await startPangeaFake();
    const { http, env } = await call('/v2/log', { body: { config_id: PANGEA_FAKE_CONFIG_ID, events: [event(1), event(2)] } });
    expect(http).toBe(200);
    expect(env).toMatchObject({ status: 'Success', request_id: expect.stringMatching(/^prq_/), result: { results: [{}, {}] } });
    expect(fake.logIds()).toEqual(['id1', 'id2']);
  });

  it('refuses a missing or wrong token (Unauthorized), a wrong or missing config_id, and a non-JSON body', async () => {
    fake = await startPangeaFake({ requireConfigId: true });
    const body = { config_id: PANGEA_FAKE_CONFIG_ID, events: [event(1)] };
    expect((await call('/v2/log', { headers: { 'content-type': 'application/json' }, body })).env.status).toBe('Unauthorized');
    expect(await call('/v2/log', { headers: { ...auth, authorization: 'Bearer pts_other' }, body })).toMatchObject({ http: 401 });
    expect(await call('/v2/log', { body: { ...body, config_id: 'pci_other' } })).toMatchObject({ http: 403, env: { status: 'MissingConfigIDScope' } });
    expect(await call('/v2/log', { body: { events: [event(1)] } })).toMatchObject({ http: 400, env: { status: 'MissingConfigID' } });
    expect(await call('/v2/log', { body: '{"events":' })).toMatchObject({ http: 400, env: { status: 'InvalidPayloadReceived' } });
    expect(await call('/v2/log', { headers: { ...auth, 'content-type': 'text/plain' }, body })).toMatchObject({ env: { status: 'InvalidPayloadReceived' } });
    expect(fake.events()).toHaveLength(0);
  });

  it('answers a ValidationError naming each bad event field by JSON pointer, and logs nothing of that request', async () => {
    fake = await startPangeaFake({ maxEvents: 3 });
    const bad = [event(0), { event: { actor: 'x' } }, event(2, { action: 'a'.repeat(33), extra: '1', timestamp: 'soon' })];
    const { http, env } = await call('/v2/log', { body: { events: bad } });
    expect(http).toBe(400);
    expect(env.status).toBe('ValidationError');
    expect(env.result?.errors?.map((e) => `${e.code} ${e.source}`)).toEqual([
      'RequiredValue /events/1/event/message',
      'ValueTooLong /events/2/event/action',
      'UnknownField /events/2/event/extra',
      'InvalidDateTime /events/2/event/timestamp',
    ]);
    expect((await call('/v2/log', { body: { events: [] } })).env.result?.errors?.[0]?.source).toBe('/events');
    expect((await call('/v2/log', { body: { events: [1, 2, 3, 4].map((n) => event(n)) } })).env.result?.errors?.[0]?.code).toBe('TooManyItems');
    expect(fake.events()).toHaveLength(0);
  });

  it('refuses the events its `refuse` rule names (a poisoned event) in the same way', async () => {
    fake = await startPangeaFake({ refuse: (e) => (e.message === 'm1' ? { code: 'PolicyViolation', detail: 'poisoned', field: 'message' } : undefined) });
    const { env } = await call('/v2/log', { body: { events: [event(0), event(1)] } });
    expect(env.result?.errors).toEqual([{ code: 'PolicyViolation', detail: 'poisoned', source: '/events/1/event/message' }]);
  });

  it('answers 202 Accepted with a location, settles on the second poll and logs the events only then', async () => {
    fake = await startPangeaFake({ accepted: true });
    const accepted = await call('/v2/log', { body: { events: [event(1)] } });
    expect(accepted).toMatchObject({ http: 202, env: { status: 'Accepted' } });
    const path = `/request/${accepted.env.request_id}`;
    expect(accepted.env.result?.location).toBe(`${fake.url}${path}`);
    expect(fake.events()).toHaveLength(0);
    expect(await call(path, { method: 'GET' })).toMatchObject({ http: 202, env: { status: 'Accepted' } });
    expect(await call(path, { method: 'GET' })).toMatchObject({ http: 200, env: { status: 'Success' } });
    expect(await call(path, { method: 'GET' })).toMatchObject({ http: 200, env: { status: 'Success' } });
    expect(fake.logIds()).toEqual(['id1']);
    expect(await call('/request/prq_unknown', { method: 'GET' })).toMatchObject({ http: 404, env: { status: 'NotFound' } });
    expect(await call(path, { method: 'GET', headers: {} })).toMatchObject({ http: 401 });
    expect(fake.pollRequests()).toHaveLength(5);
  });

  it('/v2/log_async always answers Accepted; a held request never settles; reset forgets everything', async () => {
    fake = await startPangeaFake({ settleAfterPolls: 0 });
    fake.holdAccepted(true);
    const { env } = await call('/v2/log_async', { body: { events: [event(1)] } });
    expect(env.status).toBe('Accepted');
    expect((await call(`/request/${env.request_id}`, { method: 'GET' })).http).toBe(202);
    fake.holdAccepted(false);
    expect((await call(`/request/${env.request_id}`, { method: 'GET' })).http).toBe(200);
    expect(fake.events()).toHaveLength(1);
    fake.reset();
    expect([fake.events().length, fake.requests.length]).toEqual([0, 0]);
  });

  it('answers Accepted only for the requests an `accepted` function picks', async () => {
    fake = await startPangeaFake({ accepted: (req) => (req.json() as { events: unknown[] }).events.length > 1 });
    expect((await call('/v2/log', { body: { events: [event(1)] } })).http).toBe(200);
    expect((await call('/v2/log', { body: { events: [event(2), event(3)] } })).http).toBe(202);
    expect(fake.logIds()).toEqual(['id1']);
  });
});
