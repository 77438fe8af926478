// Shared rate buckets: the optional store capability that holds token buckets for every runner of one store (ADR 0021).

/** One take from a shared bucket, as the database decided it on its own clock. */
export interface SharedTake {
  allowed: boolean;
  /** Tokens left after the take (fractional: the bucket refills continuously). */
  tokens: number;
  /** The database's time of the take, epoch milliseconds. */
  at: number;
}

/** Token buckets in the store; each take is one atomic statement, so runners sharing the store share budgets. */
export interface SharedRateBuckets {
  /** Refills `key` for the time since its last take (up to `burst`), then spends one token when there is one. */
  take(key: string, burst: number, requestsPerMinute: number): Promise<SharedTake>;
  /** Deletes buckets that are full again (the same as no bucket) or untouched for a day; resolves with how many. */
  sweep(): Promise<number>;
}
