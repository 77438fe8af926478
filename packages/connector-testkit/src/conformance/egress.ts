// Egress on the socket: a connector whose destination turns out to be loopback after the config check sends nothing.
import { createEgressGuard, type EgressGuard } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { sampleBatch } from '../sample-envelopes.js';
import type { Harness, OpenOptions } from './harness.js';
import type { ResolvedOptions } from './options.js';

/**
 * The runner's strict policy, except that the config-time URL check passes: what a DNS
 * rebinding or an address form the URL check misses looks like to the connector. Only the
 * checks at connect time (lookup and the socket's peer address) stand between it and the fake.
 */
function rebindingGuard(): EgressGuard {
  const strict = createEgressGuard({ allowHttp: true, allowPrivateNetworks: false });
  const lenient = createEgressGuard({ allowHttp: true, allowPrivateNetworks: true });
  return { ...strict, checkUrl: lenient.checkUrl };
}

export function describeEgress(options: ResolvedOptions, open: (o?: OpenOptions) => Promise<Harness>): void {
  describe('egress policy at connect time', () => {
    if (options.withoutNetwork) {
      // Nothing to refuse; what can be checked is that the strict guard does not get in its way.
      it(`has no destination to refuse (${options.withoutNetwork}) and delivers under the strict policy`, async () => {
        const h = await open({ egress: rebindingGuard() });
        expect(await h.send(sampleBatch(options.batchSize))).toEqual({ status: 'success' });
      });
      return;
    }

    it('refuses to send to its fake on 127.0.0.1 when private networks are not allowed, even past the config check', async () => {
      const h = await open({ egress: rebindingGuard() });
      const result = await h.send(sampleBatch(options.batchSize));
      expect(result.status, 'a refused destination must not count as delivered').not.toBe('success');
      expect(result.status).not.toBe('partial');
      if (result.status === 'retryable' || result.status === 'permanent') {
        expect(result.error.message, 'the error names the refused address').toMatch(/127\.0\.0\.1/);
      }
      expect(h.fake.requests, 'the fake must receive no request').toEqual([]);
      if (options.deliveredEvents) expect(await options.deliveredEvents(h.rawConfig)).toBe(0);
    });
  });
}
