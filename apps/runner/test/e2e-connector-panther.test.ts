// End to end: 5,000 events reach a fake Panther HTTP source (HMAC over gzip) once each; one poisoned event is dead-lettered.
import { describe, expect, it } from 'vitest';
import { pantherHmac, startPantherFake } from '@outflow/connector-testkit/fakes/panther';
import { baseConfig } from './support/app.js';
import { runWithOnePoisoned } from './support/poisoned-run.js';
import { useTestApp } from './support/use-test-app.js';

const HMAC_KEY = 'e2e-panther-hmac-key-0123456789';
const HMAC = { algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' } as const;
const t = useTestApp();

describe('panther connector end to end', () => {
  it('delivers 5,000 events counted by log_id and dead-letters the one Panther refuses', async () => {
    // Panther refuses the whole request holding the poisoned event with a 400; the platform bisects down to it.
    const fake = t.closeAfter(
      await startPantherFake({
        auth: { method: 'hmac', header: 'x-signature', secret: HMAC_KEY, ...HMAC },
        refuseEvent: (e) => ((e.data as { poison?: unknown }).poison === true ? 'Event does not match the log schema.' : undefined),
      }),
    );
    const sink =
      `{ pantherUrl: "${fake.sourceUrl}", pantherAuthMethod: hmac, pantherHeaderName: X-Signature, ` +
      `pantherSecretValue: "${HMAC_KEY}", pantherHmacPrefix: "sha256=" }`;
    const app = await t.start(baseConfig(`  - { name: panther, type: panther, tenant: acme, sink: ${sink} }\n`));

    const run = await runWithOnePoisoned(app, { stream: 'panther', delivered: () => fake.uniqueLogIds(), total: 5_001, timeoutMs: 90_000 });
    const good = run.ids.filter((id) => id !== run.poisoned);
    expect(good).toHaveLength(5_000);
    expect(fake.uniqueLogIds()).toEqual(new Set(good));
    expect(fake.events().every((e) => (e.data as { log_id?: string }).log_id === e.log_id)).toBe(true);
    expect(run.letters.map((l) => l.log_id)).toEqual([run.poisoned]);
    expect(run.letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });

    // Every request was signed over its gzip bytes, and stayed within 1,000 events.
    const posts = fake.sourceRequests().filter((r) => r.method === 'POST');
    for (const req of posts) {
      expect(req.headers['content-encoding']).toBe('gzip');
      expect(req.headers['x-signature']).toBe(pantherHmac(HMAC_KEY, req.rawBody, HMAC));
      expect(req.text().split('\n').filter(Boolean).length).toBeLessThanOrEqual(1_000);
    }
    expect(fake.streamTypes().every((type) => type === 'lines')).toBe(true);
  }, 120_000);
});
