// Turns a batch into Datadog log items: the `{log_id, data}` envelope plus Datadog's reserved attributes.
import type { v2 } from '@datadog/datadog-api-client';
import type { LogBatch, LogEnvelope } from '@outflow/core';
import type { DatadogConfig } from './types.js';

export type LogItem = v2.HTTPLogItem;

/** The attributes every item of a stream shares. */
export interface ItemDefaults {
  ddsource: string;
  service: string;
  /** Comma-joined tags, when any. */
  ddtags?: string | undefined;
  /** Overrides each event's own hostname. */
  hostname?: string | undefined;
}

export function itemDefaults(config: DatadogConfig): ItemDefaults {
  return {
    ddsource: config.datadogSource,
    service: config.datadogService,
    ddtags: config.datadogTags.length ? config.datadogTags.join(',') : undefined,
    hostname: config.datadogHostname,
  };
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/**
 * One log item: `ddsource`, `ddtags`, `hostname` (the configured one, else the event's),
 * `message` (the description, else the type code), `service`, then the envelope's `log_id`,
 * the event `date` (a Datadog reserved date attribute, so it becomes the log's timestamp) and `data`.
 */
export function toLogItem(envelope: LogEnvelope, defaults: ItemDefaults): LogItem {
  const data = envelope.data;
  const hostname = defaults.hostname ?? text(data.hostname);
  return {
    ddsource: defaults.ddsource,
    ...(defaults.ddtags ? { ddtags: defaults.ddtags } : {}),
    ...(hostname ? { hostname } : {}),
    message: text(data.description) ?? text(data.type) ?? 'auth0 log',
    service: defaults.service,
    additionalProperties: { log_id: envelope.log_id, date: data.date, data },
  };
}

export function toLogItems(batch: LogBatch, defaults: ItemDefaults): LogItem[] {
  return batch.envelopes().map((e) => toLogItem(e, defaults));
}

/** An item as the SDK serializes it: the typed attributes in their declared order, then the extra ones. */
function wireItem(item: LogItem): Record<string, unknown> {
  const { ddsource, ddtags, hostname, message, service, additionalProperties } = item;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries({ ddsource, ddtags, hostname, message, service })) if (v !== undefined) out[k] = v;
  return Object.assign(out, additionalProperties);
}

/** The JSON body the SDK sends for these items (used by previews; tests check it against the wire). */
export function wireBody(items: readonly LogItem[]): string {
  return JSON.stringify(items.map(wireItem));
}
