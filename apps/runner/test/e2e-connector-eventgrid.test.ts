// End to end: 5,000 ingested events reach a fake Event Grid topic as CloudEvents (counted by log_id); one poisoned event is dead-lettered.
import { describe, expect, it } from 'vitest';
import { EVENTGRID_FAKE_KEY, startEventgridFake } from '@outflow/connector-testkit/fakes/eventgrid';
import { baseConfig } from './support/app.js';
import { runWithOnePoisoned } from './support/poisoned-run.js';
import { useTestApp } from './support/use-test-app.js';

const t = useTestApp();

describe('eventgrid connector end to end', () => {
  it('delivers every event once as a CloudEvent and dead-letters the one Event Grid refuses', async () => {
    // Event Grid refuses a whole request with 400 when one event is invalid; the platform's bisection must isolate it.
    const fake = t.closeAfter(
      await startEventgridFake({ refuse: (e) => ((e.data as { poison?: unknown } | undefined)?.poison === true ? 'The event is poisoned.' : undefined) }),
    );
    const sink = `{ endpoint: "${fake.url}/api/events", accessKey: "${EVENTGRID_FAKE_KEY}", azureSubscriptionId: 00000000-1111-2222-3333-444444444444, azureResourceGroup: auth0-logs }`;
    const app = await t.start(baseConfig(`  - { name: eg, type: eventgrid, tenant: acme, sink: ${sink} }\n`));
    const delivered = () => new Set(fake.events().map((e) => e.id));
    const run = await runWithOnePoisoned(app, { stream: 'eg', delivered, timeoutMs: 90_000 });
    expect(delivered()).toEqual(new Set(run.ids.filter((id) => id !== run.poisoned)));

    for (const event of fake.events()) {
      const data = event.data as { log_id: string; date: string; type: string; user_id: string };
      expect(event).toMatchObject({ specversion: '1.0', source: 'urn:auth0:acme', type: `com.auth0.log.${data.type}`, subject: data.user_id });
      expect(data.log_id).toBe(event.id);
      expect(new Date(event.time as string).toISOString()).toBe(data.date);
    }
    for (const req of fake.publishRequests()) {
      expect(req.headers['aeg-sas-key']).toBe(EVENTGRID_FAKE_KEY);
      expect(req.headers['content-type']).toBe('application/cloudevents-batch+json; charset=utf-8');
      expect(req.body.length).toBeLessThanOrEqual(1024 * 1024);
    }
    expect(fake.publishRequests().some((r) => r.text().includes('"poison":true'))).toBe(true);

    expect(run.letters.map((l) => l.log_id)).toEqual([run.poisoned]);
    expect(run.letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(delivered().has(run.poisoned)).toBe(false);
  }, 120_000);
});
