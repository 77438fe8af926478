// End to end: 5,000 events reach a fake Panther HTTP source (HMAC over gzip) once each; one poisoned event is dead-lettered.
import { afterEach, describe, expect, it } from 'vitest';
import { pantherHmac, startPantherFake, type PantherFake } from '@outflow/connector-testkit/fakes/panther';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { eventually, readUntil } from './support/wait.js';
import { ingestMany, makeEvent } from './support/events.js';

const HMAC_KEY = 'e2e-panther-hmac-key-0123456789';
const HMAC = { algorithm: 'sha256', encoding: 'hex', prefix: 'sha256=' } as const;

let app: TestApp | undefined;
let fake: PantherFake | undefined;
afterEach(async () => {
  await app?.stop();
  await fake?.close();
  app = undefined;
  fake = undefined;
});

describe('panther connector end to end', () => {
  it('delivers 5,000 events counted by log_id and dead-letters the one Panther refuses', async () => {
    // Panther refuses the whole request holding the poisoned event with a 400; the platform bisects down to it.
    fake = await startPantherFake({
      auth: { method: 'hmac', header: 'x-signature', secret: HMAC_KEY, ...HMAC },
      refuseEvent: (e) => ((e.data as { poison?: unknown }).poison === true ? 'Event does not match the log schema.' : undefined),
    });
    const sink =
      `{ pantherUrl: "${fake.sourceUrl}", pantherAuthMethod: hmac, pantherHeaderName: X-Signature, ` +
      `pantherSecretValue: "${HMAC_KEY}", pantherHmacPrefix: "sha256=" }`;
    app = await startTestApp(baseConfig(`  - { name: panther, type: panther, tenant: acme, sink: ${sink} }\n`));

    let n = 0;
    const poisonAt = 2_345;
    const ids = await ingestMany(app.url, TOKEN, 5_001, 500, () => makeEvent(++n === poisonAt ? { poison: true } : {}));
    const poisoned = ids[poisonAt - 1] as string;
    const good = ids.filter((id) => id !== poisoned);
    expect(good).toHaveLength(5_000);

    await eventually(() => fake!.uniqueLogIds().size >= 5_000, 90_000, 'The fake Panther source did not receive 5,000 events.');
    expect(fake.uniqueLogIds()).toEqual(new Set(good));
    expect(fake.events().every((e) => (e.data as { log_id?: string }).log_id === e.log_id)).toBe(true);

    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
    const id = list.find((s) => s.name === 'panther')?.id as string;
    type Letter = { log_id: string; status: number; errorKind: string };
    const letters = await readUntil(
      async () => (await (await app!.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as Letter[],
      (l) => l.length > 0,
    );
    expect(letters.map((l) => l.log_id)).toEqual([poisoned]);
    expect(letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });

    // Every request was signed over its gzip bytes, and stayed within 1,000 events.
    const posts = fake.sourceRequests().filter((r) => r.method === 'POST');
    for (const req of posts) {
      expect(req.headers['content-encoding']).toBe('gzip');
      expect(req.headers['x-signature']).toBe(pantherHmac(HMAC_KEY, req.rawBody, HMAC));
      expect(req.text().split('\n').filter(Boolean).length).toBeLessThanOrEqual(1_000);
    }
    expect(fake.streamTypes().every((t) => t === 'lines')).toBe(true);
  }, 120_000);
});
