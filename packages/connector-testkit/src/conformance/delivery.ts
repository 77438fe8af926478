// Happy paths: a small batch, a full batch, an empty batch, previews, and the partial-failure mapping.
import type { ConnectorDefinition } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { sampleBatch, sampleBatchWithin } from '../sample-envelopes.js';
import type { Harness, OpenOptions } from './harness.js';
import { findSecretLeaks } from './leaks.js';
import type { ResolvedOptions } from './options.js';

export function describeDelivery<C>(definition: ConnectorDefinition<C>, options: ResolvedOptions, open: (o?: OpenOptions) => Promise<Harness>): void {
  describe('delivery', () => {
    it(`sends a batch of ${options.batchSize} in one delivery request`, async () => {
      const h = await open();
      const result = await h.send(sampleBatch(options.batchSize));
      expect(result).toEqual({ status: 'success' });
      if (options.http) expect(h.deliveries()).toHaveLength(1);
      if (options.deliveredEvents) expect(await options.deliveredEvents(h.rawConfig)).toBe(options.batchSize);
    });

    it('sends a batch at limits.maxEvents (capped at 1000, within maxBytes)', async () => {
      const h = await open();
      const batch = sampleBatchWithin(definition.limits);
      expect(batch.length).toBeGreaterThan(0);
      expect(batch.byteLength).toBeLessThanOrEqual(definition.limits.maxBytes);
      const result = await h.send(batch, AbortSignal.timeout(20_000));
      expect(result).toEqual({ status: 'success' });
      if (options.http) expect(h.deliveries().length).toBeGreaterThanOrEqual(1);
      if (options.deliveredEvents) expect(await options.deliveredEvents(h.rawConfig)).toBe(batch.length);
    });

    it('sends nothing for an empty batch and succeeds', async () => {
      const h = await open();
      const result = await h.send(sampleBatch(0));
      expect(result).toEqual({ status: 'success' });
      if (options.http) expect(h.deliveries()).toHaveLength(0);
      if (options.deliveredEvents) expect(await options.deliveredEvents(h.rawConfig)).toBe(0);
    });

    it('previews without secrets and without sending', async () => {
      const h = await open();
      const preview = h.connector.preview?.(sampleBatch(3));
      if (preview) {
        expect(preview.requests.length).toBeGreaterThan(0);
        for (const r of preview.requests) expect(typeof r.body).toBe('string');
      }
      expect(findSecretLeaks(preview, options.secretValues)).toEqual([]);
      expect(h.fake.requests).toHaveLength(0);
    });

    const partial = options.partialFailure;
    // Registered only where the destination reports per-item results (a scenario is given).
    if (partial)
      it('maps per-item failures to batch indices', async () => {
        const h = await open();
        partial.arrange(h.fake);
        const result = await h.send(sampleBatch(partial.batchSize));
        expect(result.status).toBe('partial');
        const failed = result.status === 'partial' ? result.failed.map((f) => ({ index: f.index, retryable: f.retryable })) : [];
        const byIndex = (a: { index: number }, b: { index: number }) => a.index - b.index;
        expect(failed.sort(byIndex)).toEqual([...partial.expectFailed].sort(byIndex));
      });
  });
}
