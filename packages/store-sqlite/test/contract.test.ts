// Runs the store contract suite against the SQLite store (real files in a temp folder, with reopen).
import path from 'node:path';
import { describeStoreContract } from '@outflow/core/testing';
import { afterAll } from 'vitest';
import { openSqliteStore } from '../src/index.js';
import { removeTempDirs, tempDir } from './helpers.js';

afterAll(removeTempDirs);

describeStoreContract('sqlite', async () => {
  const file = path.join(tempDir(), 'nested', 'outflow.db');
  let store = openSqliteStore({ path: file });
  return {
    store,
    close: () => store.close(),
    async reopen() {
      await store.close();
      store = openSqliteStore({ path: file });
      return store;
    },
  };
});

describeStoreContract('sqlite (fsync, tiny segments and cache)', async () => {
  const file = path.join(tempDir(), 'outflow.db');
  const options = { path: file, fsync: true, segmentBytes: 2048, cacheBytes: 4096 };
  let store = openSqliteStore(options);
  return {
    store,
    close: () => store.close(),
    async reopen() {
      await store.close();
      store = openSqliteStore(options);
      return store;
    },
  };
});
