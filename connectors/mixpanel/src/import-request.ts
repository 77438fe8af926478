// The /import request(s) of a batch: a JSON array of events, gzip, Basic auth of the service account; the empty-batch probe.
import type { LogBatch } from '@outflow/core';
import type { EncodedRequest } from '@outflow/http';
import { importUrl } from './config.js';
import { mixpanelEvent } from './encoder.js';
import type { MixpanelConfig } from './types.js';
import { USER_AGENT } from './version.js';

/** Mixpanel's per-request limits: "up to 2000 events and 10MB uncompressed per request". */
export const MAX_EVENTS_PER_REQUEST = 2000;
export const MAX_REQUEST_BYTES = 10_000_000;

/** `base64(<username>:<secret>)`, redacted as a secret of its own. */
export function basicOf(config: MixpanelConfig): string {
  return Buffer.from(`${config.mixpanelServiceAccountUsername}:${config.mixpanelServiceAccountPassword.reveal()}`).toString('base64');
}

function headers(config: MixpanelConfig): Record<string, string> {
  return { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Basic ${basicOf(config)}`, 'User-Agent': USER_AGENT };
}

/**
 * One request per 2,000 events and 10 MB of uncompressed JSON, each gzipped on the wire. With the
 * connector's limits a batch is one request; the split only guards the rare batch whose encoding
 * grows past 10 MB. `indices` say which batch events a request carries.
 */
export function encodeImport(batch: LogBatch, config: MixpanelConfig): EncodedRequest[] {
  const requests: EncodedRequest[] = [];
  let items: string[] = [];
  let indices: number[] = [];
  let bytes = 2;
  const flush = () => {
    if (!items.length) return;
    requests.push({ method: 'POST', url: importUrl(config), headers: headers(config), body: `[${items.join(',')}]`, compress: 'gzip', indices });
    items = [];
    indices = [];
    bytes = 2;
  };
  batch.envelopes().forEach((envelope, i) => {
    const item = JSON.stringify(mixpanelEvent(envelope));
    const size = Buffer.byteLength(item) + 1;
    if (items.length >= MAX_EVENTS_PER_REQUEST || (items.length && bytes + size > MAX_REQUEST_BYTES)) flush();
    items.push(item);
    indices.push(i);
    bytes += size;
  });
  flush();
  return requests;
}

/** An empty batch: Mixpanel checks the service account and the project, and records no event. */
export function probeImport(config: MixpanelConfig): EncodedRequest {
  return { method: 'POST', url: importUrl(config), headers: headers(config), body: '[]' };
}
