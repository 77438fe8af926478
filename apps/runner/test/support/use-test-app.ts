// Per-test runners and receivers, stopped after each test: replaces `let app/rx` and their afterEach in a test file.
import { afterEach } from 'vitest';
import type { Clock } from '@outflow/core';
import { startTestApp, type TestApp } from './app.js';
import { startReceiver, type Receiver } from './receiver.js';
import type { StartOptions } from '../../src/index.js';

export interface TestResources {
  /** A runner for this test (startTestApp's arguments), stopped after it. */
  start(yaml: string, options?: { clock?: Clock; dir?: string; configure?: StartOptions['configure'] }): Promise<TestApp>;
  /** A receiver on 127.0.0.1 for this test, closed after it. */
  receiver(): Promise<Receiver>;
  /** Anything else to close after the test (a fake destination, a proxy); returns it. */
  closeAfter<T extends { close(): unknown }>(thing: T): T;
}

/** Call once at the top of a test file. Resources close in reverse order: runners stop before their receivers. */
export function useTestApp(): TestResources {
  const open: Array<() => unknown> = [];
  afterEach(async () => {
    for (const close of open.splice(0).reverse()) await close();
  });
  const closeAfter = <T extends { close(): unknown }>(thing: T): T => {
    open.push(() => thing.close());
    return thing;
  };
  return {
    async start(yaml, options = {}) {
      const app = await startTestApp(yaml, options.clock, options.dir, options.configure ? { configure: options.configure } : {});
      open.push(() => app.stop());
      return app;
    },
    receiver: async () => closeAfter(await startReceiver()),
    closeAfter,
  };
}
