// The shared conformance suite against the fake EventBridge (real SDK, SigV4 headers, AWS JSON 1.1).
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { awsError, isPutEvents, startEventBridgeFake, type EventBridgeFake } from '@outflow/connector-testkit/fakes/eventbridge';
import { eventbridgeConnector } from '../src/index.js';

const ACCESS_KEY = 'AKIDFAKEOUTFLOW0001';
const SECRET_KEY = 'fake/secret+access/key0123456789abcdefXYZ';

describeConnectorConformance(eventbridgeConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startEventBridgeFake({ accessKeyId: ACCESS_KEY }),
  validConfig: (fake) => ({ awsRegion: 'us-east-1', awsEndpoint: fake.url, awsAccessKeyId: ACCESS_KEY, awsSecretAccessKey: SECRET_KEY }),
  invalidConfigs: [
    { config: {}, path: 'awsRegion' },
    { config: { awsRegion: 'mars-1' }, path: 'awsRegion' },
    { config: { awsRegion: 'us-east-1', awsAccountId: '1234' }, path: 'awsAccountId' },
    { config: { awsRegion: 'us-east-1', awsAccessKeyId: ACCESS_KEY }, path: 'awsSecretAccessKey' },
    { config: { awsRegion: 'us-east-1', awsSecretAccessKey: SECRET_KEY }, path: 'awsAccessKeyId' },
    { config: { awsRegion: 'us-east-1', awsSessionToken: 'token-without-keys' }, path: 'awsSessionToken' },
    { config: { awsRegion: 'us-east-1', eventBusName: 'bad bus name' }, path: 'eventBusName' },
    { config: { eventBusName: 'arn:aws:events:eu-west-1:111122223333:event-bus/logs', awsRegion: 'us-east-1' }, path: 'awsRegion' },
    { config: { awsRegion: 'us-east-1', source: 'aws.auth0' }, path: 'source' },
    { config: { awsRegion: 'us-east-1', maxEntryBytes: 2 * 1024 * 1024 }, path: 'maxEntryBytes' },
    { config: { awsRegion: 'us-east-1', awsEndpoint: 'localhost:4566' }, path: 'awsEndpoint' },
  ],
  secretValues: [SECRET_KEY],
  // DescribeEventBus (the healthcheck) carries no events.
  isDelivery: isPutEvents,
  // AWS refuses unknown keys with HTTP 400 UnrecognizedClientException, which must still read as `auth`.
  unauthorized: (fake) => fake.setHandler(() => awsError(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.')),
  partialFailure: {
    arrange: (fake) => (fake as EventBridgeFake).failEntries({ 1: 'ThrottlingException', 3: 'MalformedDetail', 4: 'InternalFailure' }),
    batchSize: 6,
    expectFailed: [
      { index: 1, retryable: true },
      { index: 3, retryable: false },
      { index: 4, retryable: true },
    ],
  },
});
