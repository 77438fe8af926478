// GET /api/v2/log-streams/{id}/stats: delivered, failed and dead-lettered events and failed rounds per minute.

/** One minute of the window; minutes without activity are zeros. */
export interface StatsBucketView {
  /** ISO date of the minute's start. */
  at: string;
  delivered: number;
  failed: number;
  deadLettered: number;
  /** Delivery rounds that failed in this minute. */
  failedRounds: number;
}

export interface StreamStatsView {
  id: string;
  bucketSeconds: number;
  /** Oldest first, the last being the current minute. */
  buckets: StatsBucketView[];
}
