// Golden requests of the Perch Security (ConnectWise SIEM) preset: exactly what the intake receives for fixed events.
import { FAILED_LOGIN_ENVELOPE, never, seriesBatch, testContext } from '@outflow/connector-testkit';
import { PARTNER_FAKE_TOKEN, startPartnerFake, type PartnerFake } from '@outflow/connector-testkit/fakes/partner';
import { batchFromEnvelopes } from '@outflow/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { perchConnector, type PerchConfigInput } from '../src/index.js';

let fake: PartnerFake;
beforeEach(async () => {
  fake = await startPartnerFake({ path: '/intake/auth0', layout: 'either' });
});
afterEach(() => fake.close());

const open = (extra: Partial<PerchConfigInput> = {}) =>
  perchConnector.create(testContext(), perchConnector.configSchema.parse({ perchEndpoint: fake.intakeUrl, perchToken: PARTNER_FAKE_TOKEN, ...extra }));

describe('Perch Security (ConnectWise SIEM) requests', () => {
  it('POSTs the golden body with the Bearer token and application/json', async () => {
    const conn = open();
    expect(await conn.send(batchFromEnvelopes([FAILED_LOGIN_ENVELOPE]), never())).toEqual({ status: 'success' });
    const [req] = fake.intakeRequests();
    expect(req?.method).toBe('POST');
    expect(req?.headers.authorization).toBe(`Bearer ${PARTNER_FAKE_TOKEN}`);
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.text()).toBe(`${JSON.stringify(FAILED_LOGIN_ENVELOPE)}\n`);
    expect(fake.events()).toEqual([FAILED_LOGIN_ENVELOPE]);
    await conn.close();
  });

  it('JSONLINES sends one stored envelope per line, still as application/json', async () => {
    const conn = open({ perchContentFormat: 'JSONLINES', perchCompression: 'gzip' });
    const batch = seriesBatch(FAILED_LOGIN_ENVELOPE, 3);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    const [req] = fake.intakeRequests();
    expect(req?.headers['content-encoding']).toBe('gzip');
    expect(req?.headers['content-type']).toBe('application/json');
    expect(req?.body.equals(batch.jsonLines())).toBe(true);
    await conn.close();
  });

  it('masks the token in previews', () => {
    const conn = open();
    const preview = conn.preview?.(seriesBatch(FAILED_LOGIN_ENVELOPE, 2));
    expect(JSON.stringify(preview)).not.toContain(PARTNER_FAKE_TOKEN);
    expect(JSON.stringify(preview)).toContain('"Authorization":"[REDACTED]"');
  });
});
