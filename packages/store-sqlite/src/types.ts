// Public types of @outflow/store-sqlite.
import type { Logger } from '@outflow/core';

export interface SqliteStoreOptions {
  /** The SQLite index file, e.g. `./data/outflow.db`; parent folders are created. Segments go in `<path without .db>.segments/`. */
  path: string;
  /**
   * fsync each segment write before its index commit and run SQLite with `synchronous=FULL`:
   * acknowledged appends then also survive power loss. Default false: they survive `kill -9`.
   */
  fsync?: boolean;
  /** Size at which a new segment file is started. Default 64 MiB. */
  segmentBytes?: number;
  /** Memory for recently written or read batches, so live delivery does not touch disk. Default 64 MiB. */
  cacheBytes?: number;
  /** Clock for default recording times and health records. Default `Date.now`. */
  now?: () => number;
  logger?: Logger;
}
