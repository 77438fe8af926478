// Measures the ADR's row layout question: one bytea row per ingested batch vs one row per event (append and read).
// Usage: node scripts/measure-row-layout.mjs [batches=200] [eventsPerBatch=100]  (OUTFLOW_TEST_PG_URL picks the database)
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const url = process.env.OUTFLOW_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const batches = Number(process.argv[2] ?? 200);
const perBatch = Number(process.argv[3] ?? 100);
const schema = `outflow_measure_${randomBytes(4).toString('hex')}`;

/** A batch of Auth0-shaped envelopes (~600 bytes each) as lines, with their ends. */
function batch(b) {
  const lines = [];
  for (let i = 0; i < perBatch; i++) {
    const log_id = `9002026${String(b * perBatch + i).padStart(49, '0')}`;
    lines.push(
      `${JSON.stringify({ log_id, data: { log_id, type: 's', date: new Date().toISOString(), description: 'Success Login', client_id: 'AaiyAPdpYdesoKnqjj8HJqRn4T5titww', ip: '203.0.113.7', user_agent: 'Chrome 120.0.0 / Mac OS X 10.15.7', user_id: `auth0|${i}`, user_name: `user${i}@example.com`, connection: 'Username-Password-Authentication', details: { prompts: [], session_id: randomBytes(12).toString('hex') } } })}\n`,
    );
  }
  const buffers = lines.map((l) => Buffer.from(l));
  const ends = new Uint32Array(perBatch);
  let at = 0;
  buffers.forEach((x, i) => {
    at += x.length;
    ends[i] = at;
  });
  return { buffers, lines: Buffer.concat(buffers), ends, logIds: lines.map((l) => JSON.parse(l).log_id) };
}

const client = new pg.Client({ connectionString: url, options: `-c search_path=${schema}` });
await client.connect();
await client.query(`CREATE SCHEMA ${schema}`);
await client.query(`CREATE TABLE per_batch (first_seq BIGINT PRIMARY KEY, last_seq BIGINT NOT NULL, tenant TEXT NOT NULL, recorded_at DOUBLE PRECISION NOT NULL,
  lines BYTEA NOT NULL, ends BYTEA NOT NULL, types TEXT NOT NULL, log_ids TEXT NOT NULL, dates BYTEA NOT NULL)`);
await client.query('CREATE INDEX ON per_batch (tenant, last_seq)');
await client.query(`CREATE TABLE per_event (seq BIGINT PRIMARY KEY, tenant TEXT NOT NULL, recorded_at DOUBLE PRECISION NOT NULL,
  line BYTEA NOT NULL, type TEXT NOT NULL, log_id TEXT NOT NULL, date DOUBLE PRECISION NOT NULL)`);
await client.query('CREATE INDEX ON per_event (tenant, seq)');
const data = Array.from({ length: batches }, (_, b) => batch(b));
const total = batches * perBatch;

async function timed(label, fn) {
  const t = process.hrtime.bigint();
  await fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(
    `${label.padEnd(34)} ${ms.toFixed(0).padStart(6)} ms  ${Math.round(total / (ms / 1000))
      .toString()
      .padStart(8)} events/s`,
  );
}

await timed('append, one row per batch', async () => {
  let seq = 0;
  for (const b of data) {
    await client.query('BEGIN');
    await client.query('INSERT INTO per_batch VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)', [
      seq + 1,
      seq + perBatch,
      'acme',
      Date.now(),
      b.lines,
      Buffer.from(b.ends.buffer),
      Array(perBatch).fill('s').join('\n'),
      b.logIds.join('\n'),
      Buffer.alloc(perBatch * 8),
    ]);
    await client.query('COMMIT');
    seq += perBatch;
  }
});
await timed('append, one row per event', async () => {
  let seq = 0;
  for (const b of data) {
    await client.query('BEGIN');
    // One multi-row INSERT per batch (7 parameters a row), the fastest plain per-event form.
    const values = [];
    const rows = [];
    b.buffers.forEach((line, i) => {
      const p = values.length;
      rows.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7})`);
      values.push(++seq, 'acme', Date.now(), line, 's', b.logIds[i], Date.now());
    });
    await client.query(`INSERT INTO per_event VALUES ${rows.join(', ')}`, values);
    await client.query('COMMIT');
  }
});
await timed('read all, one row per batch', async () => {
  let after = 0;
  for (;;) {
    const { rows } = await client.query(
      'SELECT last_seq, lines, ends, types, log_ids FROM per_batch WHERE tenant = $1 AND last_seq > $2 ORDER BY last_seq LIMIT 5',
      ['acme', after],
    );
    if (rows.length === 0) break;
    for (const r of rows) {
      r.log_ids.split('\n');
      r.types.split('\n');
    }
    after = Number(rows[rows.length - 1].last_seq);
  }
});
await timed('read all, one row per event', async () => {
  let after = 0;
  for (;;) {
    const { rows } = await client.query('SELECT seq, line, type, log_id FROM per_event WHERE tenant = $1 AND seq > $2 ORDER BY seq LIMIT 500', ['acme', after]);
    if (rows.length === 0) break;
    after = Number(rows[rows.length - 1].seq);
  }
});
const size = async (t) => (await client.query(`SELECT pg_total_relation_size('${t}') AS n`)).rows[0].n;
console.log(
  `table size: per batch ${((await size('per_batch')) / 1048576).toFixed(1)} MiB, per event ${((await size('per_event')) / 1048576).toFixed(1)} MiB (${total} events)`,
);
await client.query(`DROP SCHEMA ${schema} CASCADE`);
await client.end();
