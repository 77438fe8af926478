// The testkit's conformance suite against the fake "webhook with token" intake.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { PARTNER_FAKE_TOKEN, startPartnerFake } from '@outflow/connector-testkit/fakes/partner';
import { mdrOneConnector } from '../src/index.js';

describeConnectorConformance(mdrOneConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startPartnerFake({ layout: 'either', path: '/intake/auth0' }),
  validConfig: (fake) => ({ mdrOneEndpoint: `${fake.url}/intake/auth0`, mdrOneToken: PARTNER_FAKE_TOKEN }),
  invalidConfigs: [
    { config: { mdrOneToken: PARTNER_FAKE_TOKEN }, path: 'mdrOneEndpoint' },
    { config: { mdrOneEndpoint: 'https://intake.example.com/x' }, path: 'mdrOneToken' },
    { config: { mdrOneEndpoint: 'https://intake.example.com/x', mdrOneToken: 'Bearer abc' }, path: 'mdrOneToken' },
    { config: { mdrOneEndpoint: 'ftp://intake.example.com/x', mdrOneToken: PARTNER_FAKE_TOKEN }, path: 'mdrOneEndpoint' },
    {
      config: { mdrOneEndpoint: 'https://intake.example.com/x', mdrOneToken: PARTNER_FAKE_TOKEN, mdrOneContentFormat: 'JSONOBJECT' },
      path: 'mdrOneContentFormat',
    },
  ],
  secretValues: [PARTNER_FAKE_TOKEN],
  isDelivery: (req) => req.method === 'POST',
});
