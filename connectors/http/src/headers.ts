// Request headers of the webhook: content type, credentials, custom headers, signing, masking.
import { CLOUDEVENTS_BATCH_CONTENT_TYPE, CLOUDEVENTS_CONTENT_TYPE, defaultContentType } from '@outflow/core';
import { USER_AGENT } from './version.js';
import type { HttpConfig } from './types.js';

export type Headers = Record<string, string>;

/** Sets a header, replacing any existing one whose name differs only in case. */
function setHeader(headers: Headers, name: string, value: string): void {
  const lower = name.toLowerCase();
  for (const key of Object.keys(headers)) if (key.toLowerCase() === lower) delete headers[key];
  headers[name] = value;
}

/** Headers of every request, the healthcheck's HEAD included: User-Agent, custom headers, Authorization. */
export function identityHeaders(config: HttpConfig): Headers {
  const headers: Headers = { 'User-Agent': USER_AGENT };
  for (const { header, value } of config.httpCustomHeaders) setHeader(headers, header, value);
  if (config.httpAuthorization) headers.Authorization = config.httpAuthorization.reveal();
  return headers;
}

/** The Content-Type a config sends unless it names one: CloudEvents' own types in structured and batch mode. */
function contentType(config: HttpConfig): string {
  if (config.httpEnvelope !== 'cloudevents') return defaultContentType(config.httpContentFormat);
  return config.httpContentFormat === 'JSONARRAY' ? CLOUDEVENTS_BATCH_CONTENT_TYPE : CLOUDEVENTS_CONTENT_TYPE;
}

/** Headers of every POST: Content-Type and identity headers (the transport adds Content-Encoding when compressing). */
export function postHeaders(config: HttpConfig): Headers {
  const headers: Headers = { 'Content-Type': config.httpContentType ?? contentType(config) };
  return Object.assign(headers, identityHeaders(config));
}

export interface SignatureHeaders {
  id: string;
  timestamp: number;
  signature: string;
}

/** The headers of one POST carrying `count` events, signed when `signing` is given. */
export function requestHeaders(base: Headers, count: number, signing?: SignatureHeaders): Headers {
  const headers: Headers = { ...base, 'X-Outflow-Event-Count': String(count) };
  if (signing) {
    headers['webhook-id'] = signing.id;
    headers['webhook-timestamp'] = String(signing.timestamp);
    headers['webhook-signature'] = signing.signature;
  }
  return headers;
}
