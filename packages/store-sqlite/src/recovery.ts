// On open: cut segment bytes that were written but never indexed (never acknowledged) and drop stray segment files.
import fs from 'node:fs';
import type { Logger } from '@outflow/core';
import type { BatchIndex } from './batch-index.js';
import type { SegmentFiles } from './segment-files.js';

const sizeOf = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0);

/**
 * Makes the segment files agree with the index: files before the oldest indexed segment
 * (purged) or after the newest (never acknowledged) are deleted, and the newest indexed
 * segment is cut back to its last indexed byte, where writing resumes.
 */
export function recoverSegments(index: BatchIndex, segments: SegmentFiles, logger: Logger): void {
  const oldest = index.oldest();
  const newest = index.newest();
  const files = segments.list();
  const stray = oldest && newest ? files.filter((id) => id < oldest.segment || id > newest.segment) : files;
  if (stray.length > 0) logger.info({ segments: stray }, 'Removed segment files that hold no indexed events.');
  segments.remove(stray);
  if (!newest) return;
  const size = sizeOf(segments.pathOf(newest.segment));
  const end = newest.offset + newest.length;
  if (size < end) {
    // Only possible after a power failure without fsync: the index outlived the segment bytes.
    const dropped = index.dropBeyond(newest.segment, size);
    logger.error(
      { segment: newest.segment, size, indexedEnd: end, batches: dropped },
      'A segment file is shorter than its index; the batches it lost were dropped from the index.',
    );
    recoverSegments(index, segments, logger);
    return;
  }
  segments.resume(newest.segment, end);
  if (size > end) {
    logger.warn({ segment: newest.segment, bytes: size - end }, 'Cut unacknowledged bytes from the end of a segment.');
    segments.truncate(newest.segment, end);
  }
}
