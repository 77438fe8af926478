// The testkit's conformance suite against the fake "webhook with token" intake.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { PARTNER_FAKE_TOKEN, startPartnerFake } from '@outflow/connector-testkit/fakes/partner';
import { perchConnector } from '../src/index.js';

describeConnectorConformance(perchConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startPartnerFake({ layout: 'either', path: '/intake/auth0' }),
  validConfig: (fake) => ({ perchEndpoint: `${fake.url}/intake/auth0`, perchToken: PARTNER_FAKE_TOKEN }),
  invalidConfigs: [
    { config: { perchToken: PARTNER_FAKE_TOKEN }, path: 'perchEndpoint' },
    { config: { perchEndpoint: 'https://intake.example.com/x' }, path: 'perchToken' },
    { config: { perchEndpoint: 'https://intake.example.com/x', perchToken: 'Bearer abc' }, path: 'perchToken' },
    { config: { perchEndpoint: 'ftp://intake.example.com/x', perchToken: PARTNER_FAKE_TOKEN }, path: 'perchEndpoint' },
    { config: { perchEndpoint: 'https://intake.example.com/x', perchToken: PARTNER_FAKE_TOKEN, perchContentFormat: 'JSONOBJECT' }, path: 'perchContentFormat' },
  ],
  secretValues: [PARTNER_FAKE_TOKEN],
  isDelivery: (req) => req.method === 'POST',
});
