// The testkit's conformance suite against the fake Secure Audit Log, answering at once and answering 202 Accepted then settling.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance, type ConformanceOptions, type FakeServer } from '@outflow/connector-testkit';
import { pangeaAnswer, startPangeaFake, type PangeaFake } from '@outflow/connector-testkit/fakes/pangea';
import { describe } from 'vitest';
import { pangeaConnector } from '../src/index.js';
import { CONFIG_ID, TOKEN } from './fixtures.js';

/** Pangea's envelope status for the HTTP statuses it uses; other statuses come without an envelope (a proxy's answer). */
const ENVELOPE_STATUS: Record<number, string> = {
  200: 'Success',
  400: 'ValidationError',
  401: 'Unauthorized',
  429: 'TooManyRequests',
  500: 'InternalError',
  503: 'ServiceNotAvailable',
};

const common: Omit<ConformanceOptions, 'startFake'> = {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  validConfig: (fake) => ({ pangeaBaseUrl: fake.url, pangeaToken: TOKEN, pangeaConfigId: CONFIG_ID }),
  invalidConfigs: [
    { config: { pangeaDomain: 'aws.us.pangea.cloud' }, path: 'pangeaToken' },
    { config: { pangeaToken: TOKEN, pangeaDomain: 'https://audit.aws.us.pangea.cloud' }, path: 'pangeaDomain' },
    { config: { pangeaToken: TOKEN, pangeaConfigId: 'config-1' }, path: 'pangeaConfigId' },
    { config: { pangeaToken: TOKEN, pangeaBaseUrl: 'ftp://audit.example.com' }, path: 'pangeaBaseUrl' },
  ],
  secretValues: [TOKEN],
  // Events travel only in /v2/log POSTs that hold some: not in polls, nor in the healthcheck's empty probe.
  isDelivery: (req) => req.method === 'POST' && req.path === '/v2/log' && ((req.json() as { events?: unknown[] }).events?.length ?? 0) > 0,
  // A 202 is Pangea's Accepted, whose request settles on a poll; the others carry Pangea's envelope where Pangea sends one.
  respondWith: (fake: FakeServer, status, headers) => {
    if (status === 202) return (fake as PangeaFake).setAccepted(true);
    const envelope = ENVELOPE_STATUS[status];
    if (!envelope) return fake.enqueue(headers ? { status, headers } : { status });
    const answer = pangeaAnswer(status, envelope);
    fake.enqueue('status' in answer ? { ...answer, ...(headers ? { headers } : {}) } : answer);
  },
  partialFailure: {
    arrange: (fake) =>
      fake.enqueue(
        pangeaAnswer(400, 'ValidationError', {
          result: {
            errors: [
              { code: 'ValueTooLong', detail: "'actor' is longer than 128 characters", source: '/events/1/event/actor' },
              { code: 'UnknownField', detail: "'x' is not a field", source: '/events/3/event/x' },
            ],
          },
        }),
      ),
    batchSize: 5,
    expectFailed: [
      { index: 0, retryable: true },
      { index: 1, retryable: false },
      { index: 2, retryable: true },
      { index: 3, retryable: false },
      { index: 4, retryable: true },
    ],
  },
};

describe('answering at once', () => {
  describeConnectorConformance(pangeaConnector, { ...common, startFake: () => startPangeaFake() });
});

describe('answering 202 Accepted, settled by a poll', () => {
  describeConnectorConformance(pangeaConnector, { ...common, startFake: () => startPangeaFake({ accepted: true, settleAfterPolls: 0 }) });
});
