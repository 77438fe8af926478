// Per-item classification of `_bulk` answers, redelivery without duplicates, the shared transport, the product check and previews.
import { batchFromEnvelopes, type ConnectorContext, type HttpTransport } from '@outflow/core';
import { FAILED_LOGIN_ENVELOPE, never, sampleBatch, seriesBatch, testContext } from '@outflow/connector-testkit';
import { ELASTIC_FAKE_API_KEY, startElasticFake, type ElasticFake } from '@outflow/connector-testkit/fakes/elastic';
import { createHttpTransport } from '@outflow/http';
import { afterEach, describe, expect, it } from 'vitest';
import { bulkOutcomes, combineOutcomes, elasticConnector, itemOutcome } from '../src/index.js';

let fake: ElasticFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

function open(f: ElasticFake, config: Record<string, unknown> = {}, ctx: ConnectorContext = testContext()) {
  return elasticConnector.create(ctx, elasticConnector.configSchema.parse({ elasticNode: f.url, elasticApiKey: ELASTIC_FAKE_API_KEY, ...config }));
}

describe('item results', () => {
  it('counts 201, 200 and 409 (already there) as delivered, and classes the rest', () => {
    expect(itemOutcome({ status: 201 }, [])).toEqual({ ok: true });
    expect(itemOutcome({ status: 409, error: { type: 'version_conflict_engine_exception' } }, [])).toEqual({ ok: true });
    expect(itemOutcome({ status: 429, error: { type: 'es_rejected_execution_exception', reason: 'queue full' } }, [])).toMatchObject({
      ok: false,
      kind: 'throttled',
    });
    expect(itemOutcome({ status: 503 }, [])).toMatchObject({ kind: 'transient' });
    expect(itemOutcome({ status: 403 }, [])).toMatchObject({ kind: 'auth' });
    expect(itemOutcome({ status: 404 }, [])).toMatchObject({ kind: 'config' });
    expect(itemOutcome({ status: 400, error: { type: 'mapper_parsing_exception', reason: 'key s3cr3t' } }, ['s3cr3t'])).toEqual({
      ok: false,
      kind: 'invalid',
      status: 400,
      reason: 'mapper_parsing_exception: key [REDACTED]',
    });
  });

  it('combines: partial with only mapping errors permanent; uniform throttling or auth refusals fail the batch', () => {
    const items = (statuses: number[]) => ({ errors: true, items: statuses.map((status) => ({ create: { status } })) });
    expect(combineOutcomes(bulkOutcomes(items([201, 409]), 2, []))).toEqual({ status: 'success' });
    expect(combineOutcomes(bulkOutcomes(items([201, 429, 400, 502]), 4, []))).toMatchObject({
      status: 'partial',
      failed: [
        { index: 1, retryable: true, status: 429 },
        { index: 2, retryable: false, status: 400 },
        { index: 3, retryable: true, status: 502 },
      ],
    });
    expect(combineOutcomes(bulkOutcomes(items([429, 429]), 2, []))).toMatchObject({ status: 'retryable', error: { kind: 'throttled' } });
    expect(combineOutcomes(bulkOutcomes(items([403, 403]), 2, []))).toMatchObject({ status: 'permanent', error: { kind: 'auth' } });
    expect(combineOutcomes(bulkOutcomes(items([400, 400]), 2, []))).toMatchObject({ status: 'partial' });
    expect(combineOutcomes(bulkOutcomes(items([201]), 2, []))).toMatchObject({ status: 'retryable', error: { kind: 'transient' } });
  });
});

