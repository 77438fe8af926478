// The store contract suite: every behaviour of the Store interface, run against any implementation.
import { describe } from 'vitest';
import { describeFilteredReads } from './contract-filter.js';
import { type OpenStore, useContractContext } from './contract-helpers.js';
import { describePurge } from './contract-purge.js';
import { describePurgeAcrossDays } from './contract-purge-days.js';
import { describeLogQueries } from './contract-queries.js';
import { describeAppendAndRead } from './contract-read.js';
import { describeRecords } from './contract-records.js';
import { describeStats } from './contract-stats.js';
import { describeReopen } from './contract-reopen.js';
import { describeStreams } from './contract-streams.js';
import { describeTokens } from './contract-tokens.js';

export type { OpenStore, StoreHarness } from './contract-helpers.js';

/**
 * Defines the store contract tests (vitest). `open` is called before each test and must return
 * an empty store; `close` is called after it. A persistent store (the default) must give `reopen`,
 * which opens the same data again after the suite closed the store; the persistence tests check
 * that everything survives. Pass `{ persistent: false }` for an in-memory store.
 *
 * ```ts
 * describeStoreContract('memory', async () => {
 *   const store = createMemoryStore();
 *   return { store, close: () => store.close() };
 * }, { persistent: false });
 * ```
 */
export function describeStoreContract(name: string, open: OpenStore, options: { persistent?: boolean } = {}): void {
  describe(`${name} store contract`, () => {
    const ctx = useContractContext(open);
    describeAppendAndRead(ctx);
    describeFilteredReads(ctx);
    describeLogQueries(ctx);
    describePurge(ctx);
    describePurgeAcrossDays(ctx);
    describeStreams(ctx);
    describeRecords(ctx);
    describeStats(ctx);
    describeTokens(ctx, options.persistent ?? true);
    if (options.persistent ?? true) describeReopen(ctx);
  });
}
