// End to end: events ingested into the runner reach a fake EventBridge as PutEvents entries carrying the envelope.
import { describe, expect, it } from 'vitest';
import { startEventBridgeFake } from '@outflow/connector-testkit/fakes/eventbridge';
import { baseConfig, TOKEN } from './support/app.js';
import { useTestApp } from './support/use-test-app.js';
import { eventually } from './support/wait.js';
import { ingestMany } from './support/events.js';

const ACCESS_KEY = 'AKIDE2EOUTFLOW00001';
const SECRET_KEY = 'e2e/secret+access/key0123456789abcdef';

const t = useTestApp();

describe('eventbridge connector end to end', () => {
  it('puts every ingested event on the bus with detail = the {log_id, data} envelope', async () => {
    const fake = t.closeAfter(await startEventBridgeFake({ accessKeyId: ACCESS_KEY, buses: ['auth0-logs'] }));
    const sink = `{ awsRegion: us-east-1, eventBusName: auth0-logs, awsEndpoint: "${fake.url}", awsAccessKeyId: ${ACCESS_KEY}, awsSecretAccessKey: "${SECRET_KEY}" }`;
    const app = await t.start(baseConfig(`  - { name: bus, type: eventbridge, tenant: acme, sink: ${sink} }\n`));
    const ids = await ingestMany(app.url, TOKEN, 55, 55);

    const detailIds = () => new Set(fake.entries().map((e) => (JSON.parse(e.Detail) as { log_id: string }).log_id));
    await eventually(() => detailIds().size >= 55);
    expect(detailIds()).toEqual(new Set(ids));
    for (const entry of fake.entries()) {
      const detail = JSON.parse(entry.Detail) as { log_id: string; data: { log_id: string; date: string } };
      expect(entry).toMatchObject({ Source: 'outflow.auth0', DetailType: 'Auth0 log', EventBusName: 'auth0-logs', bus: 'auth0-logs' });
      expect(detail.data.log_id).toBe(detail.log_id);
      expect(entry.Time).toBe(Date.parse(detail.data.date) / 1000);
    }
    const perCall = fake.requests
      .filter((r) => r.headers['x-amz-target'] === 'AWSEvents.PutEvents')
      .map((r) => r.json<{ Entries: unknown[] }>().Entries.length);
    expect(Math.max(...perCall)).toBeLessThanOrEqual(10);
  }, 60_000);
});
