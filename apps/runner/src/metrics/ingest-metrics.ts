// Ingest counters: requests, events and bytes of POST /v1/logs by tenant and status.
import { Counter, type Registry } from 'prom-client';
import type { IngestObserver } from './types.js';

export function createIngestMetrics(registry: Registry): IngestObserver {
  const registers = [registry];
  const labelNames = ['tenant', 'status'] as const;
  const requests = new Counter({ name: 'outflow_ingest_requests_total', help: 'Ingest requests, by tenant and HTTP status.', labelNames, registers });
  const events = new Counter({ name: 'outflow_ingest_events_total', help: 'Events committed to the log, by tenant and HTTP status.', labelNames, registers });
  const bytes = new Counter({ name: 'outflow_ingest_bytes_total', help: 'Ingest body bytes (decoded), by tenant and HTTP status.', labelNames, registers });
  return (o) => {
    const l = { tenant: o.tenant, status: String(o.status) };
    requests.inc(l);
    if (o.events > 0) events.inc(l, o.events);
    if (o.bytes > 0) bytes.inc(l, o.bytes);
  };
}
