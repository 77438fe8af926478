// @outflow/store-postgres: the store for many runners on one PostgreSQL (batches as bytea rows with their index).
export { openPostgresStore } from './open-store.js';
export type { PostgresStoreOptions } from './types.js';
