// Delivery counters and histograms, fed by the supervisor's observer; labels are stream id and connector type only.
import type { DeliveryObserver, ObservedStream } from '@outflow/delivery';
import { Counter, Histogram, type Registry } from 'prom-client';

const LATENCY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800];
const ATTEMPT_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

export interface DeliveryMetrics {
  observer: DeliveryObserver;
  /** Drops the stream's series; `type` is the connector type it was counted under. */
  remove(id: string, type: string): void;
  /** Streams with series, and their connector type. */
  known(): ReadonlyMap<string, string>;
}

/** `recordedAt(seq)`: when the log acknowledged the event (null when purged since). */
export function createDeliveryMetrics(registry: Registry, recordedAt: (seq: number) => Promise<number | null>, now: () => number): DeliveryMetrics {
  const registers = [registry];
  const labelNames = ['stream', 'type'] as const;
  const counter = (name: string, help: string) => new Counter({ name, help, labelNames, registers });
  const delivered = counter('outflow_stream_delivered_events_total', 'Events the destination accepted.');
  const failed = counter('outflow_stream_failed_events_total', 'Events of delivery rounds that failed (each is retried after the round backoff).');
  const dead = counter('outflow_stream_dead_lettered_events_total', 'Events the destination refused for good, moved to dead letters.');
  const retried = counter('outflow_stream_retried_events_total', 'Events sent again after a failed attempt or round.');
  const latency = new Histogram({
    name: 'outflow_stream_latency_seconds',
    help: 'End-to-end latency: from the ingest acknowledgement of the oldest event of a request to the destination accepting it.',
    labelNames,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const attempts = new Histogram({
    name: 'outflow_delivery_attempt_duration_seconds',
    help: 'Duration of requests to destinations, by connector type and outcome.',
    labelNames: ['type', 'outcome'] as const,
    buckets: ATTEMPT_BUCKETS,
    registers,
  });
  const streams = new Map<string, string>();
  const labels = (s: ObservedStream) => {
    streams.set(s.id, s.type);
    return { stream: s.id, type: s.type };
  };
  const observer: DeliveryObserver = {
    attempt: (s, ms, outcome) => attempts.observe({ type: s.type, outcome }, ms / 1000),
    accepted: (s, events, firstSeq) => {
      const l = labels(s);
      delivered.inc(l, events);
      void recordedAt(firstSeq).then(
        (at) => {
          if (at !== null && streams.has(s.id)) latency.observe(l, Math.max(0, now() - at) / 1000);
        },
        () => undefined,
      );
    },
    retried: (s, events) => retried.inc(labels(s), events),
    failed: (s, events) => failed.inc(labels(s), events),
    deadLettered: (s, events) => dead.inc(labels(s), events),
  };
  return {
    observer,
    known: () => streams,
    remove(id, type) {
      streams.delete(id);
      for (const m of [delivered, failed, dead, retried, latency]) m.remove({ stream: id, type });
    },
  };
}
