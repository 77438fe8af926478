// End to end: events ingested through the API reach a fake Datadog intake as Datadog log items.
import { describe, expect, it } from 'vitest';
import { DATADOG_FAKE_API_KEY, startDatadogFake } from '@outflow/connector-testkit/fakes/datadog';
import { baseConfig, TOKEN } from './support/app.js';
import { ingestMany } from './support/events.js';
import { useTestApp } from './support/use-test-app.js';
import { eventually } from './support/wait.js';

const t = useTestApp();

describe('datadog connector end to end', () => {
  it('delivers every ingested event once as a Datadog log item with the envelope inside', async () => {
    const fake = t.closeAfter(await startDatadogFake());
    const sink = `{ datadogApiKey: "${DATADOG_FAKE_API_KEY}", datadogRegion: eu, datadogEndpoint: "${fake.url}", datadogTags: [env:e2e] }`;
    const app = await t.start(baseConfig(`  - { name: dd, type: datadog, tenant: acme, sink: ${sink} }\n`));
    const ids = await ingestMany(app.url, TOKEN, 1_500, 500);
    await eventually(
      () => new Set(fake.logs().map((l) => l.log_id)).size >= ids.length,
      60_000,
      'The fake Datadog intake did not receive every event in time.',
    );
    const logs = fake.logs();
    expect(new Set(logs.map((l) => l.log_id))).toEqual(new Set(ids));
    for (const log of logs) {
      const data = log.data as { log_id: string; date: string; hostname: string; description: string };
      expect(log).toMatchObject({ ddsource: 'auth0', service: 'auth0', ddtags: 'env:e2e', hostname: data.hostname, message: data.description });
      expect(data.log_id).toBe(log.log_id);
      expect(log.date).toBe(data.date);
    }
    const intake = fake.intakeRequests();
    expect(intake.length).toBeGreaterThanOrEqual(2); // at most 1000 logs per request
    for (const req of intake) {
      expect(req.headers['dd-api-key']).toBe(DATADOG_FAKE_API_KEY);
      expect(req.headers['content-encoding']).toBe('gzip');
      expect((JSON.parse(req.text()) as unknown[]).length).toBeLessThanOrEqual(1000);
    }
  }, 90_000);
});
