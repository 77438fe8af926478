// End to end: the four "webhook with token" partners (Verosint, Oort, MDR ONE, Perch) deliver 5,000 events each to their fake intake; one poisoned event is dead-lettered.
import { describe, expect, it } from 'vitest';
import { PARTNER_FAKE_TOKEN, startPartnerFake } from '@outflow/connector-testkit/fakes/partner';
import { baseConfig } from './support/app.js';
import { runWithOnePoisoned } from './support/poisoned-run.js';
import { useTestApp } from './support/use-test-app.js';

const t = useTestApp();

const PARTNERS = [
  { type: 'verosint', layout: 'array', sink: (url: string) => `{ verosintEndpoint: "${url}", verosintApiKey: "${PARTNER_FAKE_TOKEN}" }` },
  { type: 'oort', layout: 'array', sink: (url: string) => `{ oortEndpoint: "${url}", oortToken: "${PARTNER_FAKE_TOKEN}" }` },
  { type: 'mdr-one', layout: 'lines', sink: (url: string) => `{ mdrOneEndpoint: "${url}", mdrOneToken: "${PARTNER_FAKE_TOKEN}", mdrOneCompression: gzip }` },
  { type: 'perch', layout: 'lines', sink: (url: string) => `{ perchEndpoint: "${url}", perchToken: "${PARTNER_FAKE_TOKEN}" }` },
] as const;

describe('webhook partner connectors end to end', () => {
  for (const partner of PARTNERS) {
    it(`${partner.type}: 5,000 events reach the intake once each in its layout with the token; the poisoned one is dead-lettered`, async () => {
      const fake = t.closeAfter(
        await startPartnerFake({ path: '/intake/auth0', layout: partner.layout, invalid: (e) => (e.data as { poison?: boolean }).poison === true }),
      );
      const app = await t.start(baseConfig(`  - { name: partner, type: ${partner.type}, tenant: acme, sink: ${partner.sink(fake.intakeUrl)} }\n`));
      const delivered = () => new Set(fake.events().map((e) => e.log_id as string));
      const run = await runWithOnePoisoned(app, { stream: 'partner', delivered });
      expect(delivered()).toEqual(new Set(run.ids.filter((id) => id !== run.poisoned)));
      expect(fake.events()).toHaveLength(run.ids.length - 1);
      expect(run.letters.map((l) => l.log_id)).toEqual([run.poisoned]);
      expect(run.letters[0]).toMatchObject({ status: 400, errorKind: 'invalid' });
      for (const req of fake.intakeRequests().filter((r) => r.method === 'POST')) {
        expect(req.headers.authorization).toBe(`Bearer ${PARTNER_FAKE_TOKEN}`);
        expect(req.headers['content-type']).toBe('application/json');
        expect(req.text().startsWith('[')).toBe(partner.layout === 'array');
      }
    }, 150_000);
  }
});
