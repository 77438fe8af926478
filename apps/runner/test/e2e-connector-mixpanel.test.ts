// End to end: 5,000 ingested events reach a fake Mixpanel /import keyed by log_id; one it refuses (failed_records) is dead-lettered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isMixpanelDelivery, startMixpanelFake, type MixpanelFake } from '@outflow/connector-testkit/fakes/mixpanel';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingestMany, makeEvent } from './support/events.js';
import { eventually, readUntil } from './support/wait.js';

const CREDENTIALS = { projectId: '3141592', username: 'outflow.e2e.mp-service-account', secret: 'e2e-mixpanel-sa-secret-0123456789' };
const TOTAL = 5_000;

describe('mixpanel connector end to end', () => {
  let fake: MixpanelFake;
  let app: TestApp;

  beforeAll(async () => {
    fake = await startMixpanelFake(CREDENTIALS);
    const sink = `{ mixpanelRegion: eu, mixpanelProjectId: "${CREDENTIALS.projectId}", mixpanelServiceAccountUsername: "${CREDENTIALS.username}", mixpanelServiceAccountPassword: "${CREDENTIALS.secret}", mixpanelHost: "${fake.url}" }`;
    app = await startTestApp(baseConfig(`  - { name: mixpanel, type: mixpanel, tenant: acme, sink: ${sink} }\n`));
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('imports every event once by log_id, and dead-letters the one Mixpanel refuses in failed_records', async () => {
    // Mixpanel refuses a time more than an hour ahead; ingest keeps the event's own date.
    const poisonAt = 2_345;
    let n = 0;
    const events: Array<Record<string, unknown>> = [];
    const ids = await ingestMany(app.url, TOKEN, TOTAL + 1, 500, () => {
      const event = makeEvent(++n === poisonAt ? { date: '2099-01-01T00:00:00.000Z' } : {});
      events.push(event);
      return event;
    });
    const poisoned = ids[poisonAt - 1] as string;
    const delivered = ids.filter((id) => id !== poisoned);
    const logIds = () => new Set(fake.events().map((e) => e.properties.log_id));

    await eventually(() => logIds().size >= TOTAL, 60_000, 'The fake Mixpanel did not import every event in time.');
    expect(logIds()).toEqual(new Set(delivered));
    expect(new Set(fake.uniqueEvents().map((e) => e.properties.log_id)).size).toBe(TOTAL);
    expect(fake.failedRecords().map((r) => r.field)).toEqual(['properties.time']);

    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
    const id = list.find((s) => s.name === 'mixpanel')?.id as string;
    type Letter = { log_id: string; status: number; errorKind: string; message?: string; reason?: string };
    const letters = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as Letter[],
      (l) => l.length > 0,
    );
    expect(letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(JSON.stringify(letters[0])).toContain('properties.time');
    const health = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as { lagEvents: number; deadLetters: number },
      (h) => h.lagEvents === 0 && h.deadLetters === 1,
    );
    expect(health).toMatchObject({ lagEvents: 0, deadLetters: 1 });

    // The wire: gzipped /import?strict=1&project_id=…, at most 2,000 events per request, service account auth.
    const requests = fake.requests.filter(isMixpanelDelivery);
    for (const req of requests) {
      expect(req.headers['content-encoding']).toBe('gzip');
      expect(req.query.get('strict')).toBe('1');
      expect(req.query.get('project_id')).toBe(CREDENTIALS.projectId);
      expect((JSON.parse(req.text()) as unknown[]).length).toBeLessThanOrEqual(2_000);
    }
    // The mapping of an ingested event.
    const sample = events[10] as { log_id: string; type: string; user_id: string; date: string; user_name: string };
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
