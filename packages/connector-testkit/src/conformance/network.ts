// Network failures and deadlines: refused connections, stalled answers and aborted signals.
import { describe, expect, it } from 'vitest';
import { sampleBatch } from '../sample-envelopes.js';
import type { Harness, OpenOptions } from './harness.js';
import type { ResolvedOptions } from './options.js';

export function describeNetwork(options: ResolvedOptions, open: (o?: OpenOptions) => Promise<Harness>): void {
  describe('network failures and deadlines', () => {
    it('classifies a refused connection as retryable', async () => {
      const h = await open({ beforeCreate: (fake) => fake.close() });
      const started = Date.now();
      const result = await h.send(sampleBatch(options.batchSize));
      expect(result.status).toBe('retryable');
      expect(Date.now() - started).toBeLessThan(5000);
    });

    it('settles a stalled answer as retryable once the signal times out', async () => {
      const h = await open();
      options.stall(h.fake);
      const started = Date.now();
      const result = await h.send(sampleBatch(options.batchSize), AbortSignal.timeout(300));
      expect(Date.now() - started).toBeLessThan(2000);
      expect(result.status).toBe('retryable');
    });
  });
}

/** Applies to every connector: an aborted signal settles promptly and is never a success. */
export function describeAbort(open: (o?: OpenOptions) => Promise<Harness>, batchSize: number): void {
  it('settles promptly as retryable when the signal is already aborted', async () => {
    const h = await open();
    const controller = new AbortController();
    controller.abort(new DOMException('The delivery was cancelled.', 'AbortError'));
    const started = Date.now();
    const result = await h.send(sampleBatch(batchSize), controller.signal);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.status).toBe('retryable');
  });
}
