// Tests replace what the runner shares through its container (Tokens.DnsLookup, Tokens.Clock), not through constructor arguments.
import type { DnsLookup } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { describe, expect, it } from 'vitest';
import { configStreamId, Tokens } from '../src/index.js';
import { baseConfig, TOKEN } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { readUntil } from './support/wait.js';
import { useTestApp } from './support/use-test-app.js';

const t = useTestApp();

const hook = (url: string) => `  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${url}/hook", httpContentFormat: JSONLINES } }\n`;
const HOOK = configStreamId('acme', 'hook');

describe("the container's DNS lookup", () => {
  /** A resolver that answers 127.0.0.1 for sink.outflow.test (a public-looking name) and nothing else. */
  const lookups: string[] = [];
  const fakeDns: DnsLookup = (hostname, _options, callback) => {
    lookups.push(hostname);
    if (hostname === 'sink.outflow.test') callback(null, [{ address: '127.0.0.1', family: 4 }]);
    else callback(Object.assign(new Error(`${hostname} is not known to the test resolver.`), { code: 'ENOTFOUND' }), []);
  };

  for (const allowPrivateNetworks of [true, false]) {
    it(`${allowPrivateNetworks ? 'delivers' : 'refuses at connect time'} to a name resolving to 127.0.0.1 when allowPrivateNetworks is ${allowPrivateNetworks}`, async () => {
      const rx = await t.receiver();
      const yaml = baseConfig(hook(rx.url.replace('127.0.0.1', 'sink.outflow.test'))).replace(
        'allowPrivateNetworks: true',
        `allowPrivateNetworks: ${allowPrivateNetworks}`,
      );
      lookups.length = 0;
      const app = await t.start(yaml, { configure: (c) => c.register(Tokens.DnsLookup, { useValue: fakeDns }) });
      expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
      if (allowPrivateNetworks) {
        await rx.waitFor(() => rx.uniqueIds().size === 1);
      } else {
        const health = await readUntil(
          () => app.store.health.list(HOOK),
          (list) => list.some((r) => r.kind === 'delivery_failed'),
        );
        expect(health.find((r) => r.kind === 'delivery_failed')?.message).toMatch(/sink\.outflow\.test resolves to private address 127\.0\.0\.1/);
        expect(rx.requests).toHaveLength(0);
      }
      // The runner's transport asked the registered resolver, not the system's.
      expect(lookups).toContain('sink.outflow.test');
    }, 30_000);
  }
});

describe("the container's clock", () => {
  it("times the runner's work: health records carry the manual clock's time, and retries wait for it", async () => {
    const rx = await t.receiver();
    rx.script(() => ({ status: 503 }));
    const clock = createManualClock(Date.parse('2020-02-02T00:00:00Z'));
    const app = await t.start(baseConfig(hook(rx.url)), { configure: (c) => c.register(Tokens.Clock, { useValue: clock }) });
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    // Attempt backoffs sleep on the manual clock: each poll moves it on so the round can end.
    const health = await readUntil(
      async () => {
        await clock.advance(100);
        return app.store.health.list(HOOK);
      },
      (list) => list.some((r) => r.kind === 'delivery_failed'),
    );
    const failed = health.find((r) => r.kind === 'delivery_failed');
    expect(new Date(failed?.at ?? 0).getUTCFullYear()).toBe(2020);
    const attempts = rx.requests.length;
    expect(attempts).toBeGreaterThan(0);
    // The next round starts when the manual clock passes the round backoff, whatever the wall clock does.
    rx.script(undefined);
    await readUntil(
      async () => {
        await clock.advance(200);
        return rx.uniqueIds().size;
      },
      (n) => n === 1,
    );
    expect(rx.uniqueIds().size).toBe(1);
    expect(rx.requests.length).toBeGreaterThan(attempts);
  }, 30_000);
});
