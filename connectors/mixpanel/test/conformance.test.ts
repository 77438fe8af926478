// The shared conformance suite against the fake Mixpanel Import API.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { isMixpanelDelivery, startMixpanelFake } from '@outflow/connector-testkit/fakes/mixpanel';
import { mixpanelConnector } from '../src/index.js';
import { CREDENTIALS, PROJECT_ID, SECRET, USERNAME } from './fixtures.js';

const valid = { mixpanelProjectId: PROJECT_ID, mixpanelServiceAccountUsername: USERNAME, mixpanelServiceAccountPassword: SECRET };

describeConnectorConformance(mixpanelConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startMixpanelFake(CREDENTIALS),
  validConfig: (fake) => ({ ...valid, mixpanelHost: fake.url }),
  invalidConfigs: [
    { config: { ...valid, mixpanelProjectId: undefined }, path: 'mixpanelProjectId' },
    { config: { ...valid, mixpanelProjectId: 'acme' }, path: 'mixpanelProjectId' },
    { config: { ...valid, mixpanelServiceAccountUsername: 'a:b' }, path: 'mixpanelServiceAccountUsername' },
    { config: { ...valid, mixpanelServiceAccountPassword: '' }, path: 'mixpanelServiceAccountPassword' },
    { config: { ...valid, mixpanelRegion: 'ap' }, path: 'mixpanelRegion' },
    { config: { ...valid, mixpanelHost: 'api.mixpanel.com' }, path: 'mixpanelHost' },
  ],
  secretValues: [SECRET],
  // The healthcheck POSTs an empty batch: a request, but no events.
  isDelivery: isMixpanelDelivery,
  // A strict 400 names the refused events; the others were imported.
  partialFailure: {
    arrange: (fake) =>
      fake.enqueue({
        status: 400,
        body: {
          code: 400,
          error: 'some data points in the request failed validation',
          failed_records: [
            { index: 1, $insert_id: 'a', field: 'properties.time', message: "'properties.time' is invalid" },
            { index: 3, $insert_id: 'b', field: 'properties.x', message: 'string should be valid utf8' },
          ],
          num_records_imported: 3,
          status: 'Bad Request',
        },
      }),
    batchSize: 5,
    expectFailed: [
      { index: 1, retryable: false },
      { index: 3, retryable: false },
    ],
  },
});
