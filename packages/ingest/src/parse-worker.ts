// Worker-thread side of the parse pool: parses bodies off the main thread and hands back the batch buffers.
import { parentPort, threadId } from 'node:worker_threads';
import { createLogIdGenerator } from '@outflow/core';
import { parseBody } from './parse-body.js';
import type { ParseRequest, ParseReply } from './parse-messages.js';

const ids = createLogIdGenerator(String(Math.floor(Math.random() * 1e9) * 1000 + (threadId % 1000)).padStart(12, '0'));

parentPort?.on('message', (req: ParseRequest) => {
  const body = Buffer.from(req.body, 0, req.length);
  let reply: ParseReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const outcome = parseBody(body, req.format, { tenant: req.tenant, now: req.now, ids, maxEventBytes: req.maxEventBytes, maxEvents: req.maxEvents });
    if (outcome.ok) {
      const b = outcome.batch;
      reply = {
        id: req.id,
        ok: true,
        lines: b.lines.buffer as ArrayBuffer,
        linesOffset: b.lines.byteOffset,
        linesLength: b.lines.length,
        ends: b.ends,
        logIds: b.logIds,
        types: b.types,
        dates: b.dates,
      };
      transfer.push(b.lines.buffer as ArrayBuffer, b.ends.buffer as ArrayBuffer, b.dates.buffer as ArrayBuffer);
    } else reply = { id: req.id, ok: false, message: outcome.message, issues: outcome.issues };
  } catch (err) {
    reply = { id: req.id, ok: false, message: `The body could not be parsed: ${(err as Error).message}`, issues: [] };
  }
  reply.body = req.body;
  transfer.push(req.body);
  parentPort?.postMessage(reply, transfer);
});
