// The store as a leased stream's worker sees it: its cursor commits carry the lease, so the store refuses them once the lease is gone.
import type { LeaseFence, Store } from '@outflow/core';

export function fencedStore(store: Store, lease: LeaseFence): Store {
  const { streams } = store;
  return {
    tokens: store.tokens,
    events: store.events,
    health: store.health,
    deadLetters: store.deadLetters,
    stats: store.stats,
    close: () => store.close(),
    streams: { ...streams, commitDelivery: (id, commit) => streams.commitDelivery(id, { ...commit, lease }) },
  };
}
