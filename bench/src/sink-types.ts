// Messages of the sink process: what it is told to expect and what it reports per stream.
import type { StreamFilter } from '@outflow/core';

export interface SinkStreamSpec {
  /** URL path segment: the stream delivers to `/s/<name>`. */
  name: string;
  filters: StreamFilter[];
}

export interface SinkSetup {
  streams: SinkStreamSpec[];
  /** Number of events the load generator sends (event indexes are 0..events-1). */
  events: number;
  /** Type code of each event, to check each delivery against its stream's filter; null skips the check. */
  types: string[] | null;
  /** Sum of the deliveries expected over all streams; `done` is pushed when this many distinct ones arrived. */
  expectedTotal: number;
  /** Record the first arrival time of each event (one stream only). */
  trackArrivals: boolean;
}

export interface SinkStreamReport {
  name: string;
  /** Lines received, duplicates included. */
  lines: number;
  /** Distinct events received. */
  unique: number;
  duplicates: number;
  /** Events the stream's filter should not have let through. */
  unexpected: number;
  /** Lines whose log_id was not one of the bench's events. */
  unknown: number;
  requests: number;
}

export interface SinkReport {
  streams: SinkStreamReport[];
  uniqueTotal: number;
  firstAt: number | null;
  lastAt: number | null;
  /** Milliseconds the sink spent handling bodies (to show it does not dominate). */
  busyMs: number;
  arrivals?: Float64Array;
}

export interface SinkFirstNotice {
  at: number;
  index: number;
  stream: string;
}
export interface SinkDoneNotice {
  at: number;
}
