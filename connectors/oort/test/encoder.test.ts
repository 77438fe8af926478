// Golden requests of the Oort (Cisco Duo Identity Threat Detection) preset: exactly what the intake receives for fixed events.
import { describePresetRequests } from '@outflow/connector-testkit';
import { oortConnector } from '../src/index.js';

describePresetRequests(oortConnector, {
  path: '/intake/auth0',
  layout: 'array',
  config: (url, token) => ({ oortEndpoint: url, oortToken: token }),
  linesWithGzip: { oortContentFormat: 'JSONLINES', oortCompression: 'gzip' },
});
