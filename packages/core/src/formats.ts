// The three webhook content formats (JSONARRAY, JSONLINES, JSONOBJECT) as request bodies.
import type { LogBatch } from './batch.js';
import type { ContentFormat } from './types.js';

/** Request bodies for a batch: one body, or one per event for JSONOBJECT. */
export function encodeBodies(batch: LogBatch, format: ContentFormat): Buffer[] {
  switch (format) {
    case 'JSONLINES':
      return batch.length ? [batch.jsonLines()] : [];
    case 'JSONARRAY':
      return batch.length ? [batch.jsonArray()] : [];
    case 'JSONOBJECT': {
      const out: Buffer[] = [];
      for (let i = 0; i < batch.length; i++) out.push(batch.raw(i));
      return out;
    }
  }
}

/** Default Content-Type of each format. */
export function defaultContentType(format: ContentFormat): string {
  return format === 'JSONLINES' ? 'application/x-ndjson' : 'application/json';
}
