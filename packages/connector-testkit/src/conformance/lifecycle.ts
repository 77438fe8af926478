// Lifecycle and health: close semantics, released sockets, healthchecks that write nothing.
import { describe, expect, it } from 'vitest';
import { sampleBatch } from '../sample-envelopes.js';
import type { Harness, OpenOptions } from './harness.js';
import { describeAbort } from './network.js';
import type { ResolvedOptions } from './options.js';

async function eventually(check: () => boolean, ms: number): Promise<boolean> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
  return true;
}

export function describeLifecycle(options: ResolvedOptions, open: (o?: OpenOptions) => Promise<Harness>): void {
  describe('lifecycle', () => {
    it('close() twice is safe', async () => {
      const h = await open();
      await h.send(sampleBatch(1));
      await expect(h.connector.close()).resolves.toBeUndefined();
      await expect(h.connector.close()).resolves.toBeUndefined();
    });

    it('send after close resolves without delivering', async () => {
      const h = await open();
      await h.connector.close();
      const result = await h.send(sampleBatch(options.batchSize));
      expect(result.status).not.toBe('success');
      if (options.http) expect(h.deliveries()).toHaveLength(0);
      if (options.deliveredEvents) expect(await options.deliveredEvents(h.rawConfig)).toBe(0);
    });

    if (options.http)
      it('releases its sockets on close', async () => {
        const h = await open();
        expect((await h.send(sampleBatch(options.batchSize))).status).toBe('success');
        await h.connector.close();
        expect(await eventually(() => h.fake.openConnections() === 0, 1000), `${h.fake.openConnections()} sockets still open`).toBe(true);
      });

    describeAbort(open, options.batchSize);
  });

  describe('healthcheck', () => {
    it('passes against a healthy destination and delivers nothing', async () => {
      const h = await open();
      const result = await h.healthcheck();
      expect(result).toMatchObject({ ok: true });
      if (options.http) expect(h.deliveries()).toHaveLength(0);
      if (options.deliveredEvents) expect(await options.deliveredEvents(h.rawConfig)).toBe(0);
    });

    if (options.http)
      it('fails with kind auth when the credentials are refused, delivering nothing', async () => {
        const h = await open();
        options.unauthorized(h.fake);
        const result = await h.healthcheck();
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.kind).toBe('auth');
        expect(h.deliveries()).toHaveLength(0);
      });
  });
}
