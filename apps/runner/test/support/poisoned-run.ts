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

export interface StreamHealth {
  lagEvents: number;
  deadLetters: number;
}

export interface PoisonedRun {
  /** Every ingested log_id, in order. */
  ids: string[];
  /** Every ingested event, in order. */
  events: Record<string, unknown>[];
  /** The poisoned event's log_id. */
  poisoned: string;
  /** The stream's dead letters once the run settled. */
  letters: DeadLetter[];
  /** The runner's stream list (GET /api/v2/log-streams) read once the fake had every other event. */
  streams: Array<{ id: string; name: string }>;
  /** With `health: true`: the stream's health once it settled on no lag and one dead letter (or the last read). */
  health?: StreamHealth;
}

export interface PoisonedRunOptions {
  /** The stream's name in the runner's config. */
  stream: string;
  /** The log_ids the fake has accepted so far. */
  delivered: () => ReadonlySet<unknown>;
  total?: number;
  /** 1-based position of the poisoned event. */
  poisonAt?: number;
  /** The fields that poison that event for the fake; `{ poison: true }` unless told. */
  poison?: Record<string, unknown>;
  /** Also read the stream's health until `lagEvents === 0 && deadLetters === 1`, returned as `health`. */
  health?: boolean;
  timeoutMs?: number;
}

/** Ingests the events, waits until every other one reached the fake and the poisoned one is a dead letter. */
export async function runWithOnePoisoned(app: TestApp, options: PoisonedRunOptions): Promise<PoisonedRun> {
  const { total = 5_000, poisonAt = 2_345, poison = { poison: true }, timeoutMs = 120_000 } = options;
  const events: Record<string, unknown>[] = [];
  const ids = await ingestMany(app.url, TOKEN, total, 500, () => {
    const event = makeEvent(events.length + 1 === poisonAt ? poison : {});
    events.push(event);
    return event;
  });
  const poisoned = ids[poisonAt - 1] as string;
  await eventually(() => options.delivered().size >= total - 1, timeoutMs).catch(() => {
    throw new Error(`The fake had only ${options.delivered().size} of ${total - 1} events in time.`);
  });
  const streams = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
  const id = streams.find((s) => s.name === options.stream)?.id;
  if (!id) throw new Error(`No stream named ${options.stream}.`);
  const letters = await readUntil(
    async () => (await (await app.api(`/api/v2/log-streams/${id}/dead-letters`)).json()) as DeadLetter[],
    (l) => l.length > 0,
    timeoutMs,
  );
  if (!options.health) return { ids, events, poisoned, letters, streams };
  const health = await readUntil(
    async () => (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as StreamHealth,
    (h) => h.lagEvents === 0 && h.deadLetters === 1,
    timeoutMs,
  );
  return { ids, events, poisoned, letters, streams, health };
}
