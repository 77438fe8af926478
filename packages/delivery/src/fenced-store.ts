// The store as a leased stream's worker sees it: cursor commits, dead letters and health records carry the lease, refused once it is gone.
import type { LeaseFence, Store } from '@outflow/core';

export function fencedStore(store: Store, lease: LeaseFence): Store {
  const { streams } = store;
  return {
    tokens: store.tokens,
    events: store.events,
    health: { ...store.health, append: (record) => store.health.append(record, lease) },
    deadLetters: { ...store.deadLetters, add: (letters) => store.deadLetters.add(letters, lease) },
    stats: store.stats,
    close: () => store.close(),
    streams: {
      ...streams,
      commitDelivery: (id, commit) => streams.commitDelivery(id, { ...commit, lease }),
      addDeadLettered: (id, count) => streams.addDeadLettered(id, count, lease),
    },
  };
}
