// Times the retention purge on the old unpartitioned layout (DELETE) and on day partitions (DROP + boundary DELETE), same data generated on the server.
// Usage: node scripts/measure-purge.mjs [events=10000000] [perBatch=500] [eventBytes=64] [layouts=both|partitioned]  (needs dist/: build first)
// Rows are made by generate_series on the server: `events` events in batches of `perBatch`, recorded evenly over 31 days
// ending now; each batch's lines are `eventBytes` of md5 hex per event (as poorly compressible as JSON under pglz).
// Then on each layout: a one-day purge (the daily retention run), then the rest of a 30-day purge; both with one stream behind.
// On day partitions both purges run through store.events.purge (purge-log.ts): whole days counted from batch_days,
// which the group commit keeps; the rows here are made by INSERT … SELECT, so batch_days is filled from them after the load.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../dist/index.js';
import { DAY_MS, dayOf, dropPartitionsBefore, ensureDayPartitions } from '../dist/partitions.js';

const url = process.env.OUTFLOW_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const [events, perBatch, eventBytes] = [10_000_000, 500, 64].map((d, i) => Number(process.argv[2 + i] ?? d));
const rows = Math.ceil(events / perBatch);
const onlyPartitioned = process.argv[5] === 'partitioned';

/** Times every statement the store sends while `fn` runs (the store's purge), and prints them as steps. */
async function stepped(fn) {
  const original = pg.Client.prototype.query;
  const steps = [];
  pg.Client.prototype.query = function (config, ...rest) {
    const text = (typeof config === 'string' ? config : config?.text)?.replace(/\s+/g, ' ').slice(0, 28);
    const t = performance.now();
    const done = () => text && steps.push(`${text}… ${(performance.now() - t).toFixed(0)}`);
    // The pool passes a callback; the store's transactions await a promise.
    const cb = rest.at(-1);
    if (typeof cb === 'function') rest[rest.length - 1] = (...args) => (done(), cb(...args));
    const out = original.call(this, config, ...rest);
    if (out && typeof out.then === 'function') out.then(done, () => {});
    return out;
  };
  try {
    return await fn();
  } finally {
    pg.Client.prototype.query = original;
    console.log(`    statements (ms): ${steps.join(' | ')}`);
  }
}
const tag = randomBytes(3).toString('hex');
const now = Date.now();
// 31 days ending now; cutoffs at noon-ish times, so each purge has a boundary partition to DELETE from.
const start = now - 31 * DAY_MS;
const cutoffs = [start + DAY_MS, start + 30 * DAY_MS];

const OLD_DDL = `CREATE TABLE batches (
  first_seq BIGINT PRIMARY KEY, last_seq BIGINT NOT NULL, count INTEGER NOT NULL, tenant TEXT NOT NULL, recorded_at DOUBLE PRECISION NOT NULL,
  lines BYTEA NOT NULL, ends BYTEA NOT NULL, types TEXT NOT NULL, log_ids TEXT NOT NULL, dates BYTEA NOT NULL, encoding SMALLINT NOT NULL DEFAULT 0);
CREATE INDEX batches_tenant ON batches (tenant, last_seq);
CREATE INDEX batches_recorded ON batches (recorded_at, first_seq);
CREATE TABLE log_state (id SMALLINT PRIMARY KEY CHECK (id = 1), last_seq BIGINT NOT NULL, last_recorded_at DOUBLE PRECISION NOT NULL);
CREATE TABLE streams (id TEXT PRIMARY KEY, tenant TEXT NOT NULL, definition TEXT NOT NULL, cursor BIGINT NOT NULL, generation INTEGER NOT NULL DEFAULT 0,
  failing_since DOUBLE PRECISION, last_success_at DOUBLE PRECISION, last_error_at DOUBLE PRECISION, delivered BIGINT NOT NULL DEFAULT 0,
  dead_lettered BIGINT NOT NULL DEFAULT 0, suspended_reason TEXT);
CREATE TABLE health (id BIGSERIAL PRIMARY KEY, stream_id TEXT NOT NULL, tenant TEXT NOT NULL, at DOUBLE PRECISION NOT NULL, kind TEXT NOT NULL,
  error_kind TEXT, status INTEGER, message TEXT NOT NULL, attempts INTEGER, count BIGINT);`;

const FILL = `INSERT INTO batches (first_seq, last_seq, count, tenant, recorded_at, lines, ends, types, log_ids, dates, encoding)
  SELECT g * $1 + 1, (g + 1) * $1, $1, 'bench', $2 + g * $3::float8,
    (SELECT convert_to(string_agg(md5(g::text || ':' || i::text), ''), 'UTF8') FROM generate_series(1, $4) i),
    decode(repeat('00000000', $1), 'hex'), repeat('s' || chr(10), $1 - 1) || 's', repeat('id' || chr(10), $1 - 1) || 'id', decode(repeat('00', 8 * $1), 'hex'), 0
  FROM generate_series(0, $5 - 1) g`;

