// Runs the store contract suite against PostgreSQL: a fresh schema per test (dropped after the file), with reopen.
import { describeStoreContract } from '@outflow/core/testing';
import { afterAll, beforeAll } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { PG_URL, dropSchemas, freshSchema, requirePostgres } from '../src/testing.js';

beforeAll(requirePostgres);
afterAll(dropSchemas);

describeStoreContract('postgres', async () => {
  const options = { url: PG_URL, schema: freshSchema(), poolSize: 4 };
  let store = await openPostgresStore(options);
  return {
    store,
    close: () => store.close(),
    async reopen() {
      await store.close();
      store = await openPostgresStore(options);
      return store;
    },
  };
});
