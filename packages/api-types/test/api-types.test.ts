// The answer types accept the answers documented in docs/api.md, and the package has nothing at runtime.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { ApiErrorBody, ConnectorInfo, DeadLetterView, RunnersView, StreamHealthView, StreamStatsView, StreamView, TestAnswer } from '../src/index.js';
import * as runtime from '../src/index.js';

const stream = {
  id: 'lst_5f0c2a9e1b7d4c3a',
  name: 'SIEM webhook',
  type: 'http',
  status: 'suspended',
  isPriority: false,
  filters: [{ type: 'category', name: 'auth.login.fail' }],
  pii_config: { log_fields: ['email'], method: 'hash', algorithm: 'xxhash' },
  sink: { httpEndpoint: 'https://siem.example.com/auth0', httpAuthorization: '[REDACTED]' },
  managedBy: 'api',
  suspendedReason: 'Deliveries failed for 7 days in a row.',
} satisfies StreamView;

const health = {
  id: 'lst_1',
  status: 'active',
  cursor: 1200,
  lastSeq: 1250,
  lagEvents: 50,
  lagSeconds: 3.2,
  delivered: 1180,
  failed: 40,
  failedRounds: 2,
  deadLettered: 1,
  deadLetters: 1,
  lastSuccessAt: '2026-12-01T12:00:00.000Z',
  lastErrorAt: null,
  failingSince: null,
  worker: {
    state: 'backing_off',
    nextAttemptAt: 1_764_590_400_000,
    inFlight: 0,
    lastError: { kind: 'transient', status: 503, message: 'HTTP 503', at: 1_764_590_390_000 },
  },
  runner: 'runner-a',
  records: [
    {
      id: 42,
      streamId: 'lst_1',
      tenant: 'acme',
      at: '2026-12-01T12:00:00.000Z',
      kind: 'delivery_failed',
      errorKind: 'transient',
      status: 503,
      message: 'HTTP 503',
      attempts: 3,
      count: 40,
    },
  ],
} satisfies StreamHealthView;

describe('@outflow/api-types', () => {
  it('types the documented answers', () => {
    expectTypeOf(stream).toExtend<StreamView>();
    expectTypeOf(health).toExtend<StreamHealthView>();
    expectTypeOf<StreamHealthView['worker']>().toBeNullable();
    expectTypeOf<StreamHealthView['runner']>().toEqualTypeOf<string | null>();
    expectTypeOf<RunnersView['runners'][number]['streams'][number]>().toEqualTypeOf<{ id: string; name: string }>();
    expectTypeOf<StreamStatsView['buckets'][number]['at']>().toEqualTypeOf<string>();
    expectTypeOf<DeadLetterView['status']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<TestAnswer['result']>().toEqualTypeOf<'success' | 'partial' | 'retryable' | 'permanent'>();
    expectTypeOf<ConnectorInfo['limits']>().toHaveProperty('maxEventBytes');
    expectTypeOf<ApiErrorBody['errors']>().toEqualTypeOf<Array<{ path: string; message: string }> | undefined>();
  });

  it('exports nothing at runtime, so importing it adds nothing to a bundle', () => {
    expect(Object.keys(runtime)).toEqual([]);
  });
});