/** The old purge (before day partitions), statement for statement; `partitioned` adds the drops of purge-log.ts. Prints each step's time. */
async function purge(client, before, partitioned) {
  const steps = [];
  let t = performance.now();
  const step = (name) => {
    const now = performance.now();
    steps.push(`${name} ${(now - t).toFixed(0)}`);
    t = now;
  };
  await client.query('BEGIN');
  await client.query("SELECT pg_advisory_xact_lock(hashtext(current_schema() || '.outflow_purge'))");
  const through = (await client.query('SELECT last_seq FROM batches WHERE recorded_at < $1 ORDER BY recorded_at DESC, first_seq DESC LIMIT 1', [before]))
    .rows[0]?.last_seq;
  step('find');
  const n = (await client.query('SELECT COALESCE(SUM(count), 0)::bigint AS n FROM batches WHERE first_seq <= $1', [through])).rows[0].n;
  const lost = await client.query(
    `SELECT s.id, s.tenant, l.n, l.last FROM streams s CROSS JOIN LATERAL (
      SELECT COALESCE(SUM(b.last_seq - GREATEST(b.first_seq, s.cursor + 1) + 1), 0)::bigint AS n, MAX(b.last_seq) AS last
      FROM batches b WHERE b.tenant = s.tenant AND b.last_seq > s.cursor AND b.first_seq <= $1) l WHERE l.n > 0`,
    [through],
  );
  step('count+lost');
  for (const s of lost.rows) {
    await client.query('UPDATE streams SET cursor = GREATEST(cursor, $1) WHERE id = $2', [s.last, s.id]);
    await client.query(`INSERT INTO health (stream_id, tenant, at, kind, count, message) VALUES ($1, $2, $3, 'events_lost', $4, 'x')`, [
      s.id,
      s.tenant,
      now,
      s.n,
    ]);
  }
  step('cursors');
  if (partitioned) {
    const gone = await dropPartitionsBefore(client, before);
    step(`drop ${gone.length}`);
    await client.query('DELETE FROM batches WHERE recorded_at < $1 AND first_seq <= $2', [before, through]);
  } else {
    await client.query('DELETE FROM batches WHERE first_seq <= $1', [through]);
  }
  step('delete');
  await client.query('COMMIT');
  step('commit');
  console.log(`    steps (ms): ${steps.join(', ')}`);
  return Number(n);
}

const client = new pg.Client({ connectionString: url });
await client.connect();
const timed = async (what, fn) => {
  const t0 = performance.now();
  const out = await fn();
  const ms = performance.now() - t0;
  console.log(`${what}: ${ms.toFixed(0)} ms${out === undefined ? '' : ` (${out.toLocaleString('en-US')} events)`}`);
  return ms;
};
const fillArgs = [perBatch, start, (31 * DAY_MS) / rows, Math.ceil((perBatch * eventBytes) / 32), rows];
const stream = `INSERT INTO streams (id, tenant, definition, cursor) VALUES ('s1', 'bench', '{}', 0)`;
const oldSchema = `outflow_purge_old_${tag}`;
const newSchema = `outflow_purge_new_${tag}`;
console.log(`${events.toLocaleString('en-US')} events, ${rows.toLocaleString('en-US')} batch rows of ${perBatch}, ${eventBytes} B per event, over 31 days`);
try {
  if (!onlyPartitioned) {
    await client.query(`CREATE SCHEMA ${oldSchema}; SET search_path = ${oldSchema}; ${OLD_DDL}`);
    await timed('load, unpartitioned', async () => void (await client.query(FILL, fillArgs)));
    await client.query(`${stream}; INSERT INTO log_state VALUES (1, ${rows * perBatch}, ${now})`);
    await client.query('VACUUM ANALYZE batches');
    console.log(`  size: ${(await client.query("SELECT pg_size_pretty(pg_total_relation_size('batches')) AS s")).rows[0].s}`);
    for (const c of cutoffs) await timed(`  purge before day ${((c - start) / DAY_MS).toFixed(0)}, DELETE`, () => purge(client, c, false));
    // What DELETE leaves to autovacuum (DROP leaves nothing): the dead rows and TOAST chunks.
    await timed('  VACUUM after the DELETEs', async () => void (await client.query('VACUUM batches')));
  }

  const store = await openPostgresStore({ url, schema: newSchema, poolSize: 2, now: () => now });
  await client.query(`SET search_path = ${newSchema}`);
  await ensureDayPartitions(
    client,
    Array.from({ length: 33 }, (_, d) => dayOf(start) + d * DAY_MS),
  );
  await timed('load, day partitions', async () => void (await client.query(FILL, fillArgs)));
  await client.query(`${stream}; UPDATE log_state SET last_seq = ${rows * perBatch}, last_recorded_at = ${now}`);
  await client.query(`TRUNCATE batch_days; INSERT INTO batch_days (day, tenant, events, first_seq, last_seq)
    SELECT floor(recorded_at / ${DAY_MS}) * ${DAY_MS}, tenant, SUM(count), MIN(first_seq), MAX(last_seq) FROM batches GROUP BY 1, 2`);
  await client.query('VACUUM ANALYZE batches');
  const size = await client.query(
    "SELECT pg_size_pretty(SUM(pg_total_relation_size(inhrelid))) AS s, count(*) AS n FROM pg_inherits WHERE inhparent = 'batches'::regclass",
  );
  console.log(`  size: ${size.rows[0].s} in ${size.rows[0].n} partitions`);
  const plan = await client.query(
    `EXPLAIN (ANALYZE, COSTS OFF) SELECT first_seq, lines FROM batches WHERE tenant = 'bench' AND last_seq > ${Math.floor(events / 2)} ORDER BY last_seq LIMIT 64`,
  );
  console.log(`  read after a seq:\n${plan.rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n')}`);
  await timed('  purge before day 1, DROP + boundary DELETE (store.events.purge)', () => stepped(async () => (await store.events.purge(cutoffs[0])).events));
  await timed('  purge before day 30, DROP + boundary DELETE (store.events.purge)', () => stepped(async () => (await store.events.purge(cutoffs[1])).events));
  await store.close();
} finally {
  await client.query(`DROP SCHEMA IF EXISTS ${oldSchema} CASCADE; DROP SCHEMA IF EXISTS ${newSchema} CASCADE`);
  await client.end();
}
