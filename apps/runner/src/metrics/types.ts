// Public types of the runner's metrics: what the HTTP server, the supervisor and the runner hand to them.
import type { DeliveryObserver } from '@outflow/delivery';
import type { Registry } from 'prom-client';

/** One ingest request as the metrics count it. */
export interface IngestObservation {
  /** The token's tenant; empty when the request was not authenticated. */
  tenant: string;
  status: number;
  /** Events accepted (0 unless the log committed them). */
  events: number;
  /** Body bytes read (decoded). */
  bytes: number;
}

export type IngestObserver = (o: IngestObservation) => void;

export interface RunnerMetrics {
  readonly registry: Registry;
  /** Hooked into the supervisor. */
  readonly delivery: DeliveryObserver;
  /** Hooked into POST /v1/logs. */
  readonly ingest: IngestObserver;
  /** Drops every series of a stream (also done at each scrape for streams no longer stored). */
  removeStream(id: string): void;
  /** The metrics in the Prometheus text format. */
  render(): Promise<{ contentType: string; body: string }>;
}
