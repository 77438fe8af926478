// Public types of @outflow/store-postgres.
import type { Logger } from '@outflow/core';

export interface PostgresStoreOptions {
  /** Connection URL, e.g. `postgres://outflow:…@db:5432/outflow`. Its password is never logged. */
  url: string;
  /** The schema holding the store's tables; created when missing. Default `outflow`. */
  schema?: string;
  /** Connections in the pool (one more is kept for LISTEN). Default 10. */
  poolSize?: number;
  /** Clock for default recording times and health records. Default `Date.now`. */
  now?: () => number;
  logger?: Logger;
}
