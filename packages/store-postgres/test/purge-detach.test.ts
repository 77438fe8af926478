// The purge detaches whole days and drops them after its commit: no detached table is left, one a crash left behind goes with the next purge.
import type { Store } from '@outflow/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../src/index.js';
import { DAY_MS, partitionName } from '../src/partitions.js';
import { PG_URL, dropSchemas, freshSchema, query, requirePostgres } from '../src/testing.js';
import { batchOf } from './batches.js';

beforeAll(requirePostgres);
afterAll(dropSchemas);

const D0 = Date.UTC(2026, 4, 1);
const day = (n: number) => D0 + n * DAY_MS;
let open: Store[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) await s.close();
});

const tablesLike = async (schema: string, prefix: string) =>
  (
    await query<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '${schema}' AND c.relkind = 'r' AND c.relname LIKE '${prefix}%' ORDER BY 1`,
    )
  ).map((r) => r.name);

describe('purge of whole days', () => {
  it('leaves no detached partition behind and drops one a crash left', async () => {
    const schema = freshSchema();
    const store = await openPostgresStore({ url: PG_URL, schema, poolSize: 4, now: () => day(10) });
    open.push(store);
    for (let d = 0; d < 4; d++) await store.events.append(batchOf('acme', 3), day(d) + 1000);
    // A purge that committed its detach but died before the drop leaves a renamed table.
    await query(`ALTER TABLE ${schema}.batches DETACH PARTITION ${schema}.${partitionName(day(0))};
      ALTER TABLE ${schema}.${partitionName(day(0))} RENAME TO batches_purged_1_0; DELETE FROM ${schema}.batch_days WHERE day = ${day(0)}`);
    expect(await tablesLike(schema, 'batches_purged_')).toEqual(['batches_purged_1_0']);

    const result = await store.events.purge(day(2));
    expect(result.events).toBe(3);
    expect(await tablesLike(schema, 'batches_purged_')).toEqual([]);
    expect(await tablesLike(schema, partitionName(day(1)))).toEqual([]);
    expect(await tablesLike(schema, partitionName(day(2)))).toEqual([partitionName(day(2))]);
    // Appends go on (clamped to the newest recording time, day 3).
    expect(await store.events.append(batchOf('acme', 2), day(1) + 5)).toEqual({ firstSeq: 13, lastSeq: 14, recordedAt: day(3) + 1000 });
  });
});
