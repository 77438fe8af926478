// GET /api/v2/runners: the live runners sharing the store and the streams each one delivers.

/** A stream as the runners list names it. */
export interface RunnerStreamView {
  id: string;
  name: string;
}

export interface RunnerView {
  id: string;
  host: string;
  pid: number;
  startedAt: string;
  /** Last heartbeat (the database's clock on PostgreSQL). */
  heartbeatAt: string;
  /** Time since the last heartbeat, by the database's clock; 0 on a single runner. */
  heartbeatAgeMs: number;
  /** When the runner's membership lapses without another heartbeat; null on a single runner (nothing lapses). */
  expiresAt: string | null;
  /** The earliest expiry of the leases it holds; null when it holds none, or on a single runner. */
  leaseExpiresAt: string | null;
  /** True for the runner that answered. */
  self: boolean;
  /** The streams it delivers, of the caller's tenant only. */
  streams: RunnerStreamView[];
}

export interface RunnersView {
  /** `cluster`: runners share a PostgreSQL store through stream leases; `single`: this runner delivers every active stream. */
  mode: 'cluster' | 'single';
  runners: RunnerView[];
}
