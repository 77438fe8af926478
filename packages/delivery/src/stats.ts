// Adds a batch's or a round's counts to the stream's per-minute stats; a store failure is logged, not thrown.
import type { StreamCounts } from '@outflow/core';
import { errorText } from './health.js';
import type { WorkerContext } from './worker-context.js';

export async function countStats(ctx: Pick<WorkerContext, 'store' | 'stream' | 'clock' | 'logger' | 'secrets'>, counts: Partial<StreamCounts>): Promise<void> {
  if (!Object.values(counts).some((n) => n > 0)) return;
  try {
    await ctx.store.stats.add(ctx.stream.id, ctx.clock.now(), counts);
  } catch (err) {
    ctx.logger.warn({ error: errorText(err, ctx.secrets) }, 'Counting delivery stats failed.');
  }
}
