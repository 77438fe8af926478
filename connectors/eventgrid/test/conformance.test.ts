// Runs the shared connector conformance suite against the eventgrid connector and the fake Event Grid topic.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance, type RecordedRequest } from '@outflow/connector-testkit';
import { EVENTGRID_FAKE_KEY, eventgridError, startEventgridFake } from '@outflow/connector-testkit/fakes/eventgrid';
import { eventgridConnector } from '../src/index.js';

/** The healthcheck publishes an empty array; only requests carrying events are deliveries. */
const isPublishWithEvents = (req: RecordedRequest) => req.method === 'POST' && req.text() !== '[]';

describeConnectorConformance(eventgridConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startEventgridFake(),
  validConfig: (fake) => ({ endpoint: `${fake.url}/api/events`, accessKey: EVENTGRID_FAKE_KEY }),
  invalidConfigs: [
    { config: { endpoint: 'https://t.westeurope-1.eventgrid.azure.net/api/events' }, path: 'accessKey' },
    { config: { accessKey: EVENTGRID_FAKE_KEY }, path: 'azurePartnerTopic' },
    { config: { accessKey: EVENTGRID_FAKE_KEY, azurePartnerTopic: 'auth0-logs' }, path: 'azureRegion' },
    { config: { accessKey: EVENTGRID_FAKE_KEY, endpoint: 'eventgrid.azure.net/api/events' }, path: 'endpoint' },
    { config: { accessKey: EVENTGRID_FAKE_KEY, endpoint: 'https://t.westeurope-1.eventgrid.azure.net/api/events', sasToken: 'r=x&e=y&s=z' }, path: 'sasToken' },
    {
      config: {
        accessKey: EVENTGRID_FAKE_KEY,
        endpoint: 'https://t.westeurope-1.eventgrid.azure.net/api/events',
        schema: 'eventGrid',
        channelName: 'auth0-ch',
      },
      path: 'channelName',
    },
    { config: { accessKey: EVENTGRID_FAKE_KEY, azurePartnerTopic: 'auth0-logs', azureRegion: 'West Europe' }, path: 'azureRegion' },
    {
      config: { accessKey: EVENTGRID_FAKE_KEY, azurePartnerTopic: 'auth0-logs', azureRegion: 'westeurope', azureSubscriptionId: 'nope' },
      path: 'azureSubscriptionId',
    },
  ],
  secretValues: [EVENTGRID_FAKE_KEY],
  isDelivery: isPublishWithEvents,
  // Event Grid answers errors in Azure's shape; the classification must hold with that body too.
  respondWith: (fake, status, headers) =>
    fake.enqueue(
      status < 300 ? { status, ...(headers ? { headers } : {}) } : { ...eventgridError(status, 'Error', 'Scripted answer.'), ...(headers ? { headers } : {}) },
    ),
});
