// Runs the store contract suite against the in-memory reference store.
import { createMemoryStore, describeStoreContract } from '../src/testing/index.js';

describeStoreContract(
  'memory',
  async () => {
    const store = createMemoryStore();
    return { store, close: () => store.close() };
  },
  { persistent: false },
);
