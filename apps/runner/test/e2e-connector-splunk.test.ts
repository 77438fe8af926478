// End to end: events ingested through the API reach a fake Splunk HEC as acknowledged HEC events.
import { describe, expect, it } from 'vitest';
import { SPLUNK_FAKE_TOKEN, startSplunkFake } from '@outflow/connector-testkit/fakes/splunk';
import { baseConfig, TOKEN } from './support/app.js';
import { ingestMany } from './support/events.js';
import { useTestApp } from './support/use-test-app.js';
import { eventually } from './support/wait.js';

const t = useTestApp();

describe('splunk connector end to end', () => {
  it('delivers every ingested event as a HEC event whose event is the envelope, each batch acknowledged', async () => {
    const fake = t.closeAfter(await startSplunkFake({ ack: true }));
    const sink = `{ splunkDomain: "${fake.url}", splunkToken: "${SPLUNK_FAKE_TOKEN}", splunkPort: "8088", splunkSecure: true, splunkIndex: auth0, splunkAck: true, splunkCompression: gzip }`;
    const app = await t.start(baseConfig(`  - { name: hec, type: splunk, tenant: acme, sink: ${sink} }\n`));
    const ids = await ingestMany(app.url, TOKEN, 1_500, 500);
    const seen = () => new Set(fake.events().map((e) => (e.event as { log_id: string }).log_id));
    // Requests that carried events (a healthcheck's probe POSTs an empty body).
    const deliveries = () => fake.eventRequests().filter((r) => r.body.length > 0);
    // Each send polls for its ackId after posting the events, so the last poll comes a little later.
    await eventually(
      () => seen().size >= ids.length && fake.ackRequests().length >= deliveries().length,
      60_000,
      'The fake Splunk HEC did not receive and acknowledge every event in time.',
    );
    expect(seen()).toEqual(new Set(ids));
    for (const e of fake.events()) {
      const envelope = e.event as { log_id: string; data: { log_id: string; date: string; hostname: string } };
      expect(envelope.data.log_id).toBe(envelope.log_id);
      expect(e).toMatchObject({ source: 'auth0', sourcetype: 'auth0', index: 'auth0', host: envelope.data.hostname });
      expect(e.time).toBe(Date.parse(envelope.data.date) / 1000);
    }
    for (const req of deliveries()) {
      expect(req.headers.authorization).toBe(`Splunk ${SPLUNK_FAKE_TOKEN}`);
      expect(req.headers['content-encoding']).toBe('gzip');
    }
    // Every ackId the fake handed out (0, 1, …) was polled, all on the connector's one channel.
    const acked = new Set(fake.ackRequests().map((r) => (r.json() as { acks: number[] }).acks[0]));
    expect(acked).toEqual(new Set(deliveries().map((_, i) => i)));
    expect(new Set(fake.requests.map((r) => r.headers['x-splunk-request-channel'])).size).toBe(1);
  }, 90_000);
});
