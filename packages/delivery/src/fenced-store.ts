// The store as a leased stream's worker sees it: cursor commits, dead letters, health records, stats, failures and suspension carry the lease, refused once it is gone.
import type { LeaseFence, Store } from '@outflow/core';

export function fencedStore(store: Store, lease: LeaseFence): Store {
  const { streams } = store;
  return {
    tokens: store.tokens,
    events: store.events,
    health: { ...store.health, append: (record) => store.health.append(record, lease) },
    deadLetters: { ...store.deadLetters, add: (letters) => store.deadLetters.add(letters, lease) },
    stats: { ...store.stats, add: (id, at, counts) => store.stats.add(id, at, counts, lease) },
    close: () => store.close(),
    streams: {
      ...streams,
      commitDelivery: (id, commit) => streams.commitDelivery(id, { ...commit, lease }),
      addDeadLettered: (id, count) => streams.addDeadLettered(id, count, lease),
      recordFailure: (id, at) => streams.recordFailure(id, at, lease),
      // The worker suspends its own stream; other status changes come from the API through the plain store.
      setStatus: (id, status, reason, at) => streams.setStatus(id, status, reason, at, lease),
    },
  };
}
