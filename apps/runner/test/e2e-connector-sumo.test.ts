// End to end: 5,000 events reach a fake Sumo HTTP source as gzip JSON lines; one poisoned event is refused and dead-lettered.
import { describe, expect, it } from 'vitest';
import { startSumoFake, SUMO_FAKE_CODE } from '@outflow/connector-testkit/fakes/sumo';
import { baseConfig } from './support/app.js';
import { runWithOnePoisoned } from './support/poisoned-run.js';
import { useTestApp } from './support/use-test-app.js';

const t = useTestApp();

describe('sumo connector end to end', () => {
  it('delivers every event but the poisoned one, counted by log_id, and dead-letters the poisoned one', async () => {
    // The source refuses a request holding the poisoned line with 400, as a whole (Sumo has no per-message results).
    const fake = t.closeAfter(await startSumoFake({ refuse: (line) => line.includes('"poison":true') }));
    const sink = `{ sumoSourceAddress: "${fake.sourceAddress}", sumoCategory: prod/auth0, sumoHost: acme.auth0.com, sumoFields: { env: e2e, team: identity } }`;
    const app = await t.start(baseConfig(`  - { name: sumo, type: sumo, tenant: acme, sink: ${sink} }\n`));
    const run = await runWithOnePoisoned(app, { stream: 'sumo', delivered: () => new Set(fake.logIds()), health: true, timeoutMs: 90_000 });

    expect(new Set(fake.logIds())).toEqual(new Set(run.ids.filter((id) => id !== run.poisoned)));
    // Each message is one stored envelope, with the request's metadata headers.
    for (const m of fake.messages()) {
      expect(m).toMatchObject({ category: 'prod/auth0', host: 'acme.auth0.com', fields: { env: 'e2e', team: 'identity' } });
      const envelope = JSON.parse(m.text) as { log_id: string; data: { log_id: string } };
      expect(envelope.data.log_id).toBe(envelope.log_id);
    }
    const deliveries = fake.deliveries();
    expect(deliveries.length).toBeGreaterThanOrEqual(run.ids.length / 1000); // under 1 MB per request
    for (const req of deliveries) {
      expect(req.headers['content-encoding']).toBe('gzip');
      expect(req.headers['content-type']).toBe('application/x-ndjson');
      expect(req.body.length).toBeLessThanOrEqual(1_000_000);
    }
    expect(deliveries.filter((r) => r.text().includes('"poison":true')).length).toBeGreaterThan(0);

    expect(run.letters.map((l) => l.log_id)).toEqual([run.poisoned]);
    expect(run.letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(run.health).toMatchObject({ lagEvents: 0, deadLetters: 1 });
    // The source address is the credential: it never reaches the runner's logs or the stream's API view.
    expect(app.logs.join('')).not.toContain(SUMO_FAKE_CODE);
    expect(JSON.stringify(run.streams)).not.toContain(SUMO_FAKE_CODE);
  }, 120_000);
});
