// Hears other runners' commits (and control messages): one dedicated connection LISTENs on the schema's channels and reconnects when it drops.
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '@outflow/core';
import { clientConfig, cleanError } from './connection.js';

export interface CommitListener {
  close(): Promise<void>;
}

const RECONNECT_MS = 1000;

/** The NOTIFY channel of a schema (an identifier of at most 63 bytes). */
export function channelOf(schema: string): string {
  const name = `outflow_commits_${schema}`;
  return name.length <= 63 ? name : `outflow_commits_${createHash('sha256').update(schema).digest('hex').slice(0, 40)}`;
}

export interface ListenOptions {
  url: string;
  schema: string;
  channel: string;
  origin: string;
  /** The log's last sequence number at open. */
  since: number;
  logger: Logger;
  /** Called for each commit of another store instance. */
  onCommit(tenant: string, lastSeq: number): void;
  /** After a reconnect: tenants with commits past `afterSeq` (notifications may have been missed meanwhile). */
  catchUp(afterSeq: number): Promise<Array<{ tenant: string; lastSeq: number }>>;
  /** A second channel on the same connection (the control channel, ADR 0020): its payloads, and a call after each reconnect. */
  also?: { channel: string; heard(payload: string): void; reconnected(): void };
}

/** Connects and LISTENs before it resolves, so commits made after open are heard. */
export async function listenForCommits(o: ListenOptions): Promise<CommitListener> {
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  /** Highest sequence number heard, so a reconnect can catch up on what it missed. */
  let heard = o.since;

  const onNotification = (msg: pg.Notification) => {
    const payload = msg.payload ?? '';
    if (o.also && msg.channel === o.also.channel) {
      o.also.heard(payload);
      return;
    }
    const a = payload.indexOf(' ');
    const b = payload.indexOf(' ', a + 1);
    if (a < 0 || b < 0) return;
    const lastSeq = Number(payload.slice(a + 1, b));
    heard = Math.max(heard, lastSeq);
    if (payload.slice(0, a) !== o.origin) o.onCommit(payload.slice(b + 1), lastSeq);
  };

  const connect = async () => {
    const c = new pg.Client(clientConfig(o.url, o.schema));
    c.on('notification', onNotification);
    c.on('error', (error) => {
      o.logger.warn({ err: cleanError(error, o.url) }, 'The commit listener connection failed; reconnecting.');
      drop(c);
    });
    c.on('end', () => drop(c));
    try {
      await c.connect();
      if (o.also) await c.query(`LISTEN ${o.also.channel}`);
      await c.query(`LISTEN ${o.channel}`);
    } catch (error) {
      c.removeAllListeners('end');
      await c.end().catch(() => {});
      throw error;
    }
    client = c;
  };

  const drop = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    c.end().catch(() => {});
    if (!closed) timer = setTimeout(reconnect, RECONNECT_MS);
  };

  const reconnect = async () => {
    if (closed) return;
    try {
      await connect();
      for (const { tenant, lastSeq } of await o.catchUp(heard)) {
        heard = Math.max(heard, lastSeq);
        o.onCommit(tenant, lastSeq);
      }
      o.also?.reconnected();
      o.logger.info({}, 'The commit listener reconnected.');
    } catch (error) {
      o.logger.warn({ err: cleanError(error, o.url) }, 'The commit listener could not reconnect; retrying.');
      if (!closed) timer = setTimeout(reconnect, RECONNECT_MS);
    }
  };

  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      const c = client;
      client = null;
      if (c) {
        c.removeAllListeners('end');
        await c.end().catch(() => {});
      }
    },
  };
}
