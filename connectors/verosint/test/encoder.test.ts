// Golden requests of the Verosint preset: exactly what the intake receives for fixed events.
import { FAILED_LOGIN_ENVELOPE, never, seriesBatch, testContext } from '@outflow/connector-testkit';
import { PARTNER_FAKE_TOKEN, startPartnerFake, type PartnerFake } from '@outflow/connector-testkit/fakes/partner';
import { batchFromEnvelopes } from '@outflow/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verosintConnector, type VerosintConfigInput } from '../src/index.js';

let fake: PartnerFake;
beforeEach(async () => {
  fake = await startPartnerFake({ layout: 'array' });
});
afterEach(() => fake.close());

const open = (extra: Partial<VerosintConfigInput> = {}) =>
  verosintConnector.create(
    testContext(),
    verosintConnector.configSchema.parse({ verosintEndpoint: fake.intakeUrl, verosintApiKey: PARTNER_FAKE_TOKEN, ...extra }),
  );

describe('Verosint requests', () => {
  it('POSTs the golden body with the Bearer token and application/json', async () => {
    const conn = open();
    expect(await conn.send(batchFromEnvelopes([FAILED_LOGIN_ENVELOPE]), never())).toEqual({ status: 'success' });
    const [req] = fake.intakeRequests();
    expect(req?.method).toBe('POST');
    expect(req?.headers.authorization).toBe(`Bearer ${PARTNER_FAKE_TOKEN}`);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.text()).toBe(`[${JSON.stringify(FAILED_LOGIN_ENVELOPE)}]`);
    expect(fake.events()).toEqual([FAILED_LOGIN_ENVELOPE]);
    await conn.close();
  });

  it('masks the token in previews', () => {
    const conn = open();
    const preview = conn.preview?.(seriesBatch(FAILED_LOGIN_ENVELOPE, 2));
    expect(JSON.stringify(preview)).not.toContain(PARTNER_FAKE_TOKEN);
    expect(JSON.stringify(preview)).toContain('"Authorization":"[REDACTED]"');
  });
});
