// The testkit's conformance suite against the fake Logz.io bulk listener.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { LOGZIO_FAKE_TOKEN, logzioBadRequest, startLogzioFake } from '@outflow/connector-testkit/fakes/logzio';
import { logzioConnector } from '../src/index.js';

describeConnectorConformance(logzioConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startLogzioFake(),
  validConfig: (fake) => ({ logzioToken: LOGZIO_FAKE_TOKEN, logzioEndpoint: fake.url, logzioType: 'auth0-test' }),
  invalidConfigs: [
    { config: {}, path: 'logzioToken' },
    { config: { logzioToken: '' }, path: 'logzioToken' },
    { config: { logzioToken: 'has space' }, path: 'logzioToken' },
    { config: { logzioToken: LOGZIO_FAKE_TOKEN, logzioRegion: 'moon' }, path: 'logzioRegion' },
    { config: { logzioToken: LOGZIO_FAKE_TOKEN, logzioType: 'two words' }, path: 'logzioType' },
    { config: { logzioToken: LOGZIO_FAKE_TOKEN, logzioEndpoint: 'not a url' }, path: 'logzioEndpoint' },
  ],
  secretValues: [LOGZIO_FAKE_TOKEN],
  // The healthcheck POSTs an empty body (no lines): only requests with lines deliver events.
  isDelivery: (req) => req.method === 'POST' && req.rawBody.length > 0,
  // Every line refused and none stored: each event fails for good, no bisection needed.
  partialFailure: {
    arrange: (fake) => fake.enqueue(logzioBadRequest({ malformedLines: 4 })),
    batchSize: 4,
    expectFailed: [0, 1, 2, 3].map((index) => ({ index, retryable: false })),
  },
});
