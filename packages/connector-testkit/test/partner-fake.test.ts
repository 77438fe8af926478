// The "webhook with token" fake answers as an intake that checks its token, content type, layout, size and events.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARTNER_FAKE_TOKEN, startPartnerFake, type PartnerFake } from '../src/fakes/partner.js';

let fake: PartnerFake;
beforeEach(async () => {
  fake = await startPartnerFake({ maxBodyBytes: 1000, invalid: (e) => e.bad === true });
});
afterEach(() => fake.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(fake.intakeUrl, { method: 'POST', body, headers: { authorization: `Bearer ${PARTNER_FAKE_TOKEN}`, 'content-type': 'application/json', ...headers } });

describe('partner fake', () => {
  it('accepts a JSON array with the token and keeps its events', async () => {
    expect((await post('[{"log_id":"a"},{"log_id":"b"}]')).status).toBe(200);
    expect(fake.events()).toEqual([{ log_id: 'a' }, { log_id: 'b' }]);
  });

  it('refuses a missing or wrong token, another content type, the wrong layout, bad JSON, a big body and an invalid event', async () => {
    const answers = [
      await fetch(fake.intakeUrl, { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } }),
      await post('[]', { authorization: 'Bearer nope' }),
      await post('[]', { 'content-type': 'text/plain' }),
      await post('{"log_id":"a"}\n'),
      await post('[{"log_id":'),
      await post(`[${'{"x":1},'.repeat(200)}{}]`),
      await post('[{"log_id":"a"},{"bad":true}]'),
    ];
    expect(answers.map((r) => r.status)).toEqual([401, 403, 415, 400, 400, 413, 400]);
    expect(((await answers[6]!.json()) as { error: string }).error).toBe('event 1 is invalid');
    expect(fake.events()).toEqual([]);
  });

  it('takes JSON Lines when told so, and 404s other paths', async () => {
    const lines = await startPartnerFake({ path: '/in', layout: 'lines' });
    try {
      const res = await fetch(lines.intakeUrl, {
        method: 'POST',
        body: '{"a":1}\n{"a":2}\n',
        headers: { authorization: `Bearer ${PARTNER_FAKE_TOKEN}`, 'content-type': 'application/json' },
      });
      expect(res.status).toBe(200);
      expect(lines.events()).toEqual([{ a: 1 }, { a: 2 }]);
      expect((await fetch(`${lines.url}/other`, { method: 'POST', body: '' })).status).toBe(404);
    } finally {
      await lines.close();
    }
  });
});
