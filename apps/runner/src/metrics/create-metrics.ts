// The runner's Prometheus registry: ingest, delivery, store gauges and Node's process metrics.
import type { Store } from '@outflow/core';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { createDeliveryMetrics } from './delivery-metrics.js';
import { createIngestMetrics } from './ingest-metrics.js';
import { createStoreGauges } from './store-metrics.js';
import type { RunnerMetrics } from './types.js';

export interface MetricsDeps {
  /** The store once it is open (null before). */
  store: () => Store | null;
  now: () => number;
  sqlitePath: string | null;
  tenants: readonly string[];
}

export function createRunnerMetrics(deps: MetricsDeps): RunnerMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const recordedAt = async (seq: number) => deps.store()?.events.recordedAt(seq) ?? null;
  const delivery = createDeliveryMetrics(registry, recordedAt, deps.now);
  const refreshGauges = createStoreGauges(registry, {
    ...deps,
    // Streams deleted since the last scrape lose their series: label sets stay bounded by the stored streams.
    onStreams(streams) {
      const stored = new Set(streams.map((s) => s.id));
      for (const [id, type] of [...delivery.known()]) if (!stored.has(id)) delivery.remove(id, type);
    },
  });
  return {
    registry,
    delivery: delivery.observer,
    ingest: createIngestMetrics(registry),
    removeStream(id) {
      const type = delivery.known().get(id);
      if (type !== undefined) delivery.remove(id, type);
    },
    async render() {
      // First: it also drops the series of deleted streams, which this scrape then no longer shows.
      await refreshGauges();
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
