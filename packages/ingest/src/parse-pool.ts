// Parses ingest bodies on worker threads so the main thread keeps serving requests and delivering.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { createLogIdGenerator } from '@outflow/core';
import { parseBody } from './parse-body.js';
import type { ParseReply, ParseRequest } from './parse-messages.js';
import type { BodyFormat, ParseOutcome } from './types.js';

export interface ParseJob {
  tenant: string;
  now: number;
  maxEventBytes?: number;
  maxEvents?: number;
}

export interface ParsePool {
  readonly threads: number;
  /** Every parser thread is online and none has exited (true with 0 threads); false once closed. */
  up(): boolean;
  parse(body: Buffer, format: BodyFormat, job: ParseJob): Promise<ParseOutcome>;
  close(): Promise<void>;
}

/** Worker threads worth using here: one per core beyond the main thread, at most 4. */
export function defaultParseThreads(): number {
  return Math.max(0, Math.min(4, availableParallelism() - 1));
}

interface Slot {
  worker: Worker;
  pending: Map<number, (reply: ParseReply) => void>;
}

function toOutcome(reply: ParseReply, tenant: string): ParseOutcome {
  if (!reply.ok) return { ok: false, message: reply.message, issues: reply.issues };
  return {
    ok: true,
    batch: {
      tenant,
      lines: Buffer.from(reply.lines, reply.linesOffset, reply.linesLength),
      ends: reply.ends,
      logIds: reply.logIds,
      types: reply.types,
      dates: reply.dates,
    },
  };
}

/** With `threads` 0 the pool parses on the calling thread. */
export function createParsePool(threads = defaultParseThreads()): ParsePool {
  const ids = createLogIdGenerator();
  const slots: Slot[] = [];
  let nextId = 1;
  let closed = false;
  let online = 0;
  let exited = 0;
  for (let i = 0; i < threads; i++) {
    const worker = new Worker(new URL('./parse-worker.js', import.meta.url));
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: ParseReply) => {
      const done = slot.pending.get(reply.id);
      slot.pending.delete(reply.id);
      done?.(reply);
    });
    worker.on('error', (err) => {
      for (const done of slot.pending.values()) done({ id: 0, ok: false, message: `The parser thread failed: ${err.message}`, issues: [] });
      slot.pending.clear();
    });
    worker.once('online', () => online++);
    worker.once('exit', () => exited++);
    worker.unref();
    slots.push(slot);
  }
  return {
    threads,
    up: () => !closed && online === threads && exited === 0,
    parse(body, format, job) {
      if (closed) return Promise.reject(new Error('The parse pool is closed.'));
      if (slots.length === 0) return Promise.resolve(parseBody(body, format, { ...job, ids }));
      let slot = slots[0] as Slot;
      for (const s of slots) if (s.pending.size < slot.pending.size) slot = s;
      // Transfer the body's memory to the thread; copy first when it shares memory with other buffers.
      let own = body;
      if (body.byteOffset !== 0 || body.byteLength !== body.buffer.byteLength) {
        own = Buffer.allocUnsafeSlow(body.length);
        body.copy(own);
      }
      const id = nextId++;
      const req: ParseRequest = {
        id,
        body: own.buffer as ArrayBuffer,
        length: own.length,
        format,
        tenant: job.tenant,
        now: job.now,
        maxEventBytes: job.maxEventBytes,
        maxEvents: job.maxEvents,
      };
      return new Promise<ParseOutcome>((resolve) => {
        slot.pending.set(id, (reply) => resolve(toOutcome(reply, job.tenant)));
        slot.worker.postMessage(req, [req.body]);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}
