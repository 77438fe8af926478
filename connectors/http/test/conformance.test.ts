// Runs the shared connector conformance suite against the webhook connector and a local fake.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance, startFakeServer } from '@outflow/connector-testkit';
import { httpConnector } from '../src/index.js';

const TOKEN = 's3cr3t-TOKEN-value-1234';
const SIGNING = 'whsec_' + Buffer.from('signing-key-material-5678').toString('base64');

describeConnectorConformance(httpConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startFakeServer(),
  validConfig: (fake) => ({ httpEndpoint: `${fake.url}/hook`, httpAuthorization: `Bearer ${TOKEN}`, httpSigningSecret: SIGNING }),
  invalidConfigs: [
    { config: {}, path: 'httpEndpoint' },
    { config: { httpEndpoint: 'ftp://example.com/x' }, path: 'httpEndpoint' },
    { config: { httpEndpoint: 'https://example.com/x', httpAuthorization: '' }, path: 'httpAuthorization' },
    { config: { httpEndpoint: 'https://example.com/x', httpContentFormat: 'XML' }, path: 'httpContentFormat' },
    { config: { httpEndpoint: 'https://example.com/x', httpCustomHeaders: [{ header: 'Authorization', value: 'x' }] }, path: 'httpCustomHeaders.0.header' },
  ],
  secretValues: [`Bearer ${TOKEN}`, TOKEN, SIGNING, SIGNING.slice('whsec_'.length)],
});
