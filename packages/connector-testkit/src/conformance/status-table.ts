// The HTTP classification table, one delivery request per send (no internal retries).
import { describe, expect, it } from 'vitest';
import { sampleBatch } from '../sample-envelopes.js';
import type { Harness, OpenOptions } from './harness.js';
import type { ResolvedOptions } from './options.js';
import { statusTable } from './results.js';

export function describeStatusTable(options: ResolvedOptions, open: (o?: OpenOptions) => Promise<Harness>): void {
  describe('HTTP status classification', () => {
    for (const row of statusTable(options.statusExpectations)) {
      const title = `HTTP ${row.status} → ${row.expected}${'headers' in row && row.headers ? ' (Retry-After: 3)' : ''}`;
      // A row the connector declares not applicable is not registered at all.
      if (row.expected === 'skip') continue;
      it(title, async () => {
        const h = await open();
        options.respondWith(h.fake, row.status, row.headers);
        const result = await h.send(sampleBatch(options.batchSize));
        expect(h.deliveries(), 'exactly one delivery request per send (no internal retries)').toHaveLength(1);
        expect(result.status).toBe(row.expected);
        if (result.status === 'permanent' || result.status === 'retryable') {
          const { kind, details } = result.error;
          if (row.kinds) expect(row.kinds.includes(kind) || (row.tooLargeAllowed === true && details.tooLarge === true), `error kind ${kind}`).toBe(true);
        }
        if (row.retryAfterMs !== undefined && result.status === 'retryable') {
          expect(result.retryAfterMs).toBeGreaterThanOrEqual(row.retryAfterMs - 10);
          expect(result.retryAfterMs).toBeLessThanOrEqual(row.retryAfterMs + 10);
        }
      });
    }

    if (options.statusExpectations[503] !== 'skip')
      it('makes exactly one request for a 503, even with Retry-After: 0', async () => {
        const h = await open();
        options.respondWith(h.fake, 503, { 'Retry-After': '0' });
        const result = await h.send(sampleBatch(options.batchSize));
        await new Promise((r) => setTimeout(r, 100));
        expect(h.deliveries()).toHaveLength(1);
        expect(result.status).not.toBe('success');
      });
  });
}
