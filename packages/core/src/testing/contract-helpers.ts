// Shared fixtures of the store contract suite: a per-test store harness and a model of what was appended.
import { afterEach, beforeEach, expect } from 'vitest';
import type { EventFilter } from '../filter.js';
import type { AppendResult, NewStream, PreparedBatch, ReadQuery, ReadResult, Store } from '../store.js';
import type { LogEnvelope } from '../types.js';

/** What a store implementation hands the suite for one test. */
export interface StoreHarness {
  store: Store;
  /** Closes whatever store is open (the first one, or the latest `reopen` result). */
  close(): Promise<void>;
  /**
   * Opens the same data again after the suite closed the store (`Store.close` was awaited
   * first; calling it again must be harmless). Omit for stores that do not persist.
   */
  reopen?(): Promise<Store>;
}

export type OpenStore = () => Promise<StoreHarness>;

/** One appended event as the suite remembers it. */
export interface Appended {
  seq: number;
  tenant: string;
  logId: string;
  type: string;
  /** The exact envelope text (no trailing newline). */
  text: string;
  recordedAt: number;
}

export interface ContractContext {
  readonly store: Store;
  readonly harness: StoreHarness;
  /** Everything appended in this test, in sequence order. */
  readonly log: Appended[];
  /** Closes the store and opens it again (only when the harness supports it). */
  reopen(): Promise<Store>;
}

export const T0 = Date.UTC(2026, 0, 1);

let counter = 0;

/** A minimal webhook stream. */
export const streamDef = (id: string, tenant: string): NewStream => ({
  id,
  tenant,
  name: `Stream ${id}`,
  type: 'http',
  status: 'active',
  sink: { httpEndpoint: 'http://127.0.0.1:9/hook' },
  filters: [],
  isPriority: false,
  managedBy: 'api',
});

/** A batch of envelopes of the given types; `pad` grows each event, `unicode` adds multi-byte text. */
export function makeBatch(tenant: string, types: readonly string[], options: { pad?: number; unicode?: boolean } = {}): PreparedBatch {
  const texts = types.map((type) => {
    const n = ++counter;
    const log_id = `90020260101000000000${String(n).padStart(36, '0')}`;
    const data = {
      log_id,
      type,
      date: new Date(T0 + n).toISOString(),
      description: `event ${n}`,
      ...(options.pad ? { details: { filler: 'x'.repeat(options.pad + (n % 7)) } } : {}),
      ...(options.unicode ? { user_name: `ユーザー ${n} 🚀`, connection: 'Ünïcødé' } : {}),
    };
    return `${JSON.stringify({ log_id, data } satisfies LogEnvelope)}\n`;
  });
  const lines = Buffer.from(texts.join(''));
  const ends = new Uint32Array(texts.length);
  let at = 0;
  texts.forEach((t, i) => {
    at += Buffer.byteLength(t);
    ends[i] = at;
  });
  const envelopes = texts.map((t) => JSON.parse(t) as LogEnvelope);
  return {
    tenant,
    lines,
    ends,
    logIds: envelopes.map((e) => e.log_id),
    types: envelopes.map((e) => e.data.type),
    dates: Float64Array.from(envelopes.map((e) => Date.parse(e.data.date))),
  };
}

/** Appends a batch and records its events in the model, checking the returned range. */
export async function appendTo(
  ctx: ContractContext,
  tenant: string,
  types: readonly string[],
  recordedAt?: number,
  options: { pad?: number; unicode?: boolean } = {},
): Promise<AppendResult & { events: Appended[] }> {
  const batch = makeBatch(tenant, types, options);
  const result = await ctx.store.events.append(batch, recordedAt);
  expect(result.lastSeq - result.firstSeq + 1).toBe(types.length);
  const previous = ctx.log[ctx.log.length - 1];
  if (previous) expect(result.firstSeq).toBeGreaterThan(previous.seq);
  const text = batch.lines.toString('utf8').split('\n');
  const events = types.map(
    (type, i): Appended => ({
      seq: result.firstSeq + i,
      tenant,
      type,
      logId: batch.logIds[i] as string,
      text: text[i] as string,
      recordedAt: result.recordedAt,
    }),
  );
  ctx.log.push(...events);
  return { ...result, events };
}

export function query(tenant: string, afterSeq: number, more: Partial<ReadQuery> = {}): ReadQuery {
  return { tenant, afterSeq, filter: null, maxEvents: 10_000, maxBytes: 64 * 1024 * 1024, ...more };
}

const matches = (filter: EventFilter | null, type: string) => !filter || filter.matches(type);

/**
 * Checks a read against the model: the batch holds, in order and with their exact text, all
 * matching events of the tenant in (afterSeq, scannedTo] and nothing else; limits hold.
 */
export function checkRead(log: readonly Appended[], q: ReadQuery, result: ReadResult): void {
  const { batch, scannedTo } = result;
  const lastSeq = log[log.length - 1]?.seq ?? 0;
  expect(scannedTo).toBeGreaterThanOrEqual(q.afterSeq);
  expect(scannedTo).toBeLessThanOrEqual(Math.max(q.afterSeq, lastSeq));
  const expected = log.filter((e) => e.tenant === q.tenant && e.seq > q.afterSeq && e.seq <= scannedTo && matches(q.filter, e.type));
  expect([...batch.seqs]).toEqual(expected.map((e) => e.seq));
  expect([...batch.logIds]).toEqual(expected.map((e) => e.logId));
  expect([...batch.types]).toEqual(expected.map((e) => e.type));
  expected.forEach((e, i) => expect(batch.raw(i).toString('utf8')).toBe(e.text));
  expect(batch.byteLength).toBe(expected.reduce((n, e) => n + Buffer.byteLength(e.text), 0));
  expect(batch.length).toBeLessThanOrEqual(q.maxEvents);
  if (batch.length > 1) expect(batch.byteLength).toBeLessThanOrEqual(q.maxBytes);
  const first = log.find((e) => e.tenant === q.tenant && e.seq > q.afterSeq);
  if (first && matches(q.filter, first.type)) expect(batch.length).toBeGreaterThan(0);
  if (first && batch.length === 0) expect(scannedTo).toBeGreaterThan(q.afterSeq);
}

/** Reads until the log is exhausted, checking every read; returns the events and the final cursor. */
export async function readAll(ctx: ContractContext, q: ReadQuery): Promise<{ seqs: number[]; cursor: number; reads: number }> {
  const seqs: number[] = [];
  let cursor = q.afterSeq;
  for (let reads = 1; reads < 5_000; reads++) {
    const step = { ...q, afterSeq: cursor };
    const result = await ctx.store.events.read(step);
    checkRead(ctx.log, step, result);
    seqs.push(...result.batch.seqs);
    if (result.batch.length === 0 && result.scannedTo === cursor) return { seqs, cursor, reads };
    cursor = result.scannedTo;
  }
  throw new Error('Reading the log did not come to an end.');
}

/** Opens a fresh store for each test of the enclosing describe block. */
export function useContractContext(open: OpenStore): ContractContext {
  let harness: StoreHarness | undefined;
  let store: Store | undefined;
  let log: Appended[] = [];
  beforeEach(async () => {
    harness = await open();
    store = harness.store;
    log = [];
  });
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });
  const need = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('The store harness is not open.');
    return x;
  };
  return {
    get store() {
      return need(store);
    },
    get harness() {
      return need(harness);
    },
    get log() {
      return log;
    },
    async reopen() {
      const h = need(harness);
      if (!h.reopen) throw new Error('This store harness cannot reopen.');
      await need(store).close();
      store = await h.reopen();
      return store;
    },
  };
}
