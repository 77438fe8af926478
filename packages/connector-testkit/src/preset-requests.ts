// Golden-request checks every "webhook with token" preset runs against the partner fake: token, content type, body layout, masked preview.
import type { ConnectorDefinition } from '@outflow/core';
import { batchFromEnvelopes } from '@outflow/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PARTNER_FAKE_TOKEN, startPartnerFake, type PartnerFake } from './fakes/partner.js';
import { FAILED_LOGIN_ENVELOPE, never, seriesBatch, testContext } from './test-fixtures.js';

export interface PresetRequestOptions {
  /** The intake path the fake serves. */
  path: string;
  /** The preset's config for an intake URL and token. */
  config(intakeUrl: string, token: string): Record<string, unknown>;
  /** The default body layout the intake receives. */
  layout: 'array' | 'lines';
  /** Config that switches to JSON Lines with gzip, when the preset has the choice. */
  linesWithGzip?: Record<string, unknown> | undefined;
}

export function describePresetRequests(connector: ConnectorDefinition<any>, options: PresetRequestOptions): void {
  let fake: PartnerFake;
  beforeEach(async () => {
    fake = await startPartnerFake({ path: options.path, layout: 'either' });
  });
  afterEach(() => fake.close());
  const open = (extra: Record<string, unknown> = {}) =>
    connector.create(testContext(), connector.configSchema.parse({ ...options.config(fake.intakeUrl, PARTNER_FAKE_TOKEN), ...extra }));

  describe(`${connector.displayName} requests`, () => {
    it('POSTs the golden body with the Bearer token and application/json', async () => {
      const conn = open();
      expect(await conn.send(batchFromEnvelopes([FAILED_LOGIN_ENVELOPE]), never())).toEqual({ status: 'success' });
      const [req] = fake.intakeRequests();
      expect(req?.method).toBe('POST');
      expect(req?.headers.authorization).toBe(`Bearer ${PARTNER_FAKE_TOKEN}`);
      expect(req?.headers['content-type']).toBe('application/json');
      const line = JSON.stringify(FAILED_LOGIN_ENVELOPE);
      expect(req?.text()).toBe(options.layout === 'array' ? `[${line}]` : `${line}\n`);
      expect(fake.events()).toEqual([FAILED_LOGIN_ENVELOPE]);
      await conn.close();
    });

    if (options.linesWithGzip) {
      const extra = options.linesWithGzip;
      it('JSONLINES sends one stored envelope per line, still as application/json', async () => {
        const conn = open(extra);
        const batch = seriesBatch(FAILED_LOGIN_ENVELOPE, 3);
        expect(await conn.send(batch, never())).toEqual({ status: 'success' });
        const [req] = fake.intakeRequests();
        expect(req?.headers['content-encoding']).toBe('gzip');
        expect(req?.headers['content-type']).toBe('application/json');
        expect(req?.body.equals(batch.jsonLines())).toBe(true);
        await conn.close();
      });
    }

    it('masks the token in previews', () => {
      const preview = JSON.stringify(open().preview?.(seriesBatch(FAILED_LOGIN_ENVELOPE, 2)));
      expect(preview).not.toContain(PARTNER_FAKE_TOKEN);
      expect(preview).toContain('"Authorization":"[REDACTED]"');
    });
  });
}
