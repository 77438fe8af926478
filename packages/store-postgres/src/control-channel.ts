// The control channel on PostgreSQL (ADR 0020): stream changes as NOTIFY on the schema's control channel, sent by the writing transaction.
import { createHash } from 'node:crypto';
import type pg from 'pg';
import type { ControlEvent, ControlMessage, Logger, StoreControl } from '@outflow/core';

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient;

/** The control channel of a schema (an identifier of at most 63 bytes). */
export function controlChannelOf(schema: string): string {
  const name = `outflow_control_${schema}`;
  return name.length <= 63 ? name : `outflow_control_${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
}

/** A NOTIFY payload holds under 8000 bytes: a redrive naming more ids than this is sent in parts. */
const IDS_PER_MESSAGE = 400;

const OPS = new Set(['created', 'changed', 'deleted', 'redrive']);

export interface ControlChannel extends StoreControl {
  readonly channel: string;
  /** Sends `message` through `db`: inside a transaction it goes out at commit, and not at all on rollback. */
  notify(db: Queryable, message: ControlMessage): Promise<void>;
  /** A payload heard on the channel (the listener calls this). */
  heard(payload: string): void;
  /** The listener reconnected: messages may have been missed meanwhile. */
  resync(): void;
}

interface Wire {
  o: string;
  op: string;
  s: string;
  ids?: number[];
}

/** Parses a payload of another store instance; null for our own or a malformed one. */
function parse(payload: string, origin: string): ControlMessage | null {
  let wire: Wire;
  try {
    wire = JSON.parse(payload) as Wire;
  } catch {
    return null;
  }
  if (typeof wire !== 'object' || wire === null || wire.o === origin || !OPS.has(wire.op) || typeof wire.s !== 'string') return null;
  if (wire.op !== 'redrive') return { op: wire.op as 'created' | 'changed' | 'deleted', streamId: wire.s };
  const ids = Array.isArray(wire.ids) ? wire.ids.filter((id) => Number.isSafeInteger(id) && id > 0) : undefined;
  return ids ? { op: 'redrive', streamId: wire.s, ids } : { op: 'redrive', streamId: wire.s };
}

export function createControlChannel(pool: pg.Pool, channel: string, origin: string, logger: Logger): ControlChannel {
  const handlers = new Set<(event: ControlEvent) => void>();
  const emit = (event: ControlEvent) => {
    for (const handler of handlers) {
      try {
        handler(event);
      } catch (error) {
        logger.error({ op: event.op, error: error instanceof Error ? error.message : String(error) }, 'A control message handler failed.');
      }
    }
  };
  const send = (db: Queryable, wire: Wire) => db.query('SELECT pg_notify($1, $2)', [channel, JSON.stringify(wire)]);

  const notify = async (db: Queryable, message: ControlMessage) => {
    const wire: Wire = { o: origin, op: message.op, s: message.streamId };
    if (message.op !== 'redrive' || message.ids === undefined) {
      await send(db, wire);
      return;
    }
    for (let i = 0; i < message.ids.length; i += IDS_PER_MESSAGE) await send(db, { ...wire, ids: message.ids.slice(i, i + IDS_PER_MESSAGE) });
  };

  return {
    channel,
    notify,
    publish: (message) => notify(pool, message),
    subscribe(handler) {
      handlers.add(handler);
      return () => handlers.delete(handler);
    },
    heard(payload) {
      const message = parse(payload, origin);
      if (message) emit(message);
    },
    resync: () => emit({ op: 'resync' }),
  };
}
