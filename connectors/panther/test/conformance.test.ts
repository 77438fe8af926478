// The testkit's conformance suite against the fake Panther HTTP source, once per authentication mode.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { PANTHER_FAKE_TOKEN, startPantherFake, type PantherFake } from '@outflow/connector-testkit/fakes/panther';
import { describe } from 'vitest';
import { pantherConnector } from '../src/index.js';
import { HMAC_KEY, SHARED_SECRET } from './fixtures.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const URL_OK = 'https://logs.acme.runpanther.net/http/5f9c2b7e-3a41-4c8e-9d2f-0b6a1e7c4d93';
const invalidConfigs = [
  { config: {}, path: 'pantherUrl' },
  { config: { pantherUrl: 'ftp://logs.example.com/http/x', pantherAuthMethod: 'bearer', pantherBearerToken: 't' }, path: 'pantherUrl' },
  { config: { pantherUrl: URL_OK, pantherAuthMethod: 'basic' }, path: 'pantherAuthMethod' },
  { config: { pantherUrl: URL_OK, pantherAuthMethod: 'bearer' }, path: 'pantherBearerToken' },
  { config: { pantherUrl: URL_OK, pantherAuthMethod: 'hmac', pantherSecretValue: 'k' }, path: 'pantherHeaderName' },
  {
    config: { pantherUrl: URL_OK, pantherAuthMethod: 'hmac', pantherHeaderName: 'X-Sig', pantherSecretValue: 'k', pantherHmacAlgorithm: 'md5' },
    path: 'pantherHmacAlgorithm',
  },
];
const statusExpectations = { 404: 'permanent', 405: 'permanent' } as const;

describe('bearer', () => {
  describeConnectorConformance(pantherConnector, {
    packageDir,
    startFake: () => startPantherFake(),
    validConfig: (fake) => ({ pantherUrl: (fake as PantherFake).sourceUrl, pantherAuthMethod: 'bearer', pantherBearerToken: PANTHER_FAKE_TOKEN }),
    invalidConfigs,
    secretValues: [PANTHER_FAKE_TOKEN],
    statusExpectations,
  });
});

describe('shared secret', () => {
  describeConnectorConformance(pantherConnector, {
    packageDir,
    startFake: () => startPantherFake({ auth: { method: 'sharedSecret', header: 'x-panther-secret', secret: SHARED_SECRET } }),
    validConfig: (fake) => ({
      pantherUrl: (fake as PantherFake).sourceUrl,
      pantherAuthMethod: 'sharedSecret',
      pantherHeaderName: 'X-Panther-Secret',
      pantherSecretValue: SHARED_SECRET,
      pantherCompression: 'none',
    }),
    invalidConfigs,
    secretValues: [SHARED_SECRET],
    statusExpectations,
  });
});

describe('hmac', () => {
  describeConnectorConformance(pantherConnector, {
    packageDir,
    startFake: () =>
      startPantherFake({ auth: { method: 'hmac', header: 'x-signature', secret: HMAC_KEY, algorithm: 'sha512', encoding: 'base64', prefix: 'sha512=' } }),
    validConfig: (fake) => ({
      pantherUrl: (fake as PantherFake).sourceUrl,
      pantherAuthMethod: 'hmac',
      pantherHeaderName: 'X-Signature',
      pantherSecretValue: HMAC_KEY,
      pantherHmacAlgorithm: 'sha512',
      pantherHmacEncoding: 'base64',
      pantherHmacPrefix: 'sha512=',
      pantherContentFormat: 'JSONARRAY',
    }),
    invalidConfigs,
    secretValues: [HMAC_KEY],
    statusExpectations,
  });
});
