// Sends one synthetic test event through the stream's connector (delivery's one path), and says what the destination answered.
import type { TestAnswer } from '@outflow/api-types';
import { redactText, type DeliveryResult, type LogBatch, type StoredStream } from '@outflow/core';
import { createPiiTransform, type StreamConnectorFailure } from '@outflow/delivery';
import type { ApiDeps } from './api-deps.js';
import { storedBatch } from './stored-events.js';

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
      return {
        ok: false,
        result: 'partial',
        ...(first?.status !== undefined ? { httpStatus: first.status } : {}),
        message: redactText(first?.reason ?? 'The destination refused the event.', secrets),
      };
    }
    default: {
      const { error } = result;
      return {
        ok: false,
        result: result.status,
        kind: error.kind,
        ...(error.details.status !== undefined ? { httpStatus: error.details.status } : {}),
        message: redactText(error.message, secrets),
      };
    }
  }
}

/** Why no connector could be made, as the test answer has always said it. */
function refusal(failure: StreamConnectorFailure, type: string, secrets: readonly string[]): string {
  if (failure.reason === 'unknown_type') return `Stream type "${type}" is not installed.`;
  if (failure.reason === 'invalid_config') return "The stream's sink configuration is invalid; update the stream.";
  if (failure.reason === 'create_failed') return redactText(failure.error instanceof Error ? failure.error.message : String(failure.error), secrets);
  return failure.message;
}

/** The event as sent (PII applied); shown even when no connector could be made. */
async function unsentForm(batch: LogBatch, stream: StoredStream): Promise<LogBatch> {
  const transform = await createPiiTransform(stream.pii_config).catch(() => null);
  return transform ? transform(batch).batch : batch;
}

export async function sendTestEvent(
  deps: Pick<ApiDeps, 'openConnector' | 'now' | 'logger'>,
  stream: StoredStream,
  given?: Record<string, unknown>,
): Promise<TestAnswer> {
  const started = performance.now();
  const stored = storedBatch([given ?? testEvent(deps.now())], stream.tenant, deps.now());
  const shown = (batch: LogBatch | undefined) => ({ ...(batch?.envelopes()[0]?.data ?? {}) }) as Record<string, unknown>;
  const opened = await deps.openConnector(stream);
  if (!opened.ok) {
    const event = shown(await unsentForm(stored, stream));
    return {
      ok: false,
      result: 'permanent',
      kind: 'config',
      message: refusal(opened.failure, stream.type, opened.secrets),
      durationMs: Math.round(performance.now() - started),
      event,
    };
  }
  const { connector, secrets } = opened.stream;
  try {
    // A test send delivers its event whatever the stream's filters select.
    const [batch] = opened.stream.prepare(stored, { filters: false });
    const event = shown(batch);
    const done = (a: Omit<TestAnswer, 'durationMs' | 'event'>): TestAnswer => ({ ...a, durationMs: Math.round(performance.now() - started), event });
    if (!batch) return done({ ok: false, result: 'permanent', kind: 'invalid', message: 'The test event could not be prepared for the stream.' });
    const result = await connector.send(batch, AbortSignal.timeout(TEST_TIMEOUT_MS));
    const answer = done(answerOf(result, secrets));
    deps.logger.info(
      { stream: stream.id, result: answer.result, kind: answer.kind, httpStatus: answer.httpStatus, durationMs: answer.durationMs },
      'A test event was sent.',
    );
    return answer;
  } finally {
    await opened.stream.close();
  }
}
