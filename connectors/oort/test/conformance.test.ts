// The testkit's conformance suite against the fake "webhook with token" intake.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { PARTNER_FAKE_TOKEN, startPartnerFake } from '@outflow/connector-testkit/fakes/partner';
import { oortConnector } from '../src/index.js';

describeConnectorConformance(oortConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startPartnerFake({ layout: 'either', path: '/intake/auth0' }),
  validConfig: (fake) => ({ oortEndpoint: `${fake.url}/intake/auth0`, oortToken: PARTNER_FAKE_TOKEN }),
  invalidConfigs: [
    { config: { oortToken: PARTNER_FAKE_TOKEN }, path: 'oortEndpoint' },
    { config: { oortEndpoint: 'https://intake.example.com/x' }, path: 'oortToken' },
    { config: { oortEndpoint: 'https://intake.example.com/x', oortToken: 'Bearer abc' }, path: 'oortToken' },
    { config: { oortEndpoint: 'ftp://intake.example.com/x', oortToken: PARTNER_FAKE_TOKEN }, path: 'oortEndpoint' },
    { config: { oortEndpoint: 'https://intake.example.com/x', oortToken: PARTNER_FAKE_TOKEN, oortContentFormat: 'JSONOBJECT' }, path: 'oortContentFormat' },
  ],
  secretValues: [PARTNER_FAKE_TOKEN],
  isDelivery: (req) => req.method === 'POST',
});
