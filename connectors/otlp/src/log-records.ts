// Turns a batch into OTel log records (the SDK's ReadableLogRecord shape): one per event, grouped by resource.
import type { HrTime } from '@opentelemetry/api';
import type { AnyValueMap, LogAttributes } from '@opentelemetry/api-logs';
import { resourceFromAttributes, type Resource } from '@opentelemetry/resources';
import type { ReadableLogRecord } from '@opentelemetry/sdk-logs';
import { categoryOf, type LogBatch, type LogEnvelope } from '@outflow/core';
import { severityOf } from './severity.js';
import { VERSION } from './version.js';

/** What the records of a batch share: the body form, the resource attributes, the time they are observed. */
export interface RecordOptions {
  body: 'kvlist' | 'string';
  serviceName: string;
  resourceAttributes: Readonly<Record<string, string>>;
  /** Milliseconds since the epoch: `observedTimeUnixNano` of every record. */
  observedAt: number;
}

/** The instrumentation scope of every record (one object, so the serializers group records under it). */
export const SCOPE: ReadableLogRecord['instrumentationScope'] = Object.freeze({ name: 'outflow', version: VERSION });

const FRACTION = /\.(\d{1,9})/;

/** An ISO date as [seconds, nanoseconds], keeping sub-millisecond digits; [0, 0] (unknown) when it cannot be read. */
export function isoToHrTime(date: unknown): HrTime {
  if (typeof date !== 'string') return [0, 0];
  const ms = Date.parse(date);
  if (!Number.isFinite(ms) || ms < 0) return [0, 0];
  const digits = FRACTION.exec(date)?.[1];
  const nanos = digits ? Number(digits.padEnd(9, '0')) : (ms % 1000) * 1e6;
  return [Math.floor(ms / 1000), nanos];
}

export const msToHrTime = (ms: number): HrTime => [Math.floor(ms / 1000), Math.round((ms % 1000) * 1e6)];

const text = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** Record attributes: the Auth0 ids and the OTel semantic-convention names for user, client address and user agent. */
function attributesOf(envelope: LogEnvelope, logId: string, type: string): LogAttributes {
  const data = envelope.data as Record<string, unknown>;
  const attributes: LogAttributes = { 'auth0.log_id': logId, 'auth0.type': type, 'auth0.category': categoryOf(type) };
  const optional: Array<[string, unknown]> = [
    ['auth0.description', data.description],
    ['user.id', data.user_id],
    ['user.name', data.user_name],
    ['client.address', data.ip],
    ['user_agent.original', data.user_agent],
    ['auth0.client_id', data.client_id],
    ['auth0.client_name', data.client_name],
    ['auth0.connection', data.connection],
  ];
  for (const [key, value] of optional) {
    const v = text(value);
    if (v !== undefined) attributes[key] = v;
  }
  return attributes;
}

/**
 * One resource per (tenant, hostname) in the batch: `service.name`, `auth0.tenant` (the event's
 * `tenant_name`, else the stream's tenant), `auth0.hostname`, then the configured attributes.
 */
function resources(options: RecordOptions, streamTenant: string): (tenant: string | undefined, hostname: string | undefined) => Resource {
  const made = new Map<string, Resource>();
  return (tenant = streamTenant, hostname) => {
    const key = `${tenant}\n${hostname ?? ''}`;
    let resource = made.get(key);
    if (!resource) {
      const own: Record<string, string> = { 'service.name': options.serviceName, 'auth0.tenant': tenant };
      if (hostname) own['auth0.hostname'] = hostname;
      made.set(key, (resource = resourceFromAttributes({ ...own, ...options.resourceAttributes })));
    }
    return resource;
  };
}

/** The log records of a batch, in batch order. `tenant` is the stream's tenant, for events without `tenant_name`. */
export function toLogRecords(batch: LogBatch, options: RecordOptions, tenant: string): ReadableLogRecord[] {
  const envelopes = batch.envelopes();
  const resourceFor = resources(options, tenant);
  const observed = msToHrTime(options.observedAt);
  return envelopes.map((envelope, i) => {
    const data = envelope.data as Record<string, unknown>;
    const type = batch.types[i] ?? text(data.type) ?? '';
    const logId = batch.logIds[i] ?? envelope.log_id;
    const severity = severityOf(type);
    return {
      hrTime: isoToHrTime(data.date),
      hrTimeObserved: observed,
      severityNumber: severity.number,
      severityText: severity.text,
      body: options.body === 'string' ? batch.raw(i).toString('utf8') : (envelope as unknown as AnyValueMap),
      resource: resourceFor(text(data.tenant_name), text(data.hostname)),
      instrumentationScope: SCOPE,
      attributes: attributesOf(envelope, logId, type),
      droppedAttributesCount: 0,
    };
  });
}
