// The testkit's conformance suite against the fake Datadog intake.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { DATADOG_FAKE_API_KEY, startDatadogFake } from '@outflow/connector-testkit/fakes/datadog';
import { datadogConnector } from '../src/index.js';

describeConnectorConformance(datadogConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startDatadogFake(),
  validConfig: (fake) => ({ datadogApiKey: DATADOG_FAKE_API_KEY, datadogEndpoint: fake.url, datadogTags: ['env:test'] }),
  invalidConfigs: [
    { config: {}, path: 'datadogApiKey' },
    { config: { datadogApiKey: '' }, path: 'datadogApiKey' },
    { config: { datadogApiKey: DATADOG_FAKE_API_KEY, datadogRegion: 'moon' }, path: 'datadogRegion' },
    { config: { datadogApiKey: DATADOG_FAKE_API_KEY, datadogTags: ['a,b'] }, path: 'datadogTags.0' },
    { config: { datadogApiKey: DATADOG_FAKE_API_KEY, datadogEndpoint: 'not a url' }, path: 'datadogEndpoint' },
  ],
  secretValues: [DATADOG_FAKE_API_KEY],
  isDelivery: (req) => req.method === 'POST' && req.path === '/api/v2/logs',
});
