// Runs the shared connector conformance suite against the eventgrid connector and a local fake intake.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance, startFakeServer } from '@outflow/connector-testkit';
import { eventgridConnector } from '../src/index.js';

const API_KEY = 'tk_live_0123456789abcdefSECRET';

describeConnectorConformance(eventgridConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startFakeServer(),
  validConfig: (fake) => ({ endpoint: `${fake.url}/v1/logs`, apiKey: API_KEY }),
  invalidConfigs: [
    { config: { apiKey: API_KEY }, path: 'endpoint' },
    { config: { endpoint: 'ftp://intake.example.com/', apiKey: API_KEY }, path: 'endpoint' },
    { config: { endpoint: 'https://intake.example.com/v1/logs' }, path: 'apiKey' },
    { config: { endpoint: 'https://intake.example.com/v1/logs', apiKey: '' }, path: 'apiKey' },
  ],
  secretValues: [API_KEY],
});
