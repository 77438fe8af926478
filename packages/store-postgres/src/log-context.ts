// What the event log's parts share: the pool, the notification channel, this store's id, clock, logger and known partitions.
import type pg from 'pg';
import type { Logger } from '@outflow/core';

export interface LogContext {
  pool: pg.Pool;
  /** NOTIFY channel of this schema's commits (shared by every runner on it). */
  channel: string;
  /** Tells this store's own notifications apart from other runners'. */
  origin: string;
  now: () => number;
  logger: Logger;
  /** UTC days (start, epoch ms) known to have a partition of `batches`; cleared when a purge or a failed insert says otherwise. */
  partitionDays: Set<number>;
}
