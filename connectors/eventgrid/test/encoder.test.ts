// The encoder and the request: one JSON line per event with log_id as `id`, the API key as a header.
import { createEgressGuard, systemClock } from '@outflow/core';
import { captureLogger, sampleBatch, sampleEnvelopes, startFakeServer } from '@outflow/connector-testkit';
import { describe, expect, it } from 'vitest';
import { encodeBatch, eventgridConnector } from '../src/index.js';

describe('encodeBatch', () => {
  it('writes one line per event carrying log_id, type and the stored envelope', () => {
    const batch = sampleBatch(5);
    const lines = encodeBatch(batch).toString('utf8').split('\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(5);
    lines.forEach((line, i) => {
      const parsed = JSON.parse(line) as { id: string; type: string; event: unknown };
      expect(parsed.id).toBe(batch.logIds[i]);
      expect(parsed.type).toBe(batch.types[i]);
      expect(parsed.event).toEqual(sampleEnvelopes(5)[i]);
    });
  });

  it('keeps the stored envelope bytes as they are', () => {
    const batch = sampleBatch(2);
    expect(encodeBatch(batch).includes(batch.raw(1))).toBe(true);
  });

  it('is empty for an empty batch', () => {
    expect(encodeBatch(sampleBatch(0)).length).toBe(0);
  });
});

describe('request', () => {
  it('POSTs JSON lines with the API key header to the endpoint', async () => {
    const fake = await startFakeServer();
    const ctx = {
      streamId: 'ls_1',
      tenant: 'acme',
      logger: captureLogger().logger,
      clock: systemClock,
      egress: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }),
    };
    const connector = eventgridConnector.create(ctx, eventgridConnector.configSchema.parse({ endpoint: `${fake.url}/v1/logs?src=outflow`, apiKey: 'k-123' }));
    try {
      expect(await connector.send(sampleBatch(3), AbortSignal.timeout(5000))).toEqual({ status: 'success' });
      const [req] = fake.requests;
      expect(req).toMatchObject({ method: 'POST', path: '/v1/logs' });
      expect(req?.query.get('src')).toBe('outflow');
      expect(req?.headers['x-api-key']).toBe('k-123');
      expect(req?.headers['content-type']).toBe('application/x-ndjson');
      expect(req?.text().trim().split('\n')).toHaveLength(3);
    } finally {
      await connector.close();
      await fake.close();
    }
  });

  it('treats a redirect as a config error, not as bad data', async () => {
    const fake = await startFakeServer(() => ({ status: 301, headers: { location: 'https://elsewhere.example.com/' } }));
    const ctx = {
      streamId: 'ls_1',
      tenant: 'acme',
      logger: captureLogger().logger,
      clock: systemClock,
      egress: createEgressGuard({ allowHttp: true, allowPrivateNetworks: true }),
    };
    const connector = eventgridConnector.create(ctx, eventgridConnector.configSchema.parse({ endpoint: `${fake.url}/v1/logs`, apiKey: 'k-123' }));
    try {
      const result = await connector.send(sampleBatch(2), AbortSignal.timeout(5000));
      expect(result).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
      expect(fake.requests).toHaveLength(1);
    } finally {
      await connector.close();
      await fake.close();
    }
  });

  it('refuses an endpoint the egress policy forbids', () => {
    const ctx = {
      streamId: 'ls_1',
      tenant: 'acme',
      logger: captureLogger().logger,
      clock: systemClock,
      egress: createEgressGuard({ allowHttp: false, allowPrivateNetworks: false }),
    };
    const config = eventgridConnector.configSchema.parse({ endpoint: 'http://127.0.0.1:9/v1/logs', apiKey: 'k-123' });
    expect(() => eventgridConnector.create(ctx, config)).toThrow(/egress/);
  });
});
