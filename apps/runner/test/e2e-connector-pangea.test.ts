// End to end: 5,000 events ingested through the API reach a fake Pangea Secure Audit Log, some requests Accepted and polled; one poisoned event is a dead letter.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PANGEA_FAKE_CONFIG_ID, PANGEA_FAKE_TOKEN, startPangeaFake, type PangeaFake } from '@outflow/connector-testkit/fakes/pangea';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingestMany, makeEvent } from './support/events.js';
import { eventually, readUntil } from './support/wait.js';

interface Letter {
  log_id: string;
  status: number;
  errorKind: string;
  message: string;
}

describe('pangea connector end to end', () => {
  let fake: PangeaFake;
  let app: TestApp;
  let posts = 0;

  beforeAll(async () => {
    fake = await startPangeaFake({
      requireConfigId: true,
      // Every other /v2/log request is Accepted (202) and settles on its first poll.
      accepted: () => ++posts % 2 === 0,
      settleAfterPolls: 0,
      // The config's schema refuses the poisoned event, as a ValidationError naming it.
      refuse: (event) => (String(event.new).includes('"poison":true') ? { code: 'SchemaViolation', detail: 'poison is not allowed', field: 'new' } : undefined),
    });
    const sink = `{ pangeaToken: "${PANGEA_FAKE_TOKEN}", pangeaConfigId: "${PANGEA_FAKE_CONFIG_ID}", pangeaBaseUrl: "${fake.url}" }`;
    app = await startTestApp(baseConfig(`  - { name: audit, type: pangea, tenant: acme, sink: ${sink} }\n`));
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('logs all 5,000 events once, mapped to the Auth0 Log Streaming fields, and dead-letters the poisoned one', async () => {
    let n = 0;
    const poisonAt = 2_345;
    const ids = await ingestMany(app.url, TOKEN, 5_000, 500, () => makeEvent(++n === poisonAt ? { poison: true } : {}));
    const poisoned = ids[poisonAt - 1] as string;
    const expected = new Set(ids.filter((id) => id !== poisoned));
    await eventually(() => new Set(fake.logIds()).size >= expected.size, 90_000, 'The fake Secure Audit Log did not log every event.');

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

    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
    const id = list.find((s) => s.name === 'audit')?.id as string;
    const letters = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as Letter[],
      (l) => l.length > 0,
    );
    expect(letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(letters[0]?.message).toMatch(/ValidationError/);
    const health = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as { lagEvents: number; deadLetters: number },
      (h) => h.lagEvents === 0 && h.deadLetters === 1,
    );
    expect(health).toMatchObject({ lagEvents: 0, deadLetters: 1 });
  }, 120_000);
});
