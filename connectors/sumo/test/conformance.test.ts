// The testkit's conformance suite against the fake Sumo HTTP source, in source-address and auth-header modes.
import { describe } from 'vitest';
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { startSumoFake, SUMO_FAKE_CODE, SUMO_FAKE_TOKEN, type SumoFake } from '@outflow/connector-testkit/fakes/sumo';
import { sumoConnector } from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const ADDRESS = `https://endpoint4.collection.sumologic.com/receiver/v1/http/${SUMO_FAKE_CODE}`;
const isDelivery = (req: { method: string; path: string }) => req.method === 'POST' && req.path.startsWith('/receiver/v1/http');

describeConnectorConformance(sumoConnector, {
  packageDir,
  startFake: () => startSumoFake(),
  validConfig: (fake) => ({ sumoSourceAddress: (fake as SumoFake).sourceAddress, sumoCategory: 'test/auth0', sumoFields: { env: 'test' } }),
  invalidConfigs: [
    { config: {}, path: 'sumoSourceAddress' },
    { config: { sumoSourceAddress: '' }, path: 'sumoSourceAddress' },
    { config: { sumoSourceAddress: 'not a url' }, path: 'sumoSourceAddress' },
    { config: { sumoSourceAddress: 'https://endpoint4.collection.sumologic.com/receiver/v1/http' }, path: 'sumoSourceAddress' },
    { config: { sumoSourceAddress: ADDRESS, sumoToken: SUMO_FAKE_TOKEN }, path: 'sumoSourceAddress' },
    { config: { sumoEndpoint: 'https://endpoint4.collection.sumologic.com/receiver/v1/http' }, path: 'sumoToken' },
    { config: { sumoSourceAddress: ADDRESS, sumoCategory: 'bad\ncategory' }, path: 'sumoCategory' },
    { config: { sumoSourceAddress: ADDRESS, sumoFields: { env: 'a,b' } }, path: 'sumoFields.env' },
  ],
  secretValues: [SUMO_FAKE_CODE],
  isDelivery,
});

describe('auth-header mode', () => {
  describeConnectorConformance(sumoConnector, {
    packageDir,
    startFake: () => startSumoFake(),
    validConfig: (fake) => ({ sumoEndpoint: (fake as SumoFake).endpoint, sumoToken: SUMO_FAKE_TOKEN }),
    invalidConfigs: [{ config: { sumoToken: SUMO_FAKE_TOKEN }, path: 'sumoEndpoint' }],
    secretValues: [SUMO_FAKE_TOKEN],
    isDelivery,
  });
});
