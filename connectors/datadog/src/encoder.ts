// Turns a batch into Datadog log items: the `{log_id, data}` envelope plus Datadog's reserved attributes.
import type { LogBatch, LogEnvelope } from '@outflow/core';
import type { DatadogConfig } from './types.js';

/** One log of the intake's array: Datadog's reserved attributes, then the envelope's fields. */
export interface LogItem {
  ddsource: string;
  ddtags?: string;
  hostname?: string;
  message: string;
  service: string;
  additionalProperties: { log_id: string; date: string; data: LogEnvelope['data'] };
}

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

/** An item on the wire: the reserved attributes in a fixed order (as Datadog's client writes them; JSON drops the unset ones), then log_id, date, data. */
const wireItem = ({ ddsource, ddtags, hostname, message, service, additionalProperties }: LogItem) => ({
  ddsource,
  ddtags,
  hostname,
  message,
  service,
  ...additionalProperties,
});

/** The JSON body of the intake request for these items. */
export function wireBody(items: readonly LogItem[]): string {
  return JSON.stringify(items.map(wireItem));
}
