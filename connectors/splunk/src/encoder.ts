// HEC event bodies: one `{"time","host","source","sourcetype","index","event":<stored envelope>}` per line, joined, never re-serialized.
import type { LogBatch } from '@outflow/core';
import type { SplunkConfig } from './types.js';

/** The metadata every event of a stream shares. */
export interface HecMetadata {
  source: string;
  sourcetype: string;
  index?: string | undefined;
}

export function hecMetadata(config: SplunkConfig): HecMetadata {
  return { source: config.splunkSource, sourcetype: config.splunkSourcetype, index: config.splunkIndex };
}

/** `"source":…,"sourcetype":…[,"index":…],"event":` — the part of every line up to the event. */
export function sharedPart(meta: HecMetadata): string {
  const index = meta.index === undefined ? '' : `"index":${JSON.stringify(meta.index)},`;
  return `"source":${JSON.stringify(meta.source)},"sourcetype":${JSON.stringify(meta.sourcetype)},${index}"event":`;
}

/** An ISO date as HEC `time`: epoch seconds with milliseconds (`1767268800.123`), or undefined. */
export function hecTime(date: unknown): string | undefined {
  const ms = typeof date === 'string' ? Date.parse(date) : Number.NaN;
  return Number.isFinite(ms) ? (ms / 1000).toFixed(3) : undefined;
}

const CLOSE = Buffer.from('}\n');

/**
 * The /services/collector/event body of a batch. The event is the stored `{log_id, data}` text
 * as it is; only `data.date` and `data.hostname` are read (from the batch's parsed envelopes) to
 * fill `time` and `host`. Without a date Splunk uses the time of arrival; without a hostname, its default host.
 */
export function hecBody(batch: LogBatch, meta: HecMetadata): Buffer {
  if (batch.length === 0) return Buffer.alloc(0);
  const shared = sharedPart(meta);
  const envelopes = batch.envelopes();
  const parts: Buffer[] = [];
  for (let i = 0; i < batch.length; i++) {
    const data = envelopes[i]?.data;
    const time = hecTime(data?.date);
    const host = typeof data?.hostname === 'string' && data.hostname ? data.hostname : undefined;
    const head = `{${time ? `"time":${time},` : ''}${host ? `"host":${JSON.stringify(host)},` : ''}${shared}`;
    parts.push(Buffer.from(head, 'utf8'), batch.raw(i), CLOSE);
  }
  return Buffer.concat(parts);
}
