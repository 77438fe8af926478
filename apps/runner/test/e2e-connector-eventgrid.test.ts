// End to end: 5,000 ingested events reach a fake Event Grid topic as CloudEvents (counted by log_id); one poisoned event is dead-lettered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTGRID_FAKE_KEY, startEventgridFake, type EventgridFake } from '@outflow/connector-testkit/fakes/eventgrid';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingestMany, makeEvent } from './support/events.js';
import { eventually, readUntil } from './support/wait.js';

const TOTAL = 5_000;
const POISON_AT = 2_345;

describe('eventgrid connector end to end', () => {
  let fake: EventgridFake;
  let app: TestApp;

  beforeAll(async () => {
    // Event Grid refuses a whole request with 400 when one event is invalid; the platform's bisection must isolate it.
    fake = await startEventgridFake({ refuse: (e) => ((e.data as { poison?: unknown } | undefined)?.poison === true ? 'The event is poisoned.' : undefined) });
    const sink = `{ endpoint: "${fake.url}/api/events", accessKey: "${EVENTGRID_FAKE_KEY}", azureSubscriptionId: 00000000-1111-2222-3333-444444444444, azureResourceGroup: auth0-logs }`;
    app = await startTestApp(baseConfig(`  - { name: eg, type: eventgrid, tenant: acme, sink: ${sink} }\n`));
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('delivers every event once as a CloudEvent and dead-letters the one Event Grid refuses', async () => {
    let n = 0;
    const ids = await ingestMany(app.url, TOKEN, TOTAL, 500, () => makeEvent(++n === POISON_AT ? { poison: true } : {}));
    const poisoned = ids[POISON_AT - 1] as string;
    const expected = new Set(ids.filter((id) => id !== poisoned));
    const delivered = () => new Set(fake.events().map((e) => e.id));
    await eventually(() => delivered().size >= expected.size, 90_000, 'The fake Event Grid topic did not receive every event.');
    expect(delivered()).toEqual(expected);

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

    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
    const id = list.find((s) => s.name === 'eg')?.id as string;
    type Letter = { log_id: string; status: number; errorKind: string };
    const letters = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as Letter[],
      (l) => l.length > 0,
    );
    expect(letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(delivered().has(poisoned)).toBe(false);
  }, 120_000);
});