describe('against the fake node', () => {
  it('redelivers a batch without a duplicate document: the second create answers 409 and counts as delivered', async () => {
    fake = await startElasticFake();
    const connector = open(fake);
    const batch = sampleBatch(20);
    expect(await connector.send(batch, never())).toEqual({ status: 'success' });
    expect(await connector.send(batch, never())).toEqual({ status: 'success' });
    await connector.close();
    expect(fake.documentCount()).toBe(20);
    expect(fake.itemResults().filter((r) => r.status === 409)).toHaveLength(20);
    expect([...fake.documents('logs-auth0-default').values()].every((d) => d.version === 1)).toBe(true);
  });

  it('refuses only the event whose field clashes with the mapping (400 mapper error), by index', async () => {
    fake = await startElasticFake();
    const connector = open(fake);
    expect(await connector.send(seriesBatch(FAILED_LOGIN_ENVELOPE, 2), never())).toEqual({ status: 'success' });
    const poisoned = seriesBatch(FAILED_LOGIN_ENVELOPE, 5).pick([2, 3, 4]);
    const mixed = batchFromEnvelopes([
      ...poisoned.envelopes().slice(0, 1),
      { ...poisoned.envelopes()[1]!, data: { ...poisoned.envelopes()[1]!.data, details: 'flat' } },
      poisoned.envelopes()[2]!,
    ]);
    const result = await connector.send(mixed, never());
    await connector.close();
    expect(result).toMatchObject({ status: 'partial', failed: [{ index: 1, retryable: false, status: 400 }] });
    expect(result.status === 'partial' && result.failed[0]?.reason).toContain('document_parsing_exception');
    expect(fake.documentCount()).toBe(4);
  });

  it('refuses an OpenSearch server (406 on the media type, no x-elastic-product) as a config error naming the OpenSearch flavour', async () => {
    fake = await startElasticFake({ flavor: 'opensearch' });
    const connector = open(fake);
    const result = await connector.send(sampleBatch(2), never());
    const health = await connector.healthcheck(never());
    await connector.close();
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'config', details: { status: 406 } } });
    expect(result.status === 'permanent' && result.error.message).toContain('elasticFlavor: opensearch');
    expect(health.ok).toBe(false);
  });

  it('refuses a 2xx answer without `x-elastic-product: Elasticsearch` (the client product check) as a config error', async () => {
    fake = await startElasticFake();
    const connector = open(fake);
    fake.enqueue({ status: 200, body: { username: 'someone' } });
    const health = await connector.healthcheck(never());
    await connector.close();
    expect(health).toMatchObject({ ok: false, error: { kind: 'config' } });
    expect(!health.ok && health.error.message).toContain('x-elastic-product');
  });

  it("sends through the runner's transport (ctx.http) with the attempt's signal, for both flavours", async () => {
    for (const flavor of ['elasticsearch', 'opensearch'] as const) {
      fake = await startElasticFake({ flavor });
      const ctx = testContext();
      const inner = createHttpTransport({ guard: ctx.egress });
      const seen: AbortSignal[] = [];
      const http: HttpTransport = { ...inner, request: (req) => (seen.push(req.signal), inner.request(req)) };
      const connector = open(fake, { elasticFlavor: flavor }, { ...ctx, http });
      expect(await connector.healthcheck(never())).toMatchObject({ ok: true });
      expect(await connector.send(sampleBatch(3), never())).toEqual({ status: 'success' });
      await connector.close();
      await inner.close();
      expect(seen).toHaveLength(2);
      expect(fake.requests).toHaveLength(2);
      await fake.close();
    }
  });

  it('an aborted attempt is retryable and an egress refusal is a config error', async () => {
    fake = await startElasticFake();
    const connector = open(fake);
    const result = await connector.send(sampleBatch(2), AbortSignal.abort());
    await connector.close();
    expect(result).toMatchObject({ status: 'retryable', error: { kind: 'transient' } });
    expect(() => open(fake!, {}, testContext({ policy: { allowHttp: false, allowPrivateNetworks: true } }))).toThrow();
  });

  it('previews the _bulk request with the key masked', async () => {
    fake = await startElasticFake();
    const connector = open(fake);
    const preview = connector.preview?.(batchFromEnvelopes([FAILED_LOGIN_ENVELOPE]));
    await connector.close();
    expect(preview?.requests[0]).toMatchObject({ method: 'POST', headers: { Authorization: 'ApiKey [REDACTED]', 'Content-Type': 'application/x-ndjson' } });
    expect(JSON.stringify(preview)).not.toContain(ELASTIC_FAKE_API_KEY);
  });
});
