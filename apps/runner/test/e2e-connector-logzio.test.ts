// End to end: 5,000 events reach a fake Logz.io listener as NDJSON lines, counted by log_id; one poisoned line is bisected out and dead-lettered.
import { describe, expect, it } from 'vitest';
import { LOGZIO_FAKE_TOKEN, logzioLinesOf, startLogzioFake } from '@outflow/connector-testkit/fakes/logzio';
import { baseConfig } from './support/app.js';
import { runWithOnePoisoned } from './support/poisoned-run.js';
import { useTestApp } from './support/use-test-app.js';

const GOOD = 5_000;
const t = useTestApp();

describe('logzio connector end to end', () => {
  it('stores every event, dead-letters the poisoned one, and repeats only the lines bisection re-sent', async () => {
    // The real listener refuses lines that are not valid JSON; our lines always are, so the test names a malformed one.
    const fake = t.closeAfter(await startLogzioFake({ malformed: (_line, parsed) => (parsed.data as { poison?: unknown } | undefined)?.poison === true }));
    const sink = `{ logzioToken: "${LOGZIO_FAKE_TOKEN}", logzioRegion: eu, logzioEndpoint: "${fake.url}", logzioType: auth0-e2e }`;
    const app = await t.start(baseConfig(`  - { name: logzio, type: logzio, tenant: acme, sink: ${sink} }\n`));
    const delivered = () => new Set(fake.countsByLogId().keys());
    const run = await runWithOnePoisoned(app, { stream: 'logzio', delivered, total: GOOD + 1, poisonAt: 2_337, health: true, timeoutMs: 60_000 });
    const poison = run.poisoned;
    const good = run.ids.filter((id) => id !== poison);
    expect(good).toHaveLength(GOOD);

    // The poisoned event: a dead letter, never stored.
    expect(run.letters.map((l) => l.log_id)).toEqual([poison]);
    expect(run.letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
    expect(run.letters[0]?.message).toMatch(/Logz\.io refused the line/);
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

    expect(run.health).toMatchObject({ lagEvents: 0, deadLetters: 1 });
  }, 120_000);
});
