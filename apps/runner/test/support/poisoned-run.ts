// The end-to-end run every connector's test makes: 5,000 events through the API, one of them poisoned for the fake to refuse.
import { TOKEN, type TestApp } from './app.js';
import { ingestMany, makeEvent } from './events.js';
import { eventually, readUntil } from './wait.js';

export interface DeadLetter {
  log_id: string;
  status?: number;
  errorKind: string;
  message?: string;
}

export interface PoisonedRun {
  /** Every ingested log_id, in order. */
  ids: string[];
  /** The poisoned event's log_id. */
  poisoned: string;
  /** The stream's dead letters once the run settled. */
  letters: DeadLetter[];
}

export interface PoisonedRunOptions {
  /** The stream's name in the runner's config. */
  stream: string;
  /** The log_ids the fake has accepted so far. */
  delivered: () => ReadonlySet<string>;
  total?: number;
  /** 1-based position of the poisoned event, which carries `poison: true`. */
  poisonAt?: number;
  timeoutMs?: number;
}

/** Ingests the events, waits until every other one reached the fake and the poisoned one is a dead letter. */
export async function runWithOnePoisoned(app: TestApp, options: PoisonedRunOptions): Promise<PoisonedRun> {
  const { total = 5_000, poisonAt = 2_345, timeoutMs = 120_000 } = options;
  let n = 0;
  const ids = await ingestMany(app.url, TOKEN, total, 500, () => makeEvent(++n === poisonAt ? { poison: true } : {}));
  const poisoned = ids[poisonAt - 1] as string;
  await eventually(() => options.delivered().size >= total - 1, timeoutMs, `The fake received ${options.delivered().size} of ${total - 1} events in time.`);
  const streams = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
  const id = streams.find((s) => s.name === options.stream)?.id;
  if (!id) throw new Error(`No stream named ${options.stream}.`);
  const letters = await readUntil(
    async () => (await (await app.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as DeadLetter[],
    (l) => l.length > 0,
    timeoutMs,
  );
  return { ids, poisoned, letters };
}
