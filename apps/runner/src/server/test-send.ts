// Sends one synthetic test event through a fresh connector for a stream's sink, and says what the destination answered.
import type { TestAnswer } from '@outflow/api-types';
import { collectSecrets, redactText, systemClock, type DeliveryResult, type Logger, type StoredStream } from '@outflow/core';
import type { ConnectorRegistry } from '../loading/registry.js';
import type { ApiDeps } from './api-deps.js';
import { deliveredForm, storedBatch } from './event-batch.js';

/** An Auth0-shaped success login (`s`) that says it is an Outflow test. */
export function testEvent(now: number): Record<string, unknown> {
  return {
    date: new Date(now).toISOString(),
    type: 's',
    description: 'Outflow test event: sent from the management API to check this log stream; not a real login.',
    connection: 'outflow-test',
    connection_id: '',
    client_id: 'outflow-test',
    client_name: 'Outflow',
    ip: '192.0.2.1',
    user_agent: 'Outflow test',
    user_id: 'outflow|test',
    user_name: 'outflow-test',
    hostname: 'outflow.local',
    details: { outflow_test: true },
  };
}

const TEST_TIMEOUT_MS = 30_000;

function answerOf(result: DeliveryResult, secrets: readonly string[]): Omit<TestAnswer, 'durationMs' | 'event'> {
  switch (result.status) {
    case 'success':
      return { ok: true, result: 'success' };
    case 'partial': {
      const first = result.failed[0];
      return { ok: false, result: 'partial', ...(first?.status !== undefined ? { httpStatus: first.status } : {}), message: redactText(first?.reason ?? 'The destination refused the event.', secrets) };
    }
    default: {
      const { error } = result;
      return { ok: false, result: result.status, kind: error.kind, ...(error.details.status !== undefined ? { httpStatus: error.details.status } : {}), message: redactText(error.message, secrets) };
    }
  }
}

export async function sendTestEvent(deps: Pick<ApiDeps, 'egress' | 'now' | 'logger'> & { registry: ConnectorRegistry }, stream: StoredStream, given?: Record<string, unknown>): Promise<TestAnswer> {
  const started = performance.now();
  const batch = await deliveredForm(storedBatch([given ?? testEvent(deps.now())], stream.tenant, deps.now()), undefined, stream.pii_config);
  const event = { ...(batch.envelopes()[0]?.data ?? {}) } as Record<string, unknown>;
  const done = (a: Omit<TestAnswer, 'durationMs' | 'event'>): TestAnswer => ({ ...a, durationMs: Math.round(performance.now() - started), event });
  const def = deps.registry.get(stream.type);
  if (!def) return done({ ok: false, result: 'permanent', kind: 'config', message: `Stream type "${stream.type}" is not installed.` });
  const parsed = def.configSchema.safeParse(stream.sink);
  if (!parsed.success) return done({ ok: false, result: 'permanent', kind: 'config', message: 'The stream\'s sink configuration is invalid; update the stream.' });
  const secrets = collectSecrets(parsed.data);
  const logger: Logger = deps.logger.child({ component: 'connector', type: stream.type, stream: stream.id });
  let connector;
  try {
    connector = def.create({ streamId: stream.id, tenant: stream.tenant, logger, clock: systemClock, egress: deps.egress }, parsed.data);
  } catch (err) {
    return done({ ok: false, result: 'permanent', kind: 'config', message: redactText((err as Error).message, secrets) });
  }
  try {
    const result = await connector.send(batch, AbortSignal.timeout(TEST_TIMEOUT_MS));
    const answer = done(answerOf(result, secrets));
    deps.logger.info({ stream: stream.id, result: answer.result, kind: answer.kind, httpStatus: answer.httpStatus, durationMs: answer.durationMs }, 'A test event was sent.');
    return answer;
  } finally {
    await connector.close().catch(() => undefined);
  }
}
