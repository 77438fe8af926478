// Public types of ingest: parse options, item problems and the outcome of a body.
import type { LogIdGenerator, PreparedBatch } from '@outflow/core';

export interface ParseOptions {
  tenant: string;
  /** Time used for missing dates (epoch ms). */
  now: number;
  ids: LogIdGenerator;
  /** Largest accepted event, in bytes of JSON text (default 1 MiB). */
  maxEventBytes?: number;
  /** Most events in one request (default 10,000). */
  maxEvents?: number;
  /** Most item problems reported (default 100). */
  maxIssues?: number;
}

/** One bad item: its 0-based index in the body, its 1-based line for NDJSON, and what is wrong. */
export interface ItemIssue {
  index: number;
  line?: number;
  message: string;
}

export type BodyFormat = 'json' | 'ndjson';

export type ParseOutcome = { ok: true; batch: PreparedBatch } | { ok: false; message: string; issues: ItemIssue[] };
