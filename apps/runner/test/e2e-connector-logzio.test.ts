// End to end: 5,000 events reach a fake Logz.io listener as NDJSON lines, counted by log_id; one poisoned line is bisected out and dead-lettered.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOGZIO_FAKE_TOKEN, logzioLinesOf, startLogzioFake, type LogzioFake } from '@outflow/connector-testkit/fakes/logzio';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingestMany, makeEvent } from './support/events.js';
import { eventually, readUntil } from './support/wait.js';

const GOOD = 5_000;
const POISON_AT = 2_337;

describe('logzio connector end to end', () => {
  let fake: LogzioFake;
  let app: TestApp;

  beforeAll(async () => {
    // The real listener refuses lines that are not valid JSON; our lines always are, so the test names a malformed one.
    fake = await startLogzioFake({ malformed: (_line, parsed) => (parsed.data as { poison?: unknown } | undefined)?.poison === true });
    const sink = `{ logzioToken: "${LOGZIO_FAKE_TOKEN}", logzioRegion: eu, logzioEndpoint: "${fake.url}", logzioType: auth0-e2e }`;
    app = await startTestApp(baseConfig(`  - { name: logzio, type: logzio, tenant: acme, sink: ${sink} }\n`));
  });
  afterAll(async () => {
    await app?.stop();
    await fake?.close();
  });

  it('stores every event, dead-letters the poisoned one, and repeats only the lines bisection re-sent', async () => {
    let n = 0;
    const ids = await ingestMany(app.url, TOKEN, GOOD + 1, 500, () => makeEvent(++n === POISON_AT ? { poison: true } : {}));
    const poison = ids[POISON_AT - 1] as string;
    const good = ids.filter((id) => id !== poison);
    expect(good).toHaveLength(GOOD);

    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
    const stream = list.find((s) => s.name === 'logzio')?.id as string;
    type Letter = { log_id: string; status: number; errorKind: string; message: string };
    const letters = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${stream}/dead-letters`)).json()) as Letter[],
      (l) => l.length > 0,
      60_000,
    );
    const arrived = () => {
      const stored = fake.countsByLogId();
      return good.every((id) => stored.has(id));
    };
    await eventually(arrived, 60_000, 'Not every good event reached the fake listener.');

    // The poisoned event: a dead letter, never stored.
    expect(letters.map((l) => l.log_id)).toEqual([poison]);
    expect(letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(letters[0]?.message).toMatch(/Logz\.io refused the line/);
    const counts = fake.countsByLogId();
    expect(counts.has(poison)).toBe(false);
    expect(new Set(counts.keys())).toEqual(new Set(good));

    // Each shipment: token and type in the query, gzip, one JSON line per event with @timestamp = data.date.
    const shipments = fake.shipments();
    const idsOf = (req: (typeof shipments)[number]) => logzioLinesOf(req).map((l) => (JSON.parse(l) as { log_id: string }).log_id);
    for (const req of shipments) {
      expect(req.query.get('token')).toBe(LOGZIO_FAKE_TOKEN);
      expect(req.query.get('type')).toBe('auth0-e2e');
      expect(req.headers['content-encoding']).toBe('gzip');
    }
    for (const log of fake.logs()) {
      expect(log.type).toBe('auth0-e2e');
      expect(log['@timestamp']).toBe((log.data as { date: string }).date);
      expect((log.data as { log_id: string }).log_id).toBe(log.log_id);
    }

    // Bisection: the shipments holding the poison form a chain of halves, from its batch down to the poison alone.
    const chain = shipments.map(idsOf).filter((lineIds) => lineIds.includes(poison));
    expect(chain.length).toBeGreaterThanOrEqual(2);
    expect(chain[chain.length - 1]).toEqual([poison]);
    for (let i = 1; i < chain.length; i++) {
      const [parent, child] = [chain[i - 1] as string[], chain[i] as string[]];
      expect([Math.ceil(parent.length / 2), Math.floor(parent.length / 2)]).toContain(child.length);
      expect(child.every((id) => parent.includes(id))).toBe(true);
    }
    expect(fake.refusals()).toHaveLength(chain.length);

    // The semantics: an event is stored once, plus once for every refused shipment it shared with the poison
    // (the listener stored it there too, but does not say which lines it stored, so its half is sent again).
    const expected = new Map(good.map((id) => [id, 1 + chain.filter((lineIds) => lineIds.includes(id)).length]));
    expect(counts).toEqual(expected);
    const repeated = [...counts.values()].filter((c) => c > 1).length;
    expect(repeated).toBe((chain[0] as string[]).length - 1);
    expect([...counts.values()].reduce((a, b) => a + b, 0)).toBe(GOOD + chain.slice(0, -1).reduce((sum, lineIds) => sum + lineIds.length - 1, 0));

    const health = await readUntil(
      async () => (await (await app.api(`/api/v2/log-streams/${stream}/health`)).json()) as { lagEvents: number; deadLetters: number },
      (h) => h.lagEvents === 0 && h.deadLetters === 1,
    );
    expect(health).toMatchObject({ lagEvents: 0, deadLetters: 1 });
  }, 120_000);
});
