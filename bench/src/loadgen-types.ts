// Messages of the load generator process: the workload it prepares and what it reports.

export interface LoadSetup {
  /** Base URL of the runner. */
  url: string;
  /** Several runners (`--runners`): requests go to them in turn, instead of to `url`. */
  urls?: string[];
  token: string;
  /** NDJSON file holding one event per line. */
  file: string;
  /** Send the first `events` lines. */
  events: number;
  /** Events per request. */
  batch: number;
  /** `burst`: as fast as `concurrency` requests in flight allow; `paced`: one request every `intervalMs`. */
  mode: 'burst' | 'paced';
  concurrency: number;
  intervalMs: number;
}

export interface LoadReport {
  /** When the first request was sent (wall clock ms). */
  startedAt: number;
  /** When the last acknowledgement arrived. */
  lastAckAt: number;
  acked: number;
  requests: number;
  errors: number;
  firstError: string | null;
  /** Acknowledgement time per event index (paced mode). */
  ackTimes?: Float64Array;
  /** Largest lag of a paced send behind its schedule (ms). */
  maxScheduleLagMs: number;
}
