// End to end: 5,000 events ingested through the API reach a fake Pangea Secure Audit Log, some requests Accepted and polled; one poisoned event is a dead letter.
import { describe, expect, it } from 'vitest';
import { PANGEA_FAKE_CONFIG_ID, PANGEA_FAKE_TOKEN, startPangeaFake } from '@outflow/connector-testkit/fakes/pangea';
import { baseConfig } from './support/app.js';
import { runWithOnePoisoned } from './support/poisoned-run.js';
import { useTestApp } from './support/use-test-app.js';

const t = useTestApp();

describe('pangea connector end to end', () => {
  it('logs all 5,000 events once, mapped to the Auth0 Log Streaming fields, and dead-letters the poisoned one', async () => {
    let posts = 0;
    const fake = t.closeAfter(
      await startPangeaFake({
        requireConfigId: true,
        // Every other /v2/log request is Accepted (202) and settles on its first poll.
        accepted: () => ++posts % 2 === 0,
        settleAfterPolls: 0,
        // The config's schema refuses the poisoned event, as a ValidationError naming it.
        refuse: (event) =>
          String(event.new).includes('"poison":true') ? { code: 'SchemaViolation', detail: 'poison is not allowed', field: 'new' } : undefined,
      }),
    );
    const sink = `{ pangeaToken: "${PANGEA_FAKE_TOKEN}", pangeaConfigId: "${PANGEA_FAKE_CONFIG_ID}", pangeaBaseUrl: "${fake.url}" }`;
    const app = await t.start(baseConfig(`  - { name: audit, type: pangea, tenant: acme, sink: ${sink} }\n`));
    const run = await runWithOnePoisoned(app, { stream: 'audit', delivered: () => new Set(fake.logIds()), health: true, timeoutMs: 90_000 });
    const expected = new Set(run.ids.filter((id) => id !== run.poisoned));

    const logged = fake.logIds();
    expect(new Set(logged)).toEqual(expected);
    expect(logged).toHaveLength(expected.size); // each once
    for (const event of fake.events()) {
      const { data } = JSON.parse(String(event.new)) as { data: Record<string, string> };
      expect(event).toEqual({
        message: data.description,
        actor: data.user_name,
        action: data.type,
        target: data.client_name,
        status: expect.stringMatching(/^(success|failure|notification|info)$/),
        source: data.ip,
        timestamp: data.date,
        new: expect.any(String),
      });
    }
    const requests = fake.logRequests();
    for (const req of requests) {
      expect(req.headers.authorization).toBe(`Bearer ${PANGEA_FAKE_TOKEN}`);
      const body = req.json<{ config_id: string; events: unknown[] }>();
      expect(body.config_id).toBe(PANGEA_FAKE_CONFIG_ID);
      expect(body.events.length).toBeLessThanOrEqual(1000);
    }
    expect(requests.length).toBeGreaterThanOrEqual(5);
    // Accepted requests were polled until they settled.
    expect(fake.pollRequests().length).toBeGreaterThan(0);

    expect(run.letters.map((l) => l.log_id)).toEqual([run.poisoned]);
    expect(run.letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(run.letters[0]?.message).toMatch(/ValidationError/);
    expect(run.health).toMatchObject({ lagEvents: 0, deadLetters: 1 });
  }, 120_000);
});
