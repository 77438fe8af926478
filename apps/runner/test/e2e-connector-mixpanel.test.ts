// End to end: 5,000 ingested events reach a fake Mixpanel /import keyed by log_id; one it refuses (failed_records) is dead-lettered.
import { describe, expect, it } from 'vitest';
import { isMixpanelDelivery, startMixpanelFake } from '@outflow/connector-testkit/fakes/mixpanel';
import { baseConfig } from './support/app.js';
import { runWithOnePoisoned } from './support/poisoned-run.js';
import { useTestApp } from './support/use-test-app.js';

const CREDENTIALS = { projectId: '3141592', username: 'outflow.e2e.mp-service-account', secret: 'e2e-mixpanel-sa-secret-0123456789' };
const TOTAL = 5_000;
const t = useTestApp();

describe('mixpanel connector end to end', () => {
  it('imports every event once by log_id, and dead-letters the one Mixpanel refuses in failed_records', async () => {
    const fake = t.closeAfter(await startMixpanelFake(CREDENTIALS));
    const sink = `{ mixpanelRegion: eu, mixpanelProjectId: "${CREDENTIALS.projectId}", mixpanelServiceAccountUsername: "${CREDENTIALS.username}", mixpanelServiceAccountPassword: "${CREDENTIALS.secret}", mixpanelHost: "${fake.url}" }`;
    const app = await t.start(baseConfig(`  - { name: mixpanel, type: mixpanel, tenant: acme, sink: ${sink} }\n`));
    const logIds = () => new Set(fake.events().map((e) => e.properties.log_id));
    // Mixpanel refuses a time more than an hour ahead; ingest keeps the event's own date.
    const poison = { date: '2099-01-01T00:00:00.000Z' };
    const run = await runWithOnePoisoned(app, { stream: 'mixpanel', delivered: logIds, total: TOTAL + 1, poison, health: true, timeoutMs: 60_000 });

    expect(logIds()).toEqual(new Set(run.ids.filter((id) => id !== run.poisoned)));
    expect(new Set(fake.uniqueEvents().map((e) => e.properties.log_id)).size).toBe(TOTAL);
    expect(fake.failedRecords().map((r) => r.field)).toEqual(['properties.time']);

    expect(run.letters.map((l) => l.log_id)).toEqual([run.poisoned]);
    expect(run.letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(JSON.stringify(run.letters[0])).toContain('properties.time');
    expect(run.health).toMatchObject({ lagEvents: 0, deadLetters: 1 });

    // The wire: gzipped /import?strict=1&project_id=…, at most 2,000 events per request, service account auth.
    const requests = fake.requests.filter(isMixpanelDelivery);
    for (const req of requests) {
      expect(req.headers['content-encoding']).toBe('gzip');
      expect(req.query.get('strict')).toBe('1');
      expect(req.query.get('project_id')).toBe(CREDENTIALS.projectId);
      expect((JSON.parse(req.text()) as unknown[]).length).toBeLessThanOrEqual(2_000);
    }
    // The mapping of an ingested event.
    const sample = run.events[10] as { log_id: string; type: string; user_id: string; date: string; user_name: string };
    const imported = fake.events().find((e) => e.properties.log_id === sample.log_id);
    expect(imported?.properties).toMatchObject({
      distinct_id: sample.user_id,
      time: Date.parse(sample.date),
      type: sample.type,
      user_name: sample.user_name,
      $insert_id: expect.stringMatching(/^[a-f0-9]{36}$/),
      'details.session_id': expect.stringMatching(/^sess-/),
    });
  }, 120_000);
});
