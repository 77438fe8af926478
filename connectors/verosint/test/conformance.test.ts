// The testkit's conformance suite against the fake "webhook with token" intake.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { PARTNER_FAKE_TOKEN, startPartnerFake, VEROSINT_PATH } from '@outflow/connector-testkit/fakes/partner';
import { verosintConnector } from '../src/index.js';

describeConnectorConformance(verosintConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startPartnerFake({ layout: 'array' }),
  validConfig: (fake) => ({ verosintEndpoint: `${fake.url}${VEROSINT_PATH}`, verosintApiKey: PARTNER_FAKE_TOKEN }),
  invalidConfigs: [
    { config: {}, path: 'verosintApiKey' },
    { config: { verosintEndpoint: 'https://intake.example.com/x' }, path: 'verosintApiKey' },
    { config: { verosintEndpoint: 'https://intake.example.com/x', verosintApiKey: 'Bearer abc' }, path: 'verosintApiKey' },
    { config: { verosintEndpoint: 'ftp://intake.example.com/x', verosintApiKey: PARTNER_FAKE_TOKEN }, path: 'verosintEndpoint' },
  ],
  secretValues: [PARTNER_FAKE_TOKEN],
  isDelivery: (req) => req.method === 'POST',
});
