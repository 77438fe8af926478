// Scenario sizes: the full benchmark and --quick (a tenth).

export interface Sizes {
  /** Events of the throughput, fan-out and ingest-only scenarios. */
  events: number;
  batch: number;
  concurrency: number;
  latency: { eventsPerSec: number; seconds: number; batch: number };
  many: { streams: number; events: number };
  replay: { events: number; days: number; seekDay: number };
}

export const FULL: Sizes = {
  events: 200_000,
  batch: 500,
  concurrency: 6,
  latency: { eventsPerSec: 2000, seconds: 30, batch: 20 },
  many: { streams: 1000, events: 100_000 },
  replay: { events: 5_000_000, days: 30, seekDay: 15 },
};

export const QUICK: Sizes = {
  ...FULL,
  events: 20_000,
  latency: { ...FULL.latency, seconds: 3 },
  many: { streams: 100, events: 10_000 },
  replay: { ...FULL.replay, events: 500_000 },
};
