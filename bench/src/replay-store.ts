// Pre-populates a store through the store API: N events recorded over D days, in time order.
import type { Logger, PreparedBatch } from '@outflow/core';
import { sampleEvents, sampleLogId } from '@outflow/samples';
import { openSqliteStore } from '@outflow/store-sqlite';
import { BENCH_TENANT } from './runner-process.js';

export interface ReplayStore {
  path: string;
  events: number;
  /** recordedAt of each batch's first event (batches are `batch` events long). */
  batchTimes: Float64Array;
  batch: number;
  buildMs: number;
}

const POOL = 4096;
const BATCH = 2000;
const NODE = '000000000777';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {}, child: () => quiet };

/** Events of a small pool serialized without log_id and date, re-used with fresh ids. */
function pool(): Array<{ rest: string; type: string }> {
  return sampleEvents(POOL, 777).map(({ log_id: _l, date: _d, ...rest }) => ({ rest: JSON.stringify(rest).slice(1), type: rest.type }));
}

function batchAt(tenant: string, first: number, count: number, at: number, items: ReturnType<typeof pool>): PreparedBatch {
  const head = sampleLogId(at, NODE, 0).slice(0, 32);
  const date = new Date(at).toISOString();
  const texts: string[] = [];
  const ends = new Uint32Array(count);
  const logIds: string[] = [];
  const types: string[] = [];
  let bytes = 0;
  for (let k = 0; k < count; k++) {
    const i = first + k;
    const id = head + String(i).padStart(24, '0');
    const item = items[i % POOL] as { rest: string; type: string };
    const line = `{"log_id":"${id}","data":{"log_id":"${id}","date":"${date}",${item.rest}}\n`;
    texts.push(line);
    bytes += Buffer.byteLength(line);
    ends[k] = bytes;
    logIds.push(id);
    types.push(item.type);
  }
  return { tenant, lines: Buffer.from(texts.join('')), ends, logIds, types, dates: new Float64Array(count).fill(at) };
}

/** Builds the store at `path`: `events` events evenly recorded from `days` days ago until a minute ago. */
export async function buildReplayStore(path: string, events: number, days: number, log: (m: string) => void): Promise<ReplayStore> {
  const started = Date.now();
  const items = pool();
  const store = await openSqliteStore({ path, fsync: false, now: () => Date.now(), logger: quiet });
  const batches = Math.ceil(events / BATCH);
  const end = started - 60_000;
  const begin = started - days * 86_400_000 + 3_600_000;
  const batchTimes = new Float64Array(batches);
  try {
    for (let b = 0; b < batches; b++) {
      const at = Math.floor(begin + ((end - begin) * b) / Math.max(1, batches - 1));
      batchTimes[b] = at;
      await store.events.append(batchAt(BENCH_TENANT, b * BATCH, Math.min(BATCH, events - b * BATCH), at, items), at);
      if (b % 250 === 249) log(`  replay store: ${((b + 1) * BATCH).toLocaleString('en-US')} events`);
    }
  } finally {
    await store.close();
  }
  return { path, events, batchTimes, batch: BATCH, buildMs: Date.now() - started };
}
