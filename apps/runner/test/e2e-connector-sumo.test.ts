// End to end: 5,000 events reach a fake Sumo HTTP source as gzip JSON lines; one poisoned event is refused and dead-lettered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSumoFake, SUMO_FAKE_CODE, type SumoFake } from '@outflow/connector-testkit/fakes/sumo';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingestMany, makeEvent } from './support/events.js';
import { eventually, readUntil } from './support/wait.js';

const TOTAL = 5_000;
const POISON_AT = 2_345;

describe('sumo connector end to end', () => {
  let fake: SumoFake;
  let app: TestApp;

  beforeAll(async () => {
    // The source refuses a request holding the poisoned line with 400, as a whole (Sumo has no per-message results).
    fake = await startSumoFake({ refuse: (line) => line.includes('"poison":true') });
    const sink = `{ sumoSourceAddress: "${fake.sourceAddress}", sumoCategory: prod/auth0, sumoHost: acme.auth0.com, sumoFields: { env: e2e, team: identity } }`;
    app = await startTestApp(baseConfig(`  - { name: sumo, type: sumo, tenant: acme, sink: ${sink} }\n`));
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('delivers every event but the poisoned one, counted by log_id, and dead-letters the poisoned one', async () => {
    let n = 0;
    const ids = await ingestMany(app.url, TOKEN, TOTAL, 500, () => makeEvent(++n === POISON_AT ? { poison: true } : {}));
    const poisoned = ids[POISON_AT - 1] as string;
    const expected = new Set(ids.filter((id) => id !== poisoned));
    await eventually(() => new Set(fake.logIds()).size >= expected.size, 90_000, 'The fake Sumo source did not receive every event.');

    expect(new Set(fake.logIds())).toEqual(expected);
    // Each message is one stored envelope, with the request's metadata headers.
    for (const m of fake.messages()) {
      expect(m).toMatchObject({ category: 'prod/auth0', host: 'acme.auth0.com', fields: { env: 'e2e', team: 'identity' } });
      const envelope = JSON.parse(m.text) as { log_id: string; data: { log_id: string } };
      expect(envelope.data.log_id).toBe(envelope.log_id);
    }
    const deliveries = fake.deliveries();
    expect(deliveries.length).toBeGreaterThanOrEqual(TOTAL / 1000); // under 1 MB per request
    for (const req of deliveries) {
      expect(req.headers['content-encoding']).toBe('gzip');
      expect(req.headers['content-type']).toBe('application/x-ndjson');
      expect(req.body.length).toBeLessThanOrEqual(1_000_000);
    }
    expect(deliveries.filter((r) => r.text().includes('"poison":true')).length).toBeGreaterThan(0);

    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
    const id = list.find((s) => s.name === 'sumo')?.id as string;
    type Letter = { log_id: string; status: number; errorKind: string };
    const letters = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as Letter[],
      (l) => l.length > 0,
    );
    expect(letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    const health = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as { lagEvents: number; deadLetters: number },
      (h) => h.lagEvents === 0 && h.deadLetters === 1,
    );
    expect(health).toMatchObject({ lagEvents: 0, deadLetters: 1 });
    // The source address is the credential: it never reaches the runner's logs or the stream's API view.
    expect(app.logs.join('')).not.toContain(SUMO_FAKE_CODE);
    expect(JSON.stringify(list)).not.toContain(SUMO_FAKE_CODE);
  }, 120_000);
});
