// End to end: 5,000 ingested events reach a fake OTLP collector as log records; one poisoned event ends in dead letters.
import { describe, expect, it } from 'vitest';
import { startOtlpFake } from '@outflow/connector-testkit/fakes/otlp';
import { baseConfig } from './support/app.js';
import { runWithOnePoisoned } from './support/poisoned-run.js';
import { useTestApp } from './support/use-test-app.js';

const API_KEY = 'e2e-otlp-api-key-0123456789';
const t = useTestApp();

type Body = { log_id: string; data: Record<string, unknown> };

describe('otlp connector end to end', () => {
  it('delivers 5,000 events as OTel log records, and dead-letters the one the collector refuses', async () => {
    // The collector refuses (400, google.rpc.Status) any request holding the poisoned record; the platform bisects.
    const fake = t.closeAfter(
      await startOtlpFake({
        requiredHeaders: { 'api-key': API_KEY },
        verdict: (r) => ((r.body as Body).data.poison === true ? 'refuse-request' : 'accept'),
      }),
    );
    const sink = `{ endpoint: "${fake.url}", headers: { api-key: "${API_KEY}" }, resourceAttributes: { deployment.environment.name: e2e } }`;
    const app = await t.start(baseConfig(`  - { name: otel, type: otlp, tenant: acme, sink: ${sink} }\n`));
    const delivered = () => new Set(fake.records().map((r) => r.attributes['auth0.log_id'] as string));
    const run = await runWithOnePoisoned(app, { stream: 'otel', delivered, total: 5_001, timeoutMs: 90_000 });
    expect(delivered()).toEqual(new Set(run.ids.filter((id) => id !== run.poisoned)));
    expect(run.letters.map((l) => l.log_id)).toEqual([run.poisoned]);
    expect(run.letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });

    // Each record carries the event as its body, its outcome as severity, and the stream's resource.
    const records = fake.records();
    for (const r of records.slice(0, 50)) {
      const body = r.body as Body;
      expect(body.log_id).toBe(r.attributes['auth0.log_id']);
      expect(r.attributes).toMatchObject({ 'auth0.type': body.data.type, 'user.id': body.data.user_id, 'client.address': body.data.ip });
      expect(r.timeUnixNano).toBe(`${BigInt(Date.parse(body.data.date as string)) * 1_000_000n}`);
      expect(r.severityText).toBe(String(body.data.type).startsWith('f') ? 'WARN' : 'INFO');
      expect(r.resource).toEqual({
        'service.name': 'auth0',
        'auth0.tenant': 'acme',
        'auth0.hostname': 'tenant.example.auth0.com',
        'deployment.environment.name': 'e2e',
      });
      expect(r.scope.name).toBe('outflow');
    }
    // Deliveries are gzipped protobuf (the start probe is an empty, uncompressed export); all carry the key header.
    const requests = fake.logRequests();
    const deliveries = requests.filter((r) => r.rawBody.length > 0);
    expect(deliveries.length).toBeGreaterThanOrEqual(5);
    expect(deliveries.filter((r) => r.headers['content-type'] !== 'application/x-protobuf' || r.headers['content-encoding'] !== 'gzip')).toEqual([]);
    expect(requests.filter((r) => r.headers['api-key'] !== API_KEY)).toEqual([]);
  }, 120_000);
});
