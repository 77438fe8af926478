// What the event log's parts share: the index, the segment files, the batch cache and the log's position.
import type { Logger } from '@outflow/core';
import type { BatchCache } from './batch-cache.js';
import type { BatchIndex } from './batch-index.js';
import type { SegmentFiles } from './segment-files.js';

export interface LogState {
  /** Highest sequence number ever assigned (kept across purges in the `meta` table). */
  lastSeq: number;
  /** Latest recording time; appends never record earlier. */
  lastRecordedAt: number;
}

export interface LogContext {
  index: BatchIndex;
  segments: SegmentFiles;
  cache: BatchCache;
  state: LogState;
  now: () => number;
  logger: Logger;
}
