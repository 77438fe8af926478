// PII (Auth0 pii_config): mask and xxhash64 of the covered fields at any depth; untouched fast path.
import type { LogEvent } from '@outflow/core';
import xxhash from 'xxhash-wasm';
import { afterEach, describe, expect, it } from 'vitest';
import { coveredFields, maskValue } from '../src/index.js';
import { createHarness, type Harness } from './helpers/harness.js';

const event: LogEvent = {
  type: 's',
  description: 'Success Login',
  user_name: 'jane@example.com',
  ip: '81.2.69.143',
  details: {
    request: { auth: { user: { email: 'jane@example.com', name: 'Jane Doe', user_id: 'auth0|1' } } },
    body: { given_name: 'Jane', family_name: 'Doe', phone_number: '+15550001', address: { street: 'Main 1', zip: 12345 } },
    list: [{ username: 'jd' }],
  },
};

let h: Harness;
afterEach(async () => {
  await h?.supervisor.stop(0);
});

const sentData = (h: Harness, streamId: string) => h.dest.calls.filter((c) => c.streamId === streamId).flatMap((c) => c.raws.map((r) => JSON.parse(r)));

describe('PII', () => {
  it('maps Auth0 data classes to field names', () => {
    expect([...coveredFields({ log_fields: ['first_name', 'last_name'], method: 'mask' })].sort()).toEqual([
      'family_name',
      'first_name',
      'given_name',
      'last_name',
      'name',
    ]);
    expect([...coveredFields({ log_fields: ['phone', 'username'], method: 'mask' })].sort()).toEqual([
      'new_phone_number',
      'old_phone_number',
      'phone',
      'phone_number',
      'user_name',
      'username',
    ]);
    expect(maskValue('héllo')).toBe('*****');
  });

  it('masks covered fields anywhere in data with same-length asterisks, keeping log_id and the rest', async () => {
    h = await createHarness();
    const s = await h.createStream({
      pii_config: { log_fields: ['email', 'first_name', 'last_name', 'phone', 'address', 'username'], method: 'mask', algorithm: 'xxhash' },
    });
    await h.supervisor.start();
    await h.ingest('t1', [event]);
    await h.flush();
    const [env] = sentData(h, s.id);
    expect(env.log_id).toBe(h.dest.calls[0]?.logIds[0]);
    expect(env.data.log_id).toBe(env.log_id);
    expect(env.data.user_name).toBe('****************');
    expect(env.data.details.request.auth.user).toEqual({ email: '****************', name: '********', user_id: 'auth0|1' });
    expect(env.data.details.body).toEqual({ given_name: '****', family_name: '***', phone_number: '*********', address: { street: '******', zip: '*****' } });
    expect(env.data.details.list).toEqual([{ username: '**' }]);
    expect(env.data.ip).toBe('81.2.69.143');
    expect(env.data.description).toBe('Success Login');
    expect(h.dest.calls[0]?.seqs).toEqual([1]);
    expect((await h.stream(s.id)).state.cursor).toBe(1);
  });

  it('hashes covered fields with xxhash64 (seed 0, hex) and leaves other classes alone', async () => {
    const { h64ToString } = await xxhash();
    h = await createHarness();
    const s = await h.createStream({ pii_config: { log_fields: ['email'], method: 'hash', algorithm: 'xxhash' } });
    await h.supervisor.start();
    await h.ingest('t1', [event]);
    await h.flush();
    const [env] = sentData(h, s.id);
    expect(env.data.details.request.auth.user.email).toBe(h64ToString('jane@example.com'));
    expect(env.data.details.request.auth.user.email).toMatch(/^[0-9a-f]{16}$/);
    expect(env.data.user_name).toBe('jane@example.com');
    expect(env.data.details.request.auth.user.name).toBe('Jane Doe');
  });

  it('a stream without pii_config receives the identical stored bytes', async () => {
    h = await createHarness();
    const plain = await h.createStream();
    const masked = await h.createStream({ pii_config: { log_fields: ['email'], method: 'mask' } });
    await h.supervisor.start();
    const odd = '{"log_id":"900x","data":{"type":"s",  "email":"a@b.c", "n": 1.50}}';
    await h.ingest('t1', [event]);
    // A stored text that is not JSON.stringify-canonical: a re-serialization would change it.
    const lines = Buffer.from(`${odd}\n`);
    await h.store.events.append({
      tenant: 't1',
      lines,
      ends: Uint32Array.of(lines.length),
      logIds: ['900x'],
      types: ['s'],
      dates: Float64Array.of(h.clock.now()),
    });
    await h.flush();
    const stored = await h.store.events.read({ tenant: 't1', afterSeq: 0, filter: null, maxEvents: 10, maxBytes: 1e6 });
    const plainRaws = h.dest.calls.filter((c) => c.streamId === plain.id).flatMap((c) => c.raws);
    expect(plainRaws).toEqual([stored.batch.raw(0).toString(), odd]);
    const maskedRaws = h.dest.calls.filter((c) => c.streamId === masked.id).flatMap((c) => c.raws);
    expect(maskedRaws[1]).not.toBe(odd);
    expect(JSON.parse(maskedRaws[1] as string).data.email).toBe('*****');
  });
});
