// Measures the store's append path (group commit) and a full read: `concurrency` appends in flight, `events` per append.
// Usage: node scripts/measure-append.mjs [appends=2000] [events=10] [concurrency=50]  (needs dist/: build first)
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../dist/index.js';

const url = process.env.OUTFLOW_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const [appends, events, concurrency] = [2000, 10, 50].map((d, i) => Number(process.argv[2 + i] ?? d));
const schema = `outflow_measure_${randomBytes(4).toString('hex')}`;

function batchOf(n, k0) {
  const texts = Array.from({ length: n }, (_, i) => {
    const log_id = `9002026${String(k0 + i).padStart(49, '0')}`;
    return `${JSON.stringify({ log_id, data: { log_id, type: 's', date: new Date().toISOString(), description: 'Success Login', user_id: `auth0|${i}`, ip: '203.0.113.7', details: { session_id: randomBytes(12).toString('hex') } } })}\n`;
  });
  const ends = new Uint32Array(n);
  let at = 0;
  texts.forEach((t, i) => {
    at += Buffer.byteLength(t);
    ends[i] = at;
  });
  return {
    tenant: 'acme',
    lines: Buffer.from(texts.join('')),
    ends,
    logIds: texts.map((t) => JSON.parse(t).log_id),
    types: texts.map(() => 's'),
    dates: new Float64Array(n),
  };
}

const store = await openPostgresStore({ url, schema, poolSize: 4 });
try {
  const batches = Array.from({ length: appends }, (_, i) => batchOf(events, i * events));
  let next = 0;
  const t0 = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < batches.length) await store.events.append(batches[next++]);
    }),
  );
  const appendMs = Number(process.hrtime.bigint() - t0) / 1e6;
  const t1 = process.hrtime.bigint();
  let cursor = 0;
  let read = 0;
  for (;;) {
    const { batch, scannedTo } = await store.events.read({ tenant: 'acme', afterSeq: cursor, filter: null, maxEvents: 500, maxBytes: 4 << 20 });
    if (batch.length === 0) break;
    read += batch.length;
    batch.jsonLines();
    cursor = scannedTo;
  }
  const readMs = Number(process.hrtime.bigint() - t1) / 1e6;
  const total = appends * events;
  console.log(
    `append: ${appends} appends x ${events} events, ${concurrency} in flight: ${appendMs.toFixed(0)} ms, ${Math.round(total / (appendMs / 1000))} events/s, ${Math.round(appends / (appendMs / 1000))} appends/s`,
  );
  console.log(`read: ${read} events in reads of up to 500: ${readMs.toFixed(0)} ms, ${Math.round(read / (readMs / 1000))} events/s`);
} finally {
  await store.close();
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`DROP SCHEMA ${schema} CASCADE`);
  await c.end();
}
