// The testkit's conformance suite against the fake HEC, without and with indexer acknowledgement.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance, type ConformanceOptions } from '@outflow/connector-testkit';
import { SPLUNK_FAKE_TOKEN, startSplunkFake } from '@outflow/connector-testkit/fakes/splunk';
import { describe } from 'vitest';
import { splunkConnector } from '../src/index.js';

const common: Omit<ConformanceOptions, 'startFake' | 'validConfig'> = {
  packageDir: fileURLToPath(new URL('..', import.meta.url)),
  invalidConfigs: [
    { config: { splunkToken: SPLUNK_FAKE_TOKEN }, path: 'splunkDomain' },
    { config: { splunkDomain: 'splunk.example.com' }, path: 'splunkToken' },
    { config: { splunkDomain: 'splunk.example.com/x', splunkToken: SPLUNK_FAKE_TOKEN }, path: 'splunkDomain' },
    { config: { splunkDomain: 'splunk.example.com', splunkToken: SPLUNK_FAKE_TOKEN, splunkPort: 'https' }, path: 'splunkPort' },
    { config: { splunkDomain: 'splunk.example.com', splunkToken: SPLUNK_FAKE_TOKEN, splunkChannel: 'abc' }, path: 'splunkChannel' },
  ],
  secretValues: [SPLUNK_FAKE_TOKEN],
  // Events travel only in non-empty /event bodies: not in ack polls, /health or the healthcheck's empty probe.
  isDelivery: (req) => req.method === 'POST' && req.path === '/services/collector/event' && req.body.length > 0,
};

describe('without acknowledgement', () => {
  describeConnectorConformance(splunkConnector, {
    ...common,
    startFake: () => startSplunkFake(),
    validConfig: (fake) => ({ splunkDomain: fake.url, splunkToken: SPLUNK_FAKE_TOKEN, splunkCompression: 'gzip' }),
  });
});

describe('with indexer acknowledgement', () => {
  describeConnectorConformance(splunkConnector, {
    ...common,
    startFake: () => startSplunkFake({ ack: true }),
    validConfig: (fake) => ({ splunkDomain: fake.url, splunkToken: SPLUNK_FAKE_TOKEN, splunkAck: true, splunkAckTimeoutMs: 2000 }),
  });
});
