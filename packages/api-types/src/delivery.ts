// GET /api/v2/log-streams?include=delivery: each stream's delivery state, for lists that show Failing or Retrying.
import type { StreamView } from './streams.js';
import type { WorkerView } from './health.js';

/** How a stream's latest delivery round went; times are ISO dates. */
export interface StreamDeliveryView {
  /** Start of the current run of failed rounds, or null while the latest round succeeded. */
  failingSince: string | null;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  /** The worker's state, or null when the stream has no worker here (paused, or run by another runner). */
  workerState: WorkerView['state'] | null;
  /** The last error the worker saw, when it has one. */
  lastError: { kind: string; status?: number; message: string; at: string } | null;
}

/** A list item with `include=delivery`. */
export type StreamWithDeliveryView = StreamView & { delivery: StreamDeliveryView };
