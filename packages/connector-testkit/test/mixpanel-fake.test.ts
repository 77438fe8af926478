// The fake Mixpanel Import API: auth, project, encodings, request limits and the strict per-event validation.
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MIXPANEL_LIMITS, startMixpanelFake, type MixpanelFake } from '../src/fakes/mixpanel.js';

const NOW = Date.UTC(2026, 11, 7, 12);
const AUTH = `Basic ${Buffer.from('sa-user:sa-secret').toString('base64')}`;
let fake: MixpanelFake;
beforeEach(async () => {
  fake = await startMixpanelFake({ projectId: '42', username: 'sa-user', secret: 'sa-secret', now: () => NOW });
});
afterEach(() => fake.close());

const event = (id: string, props: Record<string, unknown> = {}) => ({
  event: 'Login',
  properties: { time: NOW - 1000, distinct_id: 'u1', $insert_id: id, ...props },
});

async function post(body: unknown, init: { query?: string; headers?: Record<string, string>; raw?: Buffer | string } = {}) {
  const res = await fetch(`${fake.url}/import?${init.query ?? 'strict=1&project_id=42'}`, {
    method: 'POST',
    headers: { authorization: AUTH, 'content-type': 'application/json', ...init.headers },
    body: init.raw ?? JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('fake Mixpanel /import', () => {
  it('imports valid events and answers 200 with the count', async () => {
    expect(await post([event('a'), event('b')])).toEqual({ status: 200, body: { code: 200, num_records_imported: 2, status: 'OK' } });
    expect(fake.events().map((e) => e.properties.$insert_id)).toEqual(['a', 'b']);
  });

  it('checks the service account and the project', async () => {
    expect((await post([event('a')], { headers: { authorization: 'Basic eDp5' } })).status).toBe(401);
    expect((await post([event('a')], { headers: { authorization: '' } })).body).toMatchObject({ code: 401, error: 'Invalid credentials' });
    expect((await post([event('a')], { query: 'strict=1&project_id=7' })).status).toBe(401);
    expect((await post([event('a')], { query: 'strict=1' })).status).toBe(401);
    expect(fake.events()).toHaveLength(0);
  });

  it('reads gzip and NDJSON, and refuses other content types and encodings', async () => {
    const gz = gzipSync(JSON.stringify([event('a')]));
    expect((await post(undefined, { raw: gz, headers: { 'content-encoding': 'gzip' } })).status).toBe(200);
    const nd = `${JSON.stringify(event('b'))}\n${JSON.stringify(event('c'))}\n`;
    expect((await post(undefined, { raw: nd, headers: { 'content-type': 'application/x-ndjson' } })).body).toMatchObject({ num_records_imported: 2 });
    expect((await post([event('d')], { headers: { 'content-type': 'text/plain' } })).status).toBe(400);
    expect((await post([event('d')], { headers: { 'content-encoding': 'br' } })).status).toBe(400);
    expect((await post(undefined, { raw: '[{"event":' })).body).toMatchObject({ code: 400 });
  });

  it('refuses more than 2,000 events and more than 10 MB uncompressed (413), even when gzip makes it small', async () => {
    const many = Array.from({ length: 2001 }, (_, i) => event(`id-${i}`));
    expect((await post(many)).status).toBe(400);
    const big = [event('big', { blob: 'x'.repeat(MIXPANEL_LIMITS.maxRequestBytes) })];
    const res = await post(undefined, { raw: gzipSync(JSON.stringify(big)), headers: { 'content-encoding': 'gzip' } });
    expect(res).toMatchObject({ status: 413, body: { code: 413, status: 'Request Entity Too Large' } });
    expect(fake.events()).toHaveLength(0);
  });

  it('answers a strict 400 naming each invalid event, and imports the valid ones', async () => {
    const deep = { a: { b: { c: { d: 1 } } } };
    const batch = [
      event('ok-1'),
      { event: '', properties: event('x').properties },
      event('t1', { time: NOW + 2 * 3600_000 }),
      event('t2', { time: Date.UTC(1970, 5, 1) / 1000 }),
      event('d1', { distinct_id: 'undefined' }),
      event('this-insert-id-is-longer-than-thirty-six'),
      event('bad_chars'),
      event('deep', { deep }),
      event('list', { list: Array.from({ length: 255 }, () => 1) }),
      event('wide', Object.fromEntries(Array.from({ length: 260 }, (_, i) => [`p${i}`, i]))),
      event('ok-2'),
    ];
    const { status, body } = await post(batch);
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 400, num_records_imported: 2, status: 'Bad Request' });
    const failed = body.failed_records as Array<{ index: number; field: string; $insert_id?: string }>;
    expect(failed.map((f) => [f.index, f.field])).toEqual([
      [1, 'event'],
      [2, 'properties.time'],
      [3, 'properties.time'],
      [4, 'properties.distinct_id'],
      [5, 'properties.$insert_id'],
      [6, 'properties.$insert_id'],
      [7, 'properties.deep'],
      [8, 'properties.list'],
      [9, 'properties'],
    ]);
    expect(failed[1]?.$insert_id).toBe('t1');
    expect(fake.events().map((e) => e.properties.$insert_id)).toEqual(['ok-1', 'ok-2']);
    expect(fake.failedRecords()).toHaveLength(9);
  });

  it('drops invalid events silently without strict=1', async () => {
    expect(await post([event('ok'), event('bad', { time: 'now' })], { query: 'project_id=42' })).toMatchObject({
      status: 200,
      body: { num_records_imported: 1 },
    });
    expect(fake.dropped()).toHaveLength(1);
  });

  it('stores times in ms, a time within the hour ahead as now, and strings cut to 255 characters', async () => {
    await post([event('s', { time: 1_700_000_000, long: 'y'.repeat(300) }), event('f', { time: NOW + 60_000 })]);
    const [s, f] = fake.events();
    expect(s?.properties).toMatchObject({ time: 1_700_000_000_000, long: 'y'.repeat(255) });
    expect(f?.properties.time).toBe(NOW);
  });

  it('shows one event per (event, time, distinct_id, $insert_id)', async () => {
    await post([event('a'), event('a'), event('b')]);
    expect(fake.events()).toHaveLength(3);
    expect(fake.uniqueEvents().map((e) => e.properties.$insert_id)).toEqual(['a', 'b']);
  });

  it('applies an extra refusal rule the way Mixpanel reports its own', async () => {
    await fake.close();
    fake = await startMixpanelFake({
      projectId: '42',
      username: 'sa-user',
      secret: 'sa-secret',
      refuse: (e) => (e.properties.poison ? { field: 'properties.poison', message: 'poisoned' } : undefined),
    });
    const { body } = await post([event('a'), event('p', { poison: true })]);
    expect(body).toMatchObject({ num_records_imported: 1, failed_records: [{ index: 1, $insert_id: 'p', field: 'properties.poison', message: 'poisoned' }] });
    expect(fake.importRequests()).toHaveLength(1);
  });
});
