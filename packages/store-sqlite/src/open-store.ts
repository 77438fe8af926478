// openSqliteStore: opens (or creates) the index database and its segment folder, recovers, and composes the Store.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger, Store } from '@outflow/core';
import { BatchCache } from './batch-cache.js';
import { BatchIndex } from './batch-index.js';
import { createDeadLetterQueue } from './dead-letter-queue.js';
import { createEventLog } from './event-log.js';
import { createHealthLog } from './health-log.js';
import type { LogContext } from './log-context.js';
import { createPurge } from './purge-log.js';
import { recoverSegments } from './recovery.js';
import { prepareDatabase } from './schema.js';
import { SegmentFiles, segmentDirOf } from './segment-files.js';
import { createStreamRepository } from './stream-repository.js';
import { createStreamStats } from './stream-stats.js';
import { createTokenRepository } from './token-repository.js';
import { createWriteBatcher } from './write-batcher.js';
import { prepareTokenTables } from './token-schema.js';
import type { SqliteStoreOptions } from './types.js';

const MiB = 1024 * 1024;

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/**
 * Opens the store synchronously (better-sqlite3 is synchronous): creates missing folders and
 * tables, cuts unacknowledged segment bytes left by a crash, and is ready when it returns.
 */
export function openSqliteStore(options: SqliteStoreOptions): Store {
  const logger = (options.logger ?? silent).child({ component: 'store-sqlite' });
  const fsync = options.fsync ?? false;
  fs.mkdirSync(path.dirname(path.resolve(options.path)), { recursive: true });
  const db = new Database(options.path);
  let segments: SegmentFiles | undefined;
  try {
    prepareDatabase(db, fsync);
    prepareTokenTables(db);
    const index = new BatchIndex(db);
    segments = new SegmentFiles(segmentDirOf(options.path), options.segmentBytes ?? 64 * MiB, fsync, logger);
    // Taken before recovery: sequence numbers of batches it drops are not handed out again.
    const newest = index.newest();
    recoverSegments(index, segments, logger);
    const ctx: LogContext = {
      index,
      segments,
      logger,
      cache: new BatchCache(options.cacheBytes ?? 64 * MiB),
      now: options.now ?? Date.now,
      state: {
        lastSeq: Math.max(index.getMeta('last_seq') ?? 0, newest?.last_seq ?? 0),
        lastRecordedAt: Math.max(index.getMeta('last_recorded_at') ?? 0, newest?.recorded_at ?? 0),
      },
    };
    index.setMeta('last_seq', ctx.state.lastSeq);
    index.setMeta('last_recorded_at', ctx.state.lastRecordedAt);
    const writes = createWriteBatcher(db);
    const streams = createStreamRepository(db, writes);
    const health = createHealthLog(db);
    const purge = createPurge(ctx, { cursors: streams.cursors, moveCursor: streams.moveCursorForward, addHealth: health.add });
    const events = createEventLog(ctx, purge);
    const tokens = createTokenRepository(db);
    let closed = false;
    logger.info({ path: options.path, lastSeq: ctx.state.lastSeq }, 'Opened the SQLite store.');
    return {
      events,
      streams,
      health,
      deadLetters: createDeadLetterQueue(db),
      stats: createStreamStats(db, writes),
      tokens,
      async close() {
        if (closed) return;
        closed = true;
        events.shutdown();
        writes.flush();
        ctx.cache.clear();
        segments?.close();
        db.close();
      },
    };
  } catch (error) {
    segments?.close();
    db.close();
    throw error;
  }
}
