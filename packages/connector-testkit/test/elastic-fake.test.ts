// The fake Elasticsearch node: auth, media types, product header, `_bulk` item results (201, 409, 400), size limit, OpenSearch mode.
import { afterEach, describe, expect, it } from 'vitest';
import { ELASTIC_FAKE_API_KEY, startElasticFake, type ElasticFake } from '../src/fakes/elastic.js';

let fake: ElasticFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const NDJSON = 'application/x-ndjson';
const lines = (...objects: object[]) => `${objects.map((o) => JSON.stringify(o)).join('\n')}\n`;

async function bulk(f: ElasticFake, body: string, headers: Record<string, string> = {}, path = '/_bulk') {
  const res = await fetch(`${f.url}${path}`, {
    method: 'POST',
    headers: { authorization: `ApiKey ${ELASTIC_FAKE_API_KEY}`, 'content-type': NDJSON, ...headers },
    body,
  });
  return {
    status: res.status,
    headers: res.headers,
    json: (await res.json()) as { errors?: boolean; items?: Array<Record<string, { status: number; error?: { type: string } }>>; error?: { type: string } },
  };
}

describe('elastic fake', () => {
  it('creates documents once: a second create of an _id answers 409 version_conflict_engine_exception', async () => {
    fake = await startElasticFake();
    const body = lines({ create: { _index: 'logs-auth0-default', _id: 'a' } }, { '@timestamp': '2026-01-01T00:00:00Z', n: 1 });
    const first = await bulk(fake, body);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-elastic-product')).toBe('Elasticsearch');
    expect(first.json).toMatchObject({ errors: false, items: [{ create: { status: 201 } }] });
    const again = await bulk(fake, body);
    expect(again.json).toMatchObject({ errors: true, items: [{ create: { status: 409, error: { type: 'version_conflict_engine_exception' } } }] });
    expect(fake.documentCount()).toBe(1);
  });

  it('refuses a document whose field clashes with the learned mapping, and non-create ops or a missing @timestamp in a data stream', async () => {
    fake = await startElasticFake();
    const res = await bulk(
      fake,
      lines(
        { create: { _index: 'logs-a-b', _id: '1' } },
        { '@timestamp': 't', details: { x: 1 } },
        { create: { _index: 'logs-a-b', _id: '2' } },
        { '@timestamp': 't', details: 'flat' },
        { index: { _index: 'logs-a-b', _id: '3' } },
        { '@timestamp': 't' },
        { create: { _index: 'logs-a-b', _id: '4' } },
        { no: 'timestamp' },
        { index: { _index: 'plain', _id: '5' } },
        { any: 'thing' },
      ),
    );
    expect(res.json.items?.map((i) => Object.values(i)[0]?.status)).toEqual([201, 400, 400, 400, 201]);
    expect(res.json.items?.[1]?.create?.error?.type).toBe('document_parsing_exception');
  });

  it('checks credentials, media types, the final newline and the content length', async () => {
    fake = await startElasticFake({ maxContentLength: 1024 });
    const ok = lines({ create: { _index: 'i', _id: 'x' } }, { a: 1 });
    expect((await bulk(fake, ok, { authorization: 'ApiKey wrong' })).json.error?.type).toBe('security_exception');
    expect((await bulk(fake, ok, { 'content-type': 'text/plain' })).status).toBe(406);
    expect((await bulk(fake, ok, { 'content-type': 'application/vnd.elasticsearch+x-ndjson; compatible-with=9' })).status).toBe(200);
    expect((await bulk(fake, ok.trimEnd())).json.error?.type).toBe('illegal_argument_exception');
    expect((await bulk(fake, lines({ create: { _index: 'i', _id: 'y' } }, { big: 'x'.repeat(2000) }))).status).toBe(413);
  });

  it('scripts item failures and whole answers for the next bulk only', async () => {
    fake = await startElasticFake();
    const body = lines({ create: { _index: 'i', _id: 'p' } }, { a: 1 }, { create: { _index: 'i', _id: 'q' } }, { a: 2 });
    fake.failNextItems({ 1: { status: 429 } });
    expect((await bulk(fake, body)).json.items?.map((i) => i.create?.status)).toEqual([201, 429]);
    fake.answerNextBulk(503, { 'Retry-After': '2' });
    const failed = await bulk(fake, body);
    expect(failed.status).toBe(503);
    expect(failed.headers.get('retry-after')).toBe('2');
    expect((await bulk(fake, body)).json.items?.map((i) => i.create?.status)).toEqual([409, 201]);
  });

  it('answers like OpenSearch: no product header and no Elastic media types', async () => {
    fake = await startElasticFake({ flavor: 'opensearch' });
    const ok = lines({ create: { _index: 'i', _id: 'x' } }, { a: 1 });
    const res = await bulk(fake, ok);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-elastic-product')).toBeNull();
    expect((await bulk(fake, ok, { 'content-type': 'application/vnd.elasticsearch+x-ndjson; compatible-with=9' })).status).toBe(406);
  });
});
