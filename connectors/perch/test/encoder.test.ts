// Golden requests of the Perch Security (ConnectWise SIEM) preset: exactly what the intake receives for fixed events.
import { describePresetRequests } from '@outflow/connector-testkit';
import { perchConnector } from '../src/index.js';

describePresetRequests(perchConnector, {
  path: '/intake/auth0',
  layout: 'lines',
  config: (url, token) => ({ perchEndpoint: url, perchToken: token }),
  linesWithGzip: { perchContentFormat: 'JSONLINES', perchCompression: 'gzip' },
});
