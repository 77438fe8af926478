// Golden `_bulk` requests: exact bytes and headers of the request the fake node receives for a fixed event, ECS and raw.
import { batchFromEnvelopes, type LogEnvelope } from '@outflow/core';
import { FAILED_LOGIN_ENVELOPE, never, testContext } from '@outflow/connector-testkit';
import { ELASTIC_FAKE_API_KEY, startElasticFake, type ElasticFake } from '@outflow/connector-testkit/fakes/elastic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkBody, bulkLines, ecsDocument, elasticConnector } from '../src/index.js';

const ID = '90020260101120000123000000000001000000000000000000000042';
const DATA =
  `{"date":"2026-01-01T12:00:00.123Z","type":"f","description":"Wrong email or password.","hostname":"acme.eu.auth0.com","ip":"203.0.113.7",` +
  `"user_name":"ada@example.com","details":{"error":{"message":"Wrong email or password."}},"log_id":"${ID}"}`;

const GOLDEN_ECS =
  `{"create":{"_index":"logs-auth0-default","_id":"${ID}"}}\n` +
  `{"@timestamp":"2026-01-01T12:00:00.123Z","ecs":{"version":"8.17.0"},` +
  `"event":{"id":"${ID}","code":"f","action":"Failed Login","kind":"event","category":["authentication"],"type":["info"],"outcome":"failure","dataset":"auth0.logs","provider":"auth0"},` +
  `"message":"Wrong email or password.","user":{"name":"ada@example.com","email":"ada@example.com"},"source":{"ip":"203.0.113.7"},"client":{"ip":"203.0.113.7"},` +
  `"auth0":{"logs":{"log_id":"${ID}","data":${DATA}}}}\n`;

const GOLDEN_RAW = `{"create":{"_index":"auth0-logs","_id":"${ID}"}}\n{"@timestamp":"2026-01-01T12:00:00.123Z","log_id":"${ID}","data":${DATA}}\n`;

let fake: ElasticFake;
beforeAll(async () => void (fake = await startElasticFake()));
afterAll(() => fake.close());

async function sendOne(config: Record<string, unknown>, envelopes: LogEnvelope[] = [FAILED_LOGIN_ENVELOPE]) {
  fake.reset();
  const connector = elasticConnector.create(testContext(), elasticConnector.configSchema.parse({ elasticNode: fake.url, ...config }));
  try {
    const result = await connector.send(batchFromEnvelopes(envelopes), never());
    const req = fake.bulkRequests()[0];
    if (!req) throw new Error('No _bulk request reached the fake.');
    return { result, req };
  } finally {
    await connector.close();
  }
}

describe('golden _bulk requests', () => {
  it('sends an ECS document with a create action, _id = log_id, into logs-auth0-default through the Elasticsearch client', async () => {
    const { result, req } = await sendOne({ elasticApiKey: ELASTIC_FAKE_API_KEY });
    expect(result).toEqual({ status: 'success' });
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/_bulk');
    expect(req.query.get('filter_path')).toBe('errors,items.*.status,items.*.error.type,items.*.error.reason');
    expect(req.text()).toBe(GOLDEN_ECS);
    expect(req.headers).toMatchObject({
      'content-type': 'application/vnd.elasticsearch+x-ndjson; compatible-with=9',
      accept: 'application/vnd.elasticsearch+json; compatible-with=9',
      authorization: `ApiKey ${ELASTIC_FAKE_API_KEY}`,
      'user-agent': 'outflow/0.1.0',
    });
    expect(fake.documents('logs-auth0-default').get(ID)?.source).toEqual(JSON.parse(GOLDEN_ECS.split('\n')[1] as string));
  });

  it('sends the envelope with @timestamp first when ECS is off, into a named index', async () => {
    const { req } = await sendOne({ elasticApiKey: ELASTIC_FAKE_API_KEY, elasticEcs: false, elasticIndex: 'auth0-logs' });
    expect(req.text()).toBe(GOLDEN_RAW);
  });

  it('sends the same body as plain NDJSON with Basic auth to OpenSearch', async () => {
    await fake.close();
    fake = await startElasticFake({ flavor: 'opensearch', basic: { username: 'admin', password: 'pw' } });
    const { result, req } = await sendOne({ elasticFlavor: 'opensearch', elasticUsername: 'admin', elasticPassword: 'pw', elasticNamespace: 'prod' });
    expect(result).toEqual({ status: 'success' });
    expect(req.text()).toBe(GOLDEN_ECS.replace('logs-auth0-default', 'logs-auth0-prod'));
    expect(req.headers).toMatchObject({
      'content-type': 'application/x-ndjson',
      accept: 'application/json',
      authorization: `Basic ${Buffer.from('admin:pw').toString('base64')}`,
    });
  });

  it('ends every line with a newline, two lines per event', () => {
    const envelopes = [FAILED_LOGIN_ENVELOPE, { log_id: 'b', data: { type: 's', date: '2026-01-01T00:00:00Z', log_id: 'b' } }];
    const lines = bulkLines(batchFromEnvelopes(envelopes), { target: 't', ecs: true }, '2026-12-07T00:00:00.000Z');
    expect(lines).toHaveLength(4);
    expect(lines[2]).toBe('{"create":{"_index":"t","_id":"b"}}');
    expect(bulkBody(lines).endsWith('}\n')).toBe(true);
    expect(bulkBody([])).toBe('');
  });

  it('stamps the send time when data.date is missing or not a date (data streams need @timestamp)', () => {
    const batch = batchFromEnvelopes([{ log_id: 'x', data: { type: 's', date: 'yesterday', log_id: 'x' } }]);
    const [, doc] = bulkLines(batch, { target: 't', ecs: false }, '2026-12-07T00:00:00.000Z');
    expect(JSON.parse(doc as string)['@timestamp']).toBe('2026-12-07T00:00:00.000Z');
  });
});

describe('ECS mapping', () => {
  const doc = (data: Record<string, unknown>) => ecsDocument({ log_id: 'id1', data: { log_id: 'id1', ...data } } as LogEnvelope, '2026-01-01T00:00:00Z');

  it('maps a successful login to authentication/start/success with user, source and user agent', () => {
    expect(doc({ type: 's', user_id: 'auth0|1', user_name: 'bob', ip: '198.51.100.1', user_agent: 'Chrome 120' })).toMatchObject({
      event: { id: 'id1', code: 's', action: 'Success Login', category: ['authentication'], type: ['start'], outcome: 'success' },
      user: { id: 'auth0|1', name: 'bob' },
      source: { ip: '198.51.100.1' },
      user_agent: { original: 'Chrome 120' },
    });
    expect(doc({ type: 's', user_name: 'bob' }).user).toEqual({ name: 'bob' });
  });

  it('maps logouts, management and unknown codes', () => {
    expect(doc({ type: 'slo' }).event).toMatchObject({ category: ['authentication', 'session'], type: ['end'], outcome: 'success' });
    expect(doc({ type: 'sapi' }).event).toMatchObject({ category: ['iam'], outcome: 'success' });
    const unknown = doc({ type: 'brand_new', description: 'Something new' });
    expect(unknown.event).toMatchObject({ code: 'brand_new', action: 'Something new', outcome: 'unknown' });
    expect(unknown.event).not.toHaveProperty('category');
    expect(unknown).not.toHaveProperty('user');
    expect(unknown).not.toHaveProperty('source');
  });
});
