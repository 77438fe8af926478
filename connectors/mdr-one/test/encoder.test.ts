// Golden requests of the MDR ONE preset: exactly what the intake receives for fixed events.
import { describePresetRequests } from '@outflow/connector-testkit';
import { mdrOneConnector } from '../src/index.js';

describePresetRequests(mdrOneConnector, {
  path: '/intake/auth0',
  layout: 'lines',
  config: (url, token) => ({ mdrOneEndpoint: url, mdrOneToken: token }),
  linesWithGzip: { mdrOneContentFormat: 'JSONLINES', mdrOneCompression: 'gzip' },
});
