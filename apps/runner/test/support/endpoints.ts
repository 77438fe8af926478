// Every authenticated endpoint of the runner, for the table-driven auth tests (add a row with each new endpoint).
import type { Scope } from '../../src/config/schema.js';
import { makeEvent, ndjson } from './events.js';

export interface Endpoint {
  method: string;
  /** The path; endpoints of one stream take its id. */
  path(id: string): string;
  scope: Scope;
  /** Whether the path names a stream (another tenant's stream id must answer 404). */
  ofStream: boolean;
  body?(sinkUrl: string): string;
  contentType?: string;
  /** The success status for the stream's own tenant. */
  ok: number;
}

const base = '/api/v2/log-streams';

export const ENDPOINTS: Endpoint[] = [
  { method: 'GET', path: () => base, scope: 'read:log_streams', ofStream: false, ok: 200 },
  {
    method: 'POST',
    path: () => base,
    scope: 'create:log_streams',
    ofStream: false,
    ok: 200,
    body: (url) => JSON.stringify({ type: 'http', sink: { httpEndpoint: `${url}/created`, httpContentFormat: 'JSONLINES' } }),
  },
  { method: 'GET', path: (id) => `${base}/${id}`, scope: 'read:log_streams', ofStream: true, ok: 200 },
  { method: 'PATCH', path: (id) => `${base}/${id}`, scope: 'update:log_streams', ofStream: true, ok: 200, body: () => JSON.stringify({ status: 'paused' }) },
  { method: 'DELETE', path: (id) => `${base}/${id}`, scope: 'delete:log_streams', ofStream: true, ok: 204 },
  { method: 'GET', path: (id) => `${base}/${id}/health`, scope: 'read:log_streams', ofStream: true, ok: 200 },
  {
    method: 'POST',
    path: (id) => `${base}/${id}/replay`,
    scope: 'update:log_streams',
    ofStream: true,
    ok: 200,
    body: () => JSON.stringify({ from: new Date(Date.now() - 60_000).toISOString() }),
  },
  { method: 'GET', path: (id) => `${base}/${id}/dead-letters`, scope: 'read:log_streams', ofStream: true, ok: 200 },
  { method: 'GET', path: (id) => `${base}/${id}/stats?minutes=5`, scope: 'read:log_streams', ofStream: true, ok: 200 },
  { method: 'POST', path: (id) => `${base}/${id}/dead-letters/redrive`, scope: 'update:log_streams', ofStream: true, ok: 202, body: () => '{}' },
  { method: 'POST', path: (id) => `${base}/${id}/test`, scope: 'update:log_streams', ofStream: true, ok: 200, body: () => '{}' },
  { method: 'POST', path: (id) => `${base}/${id}/probe`, scope: 'update:log_streams', ofStream: true, ok: 200, body: () => '{}' },
  {
    method: 'POST',
    path: () => `${base}/probe`,
    scope: 'create:log_streams',
    ofStream: false,
    ok: 200,
    body: (url) => JSON.stringify({ type: 'http', sink: { httpEndpoint: `${url}/probe` } }),
  },
  {
    method: 'POST',
    path: () => `${base}/preview`,
    scope: 'read:log_streams',
    ofStream: false,
    ok: 200,
    body: (url) => JSON.stringify({ type: 'http', sink: { httpEndpoint: `${url}/preview`, httpContentFormat: 'JSONARRAY' }, count: 2 }),
  },
  { method: 'GET', path: () => '/api/v2/runners', scope: 'read:log_streams', ofStream: false, ok: 200 },
  {
    method: 'POST',
    path: () => '/v1/logs',
    scope: 'ingest:logs',
    ofStream: false,
    ok: 202,
    contentType: 'application/x-ndjson',
    body: () => ndjson([makeEvent()]),
  },
];

export const label = (e: Endpoint) => `${e.method} ${e.path(':id')}`;
