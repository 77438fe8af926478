// @outflow/store-sqlite: the embedded default store (segment files for event text, a SQLite index).
export { openSqliteStore } from './open-store.js';
export { openSqliteTokenStore, type SqliteTokenStore } from './token-store.js';
export type { SqliteStoreOptions } from './types.js';
