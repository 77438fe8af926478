// Healthcheck (an empty /v2/log that can write nothing), the egress check at create, limits on the wire, close.
import type { Connector } from '@outflow/core';
import { sampleBatch, sampleBatchWithin } from '@outflow/connector-testkit';
import { startPangeaFake, type PangeaFake } from '@outflow/connector-testkit/fakes/pangea';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pangeaConnector } from '../src/index.js';
import { CONFIG_ID, connect, makeContext, never, parseConfig, TOKEN } from './fixtures.js';

let fake: PangeaFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startPangeaFake({ requireConfigId: true });
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await fake.close();
});

describe('healthcheck', () => {
  it('sends /v2/log with no events, with token and config_id: a ValidationError means both are good, and nothing is logged', async () => {
    conn = connect(fake.url);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true, message: expect.stringMatching(/HTTP 400/) });
    const [probe] = fake.requests;
    expect(probe).toMatchObject({ method: 'POST', path: '/v2/log' });
    expect(probe?.json()).toEqual({ config_id: CONFIG_ID, events: [] });
    expect(probe?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expect(fake.events()).toHaveLength(0);
  });

  it('fails with auth for a token Pangea refuses, and with config for a config ID the token does not serve or a missing one', async () => {
    conn = connect(fake.url, { pangeaToken: 'pts_wrong' });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth', details: { status: 401, vendorCode: 'Unauthorized' } } });
    await conn.close();
    conn = connect(fake.url, { pangeaConfigId: 'pci_other' });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'config', details: { vendorCode: 'MissingConfigIDScope' } } });
    await conn.close();
    conn = connect(fake.url, { pangeaConfigId: undefined });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'config', details: { vendorCode: 'MissingConfigID' } } });
  });

  it('fails with config at a URL that is not the Secure Audit Log', async () => {
    conn = connect(`${fake.url}/not-pangea`);
    fake.setHandler(() => ({ status: 404, body: 'Not Found' }));
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'config' } });
  });
});

describe('create', () => {
  it('checks the destination against the egress policy, naming the field', () => {
    const ctx = makeContext();
    const strict = {
      ...ctx,
      egress: {
        ...ctx.egress,
        checkUrl: () => {
          throw new Error('private address');
        },
      },
    };
    expect(() => pangeaConnector.create(strict, parseConfig({ pangeaToken: TOKEN }))).toThrow(/pangeaDomain: private address/);
    expect(() => pangeaConnector.create(strict, parseConfig({ pangeaToken: TOKEN, pangeaBaseUrl: fake.url }))).toThrow(/pangeaBaseUrl: private address/);
  });
});

describe('limits on the wire', () => {
  it('a full batch is one request of at most 1,000 events, all logged', async () => {
    conn = connect(fake.url);
    const batch = sampleBatchWithin(pangeaConnector.limits);
    expect(batch.length).toBe(1000);
    expect(await conn.send(batch, AbortSignal.timeout(20_000))).toEqual({ status: 'success' });
    expect(fake.logRequests()).toHaveLength(1);
    expect(new Set(fake.logIds())).toEqual(new Set(batch.logIds));
  });

  it('a request over the fake event limit (1,000 by default) is a ValidationError, read as invalid', async () => {
    const small = await startPangeaFake({ maxEvents: 2 });
    const c = connect(small.url, { pangeaConfigId: undefined });
    expect(await c.send(sampleBatch(3), never())).toMatchObject({
      status: 'permanent',
      error: { kind: 'invalid', details: { vendorCode: 'ValidationError' } },
    });
    await c.close();
    await small.close();
  });
});
