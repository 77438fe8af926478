// openPostgresStore: connects, creates the schema and tables (idempotent), starts listening for other runners' commits, composes the Store.
import { randomUUID } from 'node:crypto';
import type { Logger, Store } from '@outflow/core';
import { channelOf, listenForCommits } from './commit-listener.js';
import { controlChannelOf, createControlChannel } from './control-channel.js';
import { checkSchemaName, cleanError, createPool, inTransaction, safeUrl } from './connection.js';
import { ensureDayCounts } from './day-counts.js';
import { createDeadLetterQueue } from './dead-letter-queue.js';
import { createEventLog } from './event-log.js';
import { createHealthLog } from './health-log.js';
import type { LogContext } from './log-context.js';
import { LEASE_SCHEMA_SQL } from './lease-schema.js';
import { createStreamLeases } from './leases.js';
import { attachLegacyBatches, setAsideLegacyBatches } from './migrate-batches.js';
import { DAY_MS, DDL_LOCK, ensureDayPartitions, dayOf } from './partitions.js';
import { LZ4_SQL, SCHEMA_SQL } from './schema.js';
import { createRateBuckets, RATE_SCHEMA_SQL } from './rate-buckets.js';
import { createStreamRepository } from './stream-repository.js';
import { createStreamStats } from './stream-stats.js';
import { createTokenRepository } from './token-repository.js';
import type { PostgresStoreOptions } from './types.js';

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => silent };

/**
 * Opens the store: creates the schema and its tables when missing, and LISTENs for commits of
 * other runners before it resolves. Errors never carry the URL's password.
 */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const logger = (options.logger ?? silent).child({ component: 'store-postgres' });
  const schema = checkSchemaName(options.schema ?? 'outflow');
  const poolSize = options.poolSize ?? 10;
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new TypeError(`poolSize must be a positive integer; got ${poolSize}.`);
  const where = `${safeUrl(options.url)} (schema ${schema})`;
  const pool = createPool(options.url, schema, poolSize);
  pool.on('error', (error) => logger.warn({ err: cleanError(error, options.url) }, 'An idle PostgreSQL connection failed.'));
  try {
    const since = await inTransaction(pool, async (client) => {
      await client.query(DDL_LOCK);
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      const legacy = await setAsideLegacyBatches(client);
      await client.query(SCHEMA_SQL);
      await client.query(LEASE_SCHEMA_SQL);
      await client.query(RATE_SCHEMA_SQL);
      await client.query(LZ4_SQL);
      if (legacy) {
        const moved = await attachLegacyBatches(client);
        logger.info({ schema, ...moved }, 'Moved the unpartitioned batches table of an older version into the day-partitioned one.');
      }
      await ensureDayCounts(client);
      // Today and tomorrow exist ahead of time; appends create any other day they need.
      const today = dayOf((options.now ?? Date.now)());
      await ensureDayPartitions(client, [today, today + DAY_MS]);
      return (await client.query<{ last_seq: number }>('SELECT last_seq FROM log_state WHERE id = 1')).rows[0]?.last_seq ?? 0;
    });
    const ctx: LogContext = { pool, channel: channelOf(schema), origin: randomUUID(), now: options.now ?? Date.now, logger, partitionDays: new Set() };
    const events = createEventLog(ctx);
    const control = createControlChannel(pool, controlChannelOf(schema), ctx.origin, logger.child({ component: 'control' }));
    const listener = await listenForCommits({
      url: options.url,
      schema,
      channel: ctx.channel,
      origin: ctx.origin,
      since,
      logger,
      onCommit: events.notifyRemote,
      async catchUp(afterSeq) {
        const { rows } = await pool.query<{ tenant: string; last_seq: number }>(
          'SELECT tenant, MAX(last_seq) AS last_seq FROM batches WHERE last_seq > $1 GROUP BY tenant',
          [afterSeq],
        );
        return rows.map((r) => ({ tenant: r.tenant, lastSeq: r.last_seq }));
      },
      also: { channel: control.channel, heard: control.heard, reconnected: control.resync },
    });
    let closed = false;
    logger.info({ database: where, lastSeq: since }, 'Opened the PostgreSQL store.');
    return {
      events,
      streams: createStreamRepository(pool, control),
      health: createHealthLog(pool),
      deadLetters: createDeadLetterQueue(pool),
      stats: createStreamStats(pool),
      tokens: createTokenRepository(pool),
      leases: createStreamLeases(pool),
      control: { publish: control.publish, subscribe: control.subscribe },
      rateBuckets: createRateBuckets(pool),
      async close() {
        if (closed) return;
        closed = true;
        await events.shutdown();
        await listener.close();
        await pool.end();
      },
    };
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = cleanError(error, options.url) as Error;
    throw new Error(`Could not open the PostgreSQL store at ${where}: ${reason.message}`, { cause: reason });
  }
}
