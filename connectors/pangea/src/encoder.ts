// The /v2/log body of a batch: {"config_id"?, "events": [{"event": {…}}]}, one Secure Audit Log event per Auth0 event.
import type { LogBatch, LogEnvelope } from '@outflow/core';
import { toAuditEvent } from './event-map.js';

/** The request body; `config_id` first when the stream names one. */
export function logBody(batch: LogBatch, configId: string | undefined): Buffer {
  const envelopes = batch.envelopes();
  const events: string[] = [];
  for (let i = 0; i < batch.length; i++) {
    events.push(`{"event":${JSON.stringify(toAuditEvent(envelopes[i] as LogEnvelope, batch.raw(i).toString('utf8')))}}`);
  }
  const head = configId === undefined ? '{' : `{"config_id":${JSON.stringify(configId)},`;
  return Buffer.from(`${head}"events":[${events.join(',')}]}`, 'utf8');
}
