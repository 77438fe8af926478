// The shared conformance suite against the fake Elasticsearch node, and against it answering like OpenSearch.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance, type FakeServer, type PartialFailureScenario } from '@outflow/connector-testkit';
import { ELASTIC_FAKE_API_KEY, isElasticDelivery, startElasticFake, type ElasticFake } from '@outflow/connector-testkit/fakes/elastic';
import { describe } from 'vitest';
import { elasticConnector } from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));

const invalidConfigs = [
  { config: {}, path: 'elasticNode' },
  { config: { elasticNode: 'es.example.com:9200' }, path: 'elasticNode' },
  { config: { elasticNode: 'https://user:pw@es.example.com' }, path: 'elasticNode' },
  { config: { elasticNode: 'https://es.example.com', elasticCloudId: 'x:eA==' }, path: 'elasticCloudId' },
  { config: { elasticNode: 'https://es.example.com', elasticNamespace: 'has-dash' }, path: 'elasticNamespace' },
  { config: { elasticNode: 'https://es.example.com', elasticIndex: 'Upper' }, path: 'elasticIndex' },
  { config: { elasticNode: 'https://es.example.com', elasticUsername: 'u' }, path: 'elasticPassword' },
  { config: { elasticNode: 'https://es.example.com', elasticApiKey: 'k', elasticBearerToken: 't' }, path: 'elasticApiKey' },
  { config: { elasticNode: 'https://es.example.com', elasticFlavor: 'solr' }, path: 'elasticFlavor' },
];

/** Item 1 throttled (429, retried), item 3 a mapping error (400, dead letter). */
const partialFailure: PartialFailureScenario = {
  arrange: (fake: FakeServer) => (fake as ElasticFake).failNextItems({ 1: { status: 429 }, 3: { status: 400 } }),
  batchSize: 5,
  expectFailed: [
    { index: 1, retryable: true },
    { index: 3, retryable: false },
  ],
};

describe('elasticsearch flavour', () => {
  describeConnectorConformance(elasticConnector, {
    packageDir,
    startFake: () => startElasticFake(),
    validConfig: (fake) => ({ elasticNode: fake.url, elasticApiKey: ELASTIC_FAKE_API_KEY }),
    invalidConfigs,
    secretValues: [ELASTIC_FAKE_API_KEY],
    isDelivery: isElasticDelivery,
    // Answers carry `x-elastic-product` (the client refuses a 2xx without it) and a 2xx its item results.
    respondWith: (fake, status, headers) => (fake as ElasticFake).answerNextBulk(status, headers),
    partialFailure,
  });
});

describe('opensearch flavour', () => {
  describeConnectorConformance(elasticConnector, {
    packageDir,
    startFake: () => startElasticFake({ flavor: 'opensearch', basic: { username: 'admin', password: 'fake-opensearch-password' } }),
    validConfig: (fake) => ({ elasticFlavor: 'opensearch', elasticNode: fake.url, elasticUsername: 'admin', elasticPassword: 'fake-opensearch-password' }),
    invalidConfigs: [...invalidConfigs, { config: { elasticFlavor: 'opensearch', elasticCloudId: 'x:eA==' }, path: 'elasticCloudId' }],
    secretValues: ['fake-opensearch-password'],
    isDelivery: isElasticDelivery,
    respondWith: (fake, status, headers) => (fake as ElasticFake).answerNextBulk(status, headers),
    partialFailure,
  });
});
