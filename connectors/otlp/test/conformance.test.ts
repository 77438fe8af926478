// Runs the shared connector conformance suite against the OTLP connector and the fake OTLP receiver.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { decodeOtlpRequest, otlpStatus, otlpSuccess, startOtlpFake } from '@outflow/connector-testkit/fakes/otlp';
import { otlpConnector } from '../src/index.js';
import { API_KEY } from './fixtures.js';

const BASE = 'https://otlp.example.com';

describeConnectorConformance(otlpConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startOtlpFake({ requiredHeaders: { 'api-key': API_KEY } }),
  validConfig: (fake) => ({ endpoint: fake.url, headers: { 'api-key': API_KEY } }),
  invalidConfigs: [
    { config: { headers: { 'api-key': API_KEY } }, path: 'endpoint' },
    { config: { endpoint: 'ftp://otlp.example.com' }, path: 'endpoint' },
    { config: { endpoint: 'https://user:pw@otlp.example.com' }, path: 'endpoint' },
    { config: { endpoint: BASE, encoding: 'grpc' }, path: 'encoding' },
    { config: { endpoint: BASE, compression: 'zstd' }, path: 'compression' },
    { config: { endpoint: BASE, headers: { 'api-key': '' } }, path: 'headers.api-key' },
    { config: { endpoint: BASE, headers: { 'Content-Type': 'text/plain' } }, path: 'headers.Content-Type' },
    { config: { endpoint: BASE, body: 'xml' }, path: 'body' },
  ],
  secretValues: [API_KEY],
  // The healthcheck POSTs an empty ExportLogsServiceRequest: only requests carrying records are deliveries.
  isDelivery: (req) => req.method === 'POST' && decodeOtlpRequest(req).length > 0,
  // OTLP/HTTP retries only 429, 502, 503 and 504; the rest is never resent (408 and 5xx stop the round, see README).
  statusExpectations: { 408: 'permanent', 500: 'permanent' },
  // Errors come as google.rpc.Status in the request's encoding.
  respondWith: (fake, status, headers) => fake.enqueue(status < 300 ? otlpSuccess() : otlpStatus(status, `HTTP ${status}`, 'protobuf', headers)),
  partialFailure: {
    // partialSuccess rejecting every record of the request: all of them fail, not retryable (dead letters).
    arrange: (fake) => fake.enqueue(otlpSuccess('protobuf', 5, 'every record was dropped by a processor')),
    batchSize: 5,
    expectFailed: [0, 1, 2, 3, 4].map((index) => ({ index, retryable: false })),
  },
});
