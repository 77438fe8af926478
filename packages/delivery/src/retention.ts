// Retention: purges events, health records and stats past their age, on demand and on a schedule.
import type { Clock, Logger, Store, TimerHandle } from '@outflow/core';
import type { DeliveryOptions, RetentionResult } from './types.js';

/** Purges events older than `retention` (the store moves lagging cursors) and old health records. */
export async function runRetention(store: Store, clock: Clock, options: DeliveryOptions, logger: Logger): Promise<RetentionResult> {
  const now = clock.now();
  const purged = await store.events.purge(now - options.retention);
  const healthRecords = await store.health.purge(now - options.healthRetention);
  await store.stats.purge(now - options.retention);
  for (const s of purged.streams) {
    logger.warn({ stream: s.streamId, lost: s.lost }, 'Events passed the retention period before they were delivered; the stream moved on.');
  }
  if (purged.events > 0 || healthRecords > 0) logger.info({ events: purged.events, healthRecords }, 'Retention purged old events and health records.');
  return { events: purged.events, streams: purged.streams, healthRecords };
}

export interface RetentionSchedule {
  cancel(): void;
}

/** Calls `run` every `interval` ms on the clock until cancelled; failures are logged. */
export function scheduleRetention(clock: Clock, interval: number, run: () => Promise<unknown>, logger: Logger): RetentionSchedule {
  let handle: TimerHandle | null = null;
  let cancelled = false;
  const tick = () => {
    handle = null;
    void run()
      .catch((err: unknown) => logger.error({ error: err instanceof Error ? err.message : String(err) }, 'Retention failed; it will run again later.'))
      .finally(() => {
        if (!cancelled) handle = clock.setTimeout(tick, interval);
      });
  };
  handle = clock.setTimeout(tick, interval);
  return {
    cancel() {
      cancelled = true;
      if (handle) clock.clearTimeout(handle);
      handle = null;
    },
  };
}
