// Turns a batch into the request body: one JSON line per event, `id` carrying log_id (the dedup key).
import type { LogBatch } from '@outflow/core';

export const CONTENT_TYPE = 'application/x-ndjson';

const OPEN_ID = Buffer.from('{"id":');
const TYPE = Buffer.from(',"type":');
const EVENT = Buffer.from(',"event":');
const CLOSE = Buffer.from('}\n');

/**
 * `{"id":<log_id>,"type":<type>,"event":<{log_id, data} envelope>}` per line. The envelope is
 * the stored text as is (never parsed and re-serialized), so encoding costs one copy.
 */
export function encodeBatch(batch: LogBatch): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < batch.length; i++) {
    parts.push(OPEN_ID, Buffer.from(JSON.stringify(batch.logIds[i])), TYPE, Buffer.from(JSON.stringify(batch.types[i])), EVENT, batch.raw(i), CLOSE);
  }
  return Buffer.concat(parts);
}
