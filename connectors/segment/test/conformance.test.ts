// The shared conformance suite against the fake Segment Tracking API.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance } from '@outflow/connector-testkit';
import { isSegmentDelivery, startSegmentFake } from '@outflow/connector-testkit/fakes/segment';
import { segmentConnector } from '../src/index.js';

const WRITE_KEY = 'fake-segment-write-key-0123456789';

describeConnectorConformance(segmentConnector, {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  startFake: () => startSegmentFake({ writeKey: WRITE_KEY }),
  validConfig: (fake) => ({ segmentWriteKey: WRITE_KEY, segmentHost: fake.url }),
  invalidConfigs: [
    { config: {}, path: 'segmentWriteKey' },
    { config: { segmentWriteKey: '' }, path: 'segmentWriteKey' },
    { config: { segmentWriteKey: 'k', segmentRegion: 'ap' }, path: 'segmentRegion' },
    { config: { segmentWriteKey: 'k', segmentHost: 'api.segment.io' }, path: 'segmentHost' },
    { config: { segmentWriteKey: 'k', segmentHost: 'https://user:pw@proxy.example' }, path: 'segmentHost' },
  ],
  secretValues: [WRITE_KEY],
  // The healthcheck POSTs an empty batch: a request, but no events.
  isDelivery: isSegmentDelivery,
  // Segment's API reports no per-event failures (it answers 200 or fails the whole request), so there is no partial scenario.
});
