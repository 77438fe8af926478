// End to end: 5,000 ingested events reach a fake OTLP collector as log records; one poisoned event ends in dead letters.
import { afterEach, describe, expect, it } from 'vitest';
import { startOtlpFake, type OtlpFake } from '@outflow/connector-testkit/fakes/otlp';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingestMany, makeEvent } from './support/events.js';
import { eventually, readUntil } from './support/wait.js';

const API_KEY = 'e2e-otlp-api-key-0123456789';

let app: TestApp | undefined;
let fake: OtlpFake | undefined;
afterEach(async () => {
  await app?.stop();
  await fake?.close();
  app = undefined;
  fake = undefined;
});

type Body = { log_id: string; data: Record<string, unknown> };

describe('otlp connector end to end', () => {
  it('delivers 5,000 events as OTel log records, and dead-letters the one the collector refuses', async () => {
    // The collector refuses (400, google.rpc.Status) any request holding the poisoned record; the platform bisects.
    fake = await startOtlpFake({
      requiredHeaders: { 'api-key': API_KEY },
      verdict: (r) => ((r.body as Body).data.poison === true ? 'refuse-request' : 'accept'),
    });
    const sink = `{ endpoint: "${fake.url}", headers: { api-key: "${API_KEY}" }, resourceAttributes: { deployment.environment.name: e2e } }`;
    app = await startTestApp(baseConfig(`  - { name: otel, type: otlp, tenant: acme, sink: ${sink} }\n`));
    let n = 0;
    const poisonAt = 2_345;
    const ids = await ingestMany(app.url, TOKEN, 5_001, 500, () => makeEvent(++n === poisonAt ? { poison: true } : {}));
    const poisoned = ids[poisonAt - 1] as string;
    const delivered = () => new Set(fake!.records().map((r) => r.attributes['auth0.log_id'] as string));
    await eventually(() => delivered().size >= 5_000, 90_000, 'The fake collector did not receive 5,000 records.');
    expect(delivered()).toEqual(new Set(ids.filter((id) => id !== poisoned)));

    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
    const id = list.find((s) => s.name === 'otel')?.id as string;
    type Letter = { log_id: string; status: number; errorKind: string };
    const letters = await readUntil(
      async () => (await (await app!.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as Letter[],
      (l) => l.length > 0,
    );
    expect(letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });

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
