// A fake Elasticsearch (or OpenSearch) node: auth, media types, `_bulk` with per-item results into in-memory indices, size limit.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';
import { createElasticIndices, type ElasticItemResult, type ForcedItemFailure, type StoredDocument } from './elastic-index.js';

export { isDataStreamName, type ElasticItemResult, type ForcedItemFailure, type StoredDocument } from './elastic-index.js';

export interface ElasticFakeOptions {
  /** Accepted `Authorization: ApiKey <this>` (the encoded key). Default `ZmFrZS1pZDpmYWtlLWtleQ==` (`fake-id:fake-key`). */
  apiKey?: string;
  /** Also accepted: Basic of this user and password. */
  basic?: { username: string; password: string };
  /** Also accepted: `Authorization: Bearer <this>`. */
  bearer?: string;
  /** Answer like OpenSearch: no `x-elastic-product` header, OpenSearch's `GET /`, no Elastic media types. */
  flavor?: 'elasticsearch' | 'opensearch';
  /** `http.max_content_length`: larger bodies get 413. Default 100 MB. */
  maxContentLength?: number;
}

export interface ElasticFake extends FakeServer {
  apiKey: string;
  /** A copy of the documents stored in `index` (a data stream's name), or in all indices, by `_id`. */
  documents(index?: string): Map<string, StoredDocument>;
  /** Documents stored in all indices (a duplicate `_id` in two indices counts twice). */
  documentCount(): number;
  /** Every item result answered, in order (409s of redeliveries included). */
  itemResults(): ElasticItemResult[];
  /** The `_bulk` requests that carried at least one action. */
  bulkRequests(): RecordedRequest[];
  /** Fails the items at these positions of the NEXT `_bulk` request (e.g. `{1: {status: 429}}`). */
  failNextItems(failures: Record<number, ForcedItemFailure>): void;
  /** The NEXT `_bulk` request is answered with this status: a 2xx with its item results, else an Elastic error body. */
  answerNextBulk(status: number, headers?: Record<string, string>): void;
  /** Delays each `_bulk` answer by what this returns (ms), after the documents were stored. */
  setAnswerDelay(delay: (() => number | undefined) | undefined): void;
}

/** Elastic's `http.max_content_length` default. */
export const ELASTIC_MAX_CONTENT_LENGTH = 100 * 1024 * 1024;
export const ELASTIC_FAKE_API_KEY = Buffer.from('fake-id:fake-key').toString('base64');

/** Is this a `_bulk` request (the conformance suite's delivery)? */
export function isElasticDelivery(req: RecordedRequest): boolean {
  return req.method === 'POST' && /(^|\/)_bulk$/.test(req.path);
}

const JSON_TYPES = /^application\/(json|x-ndjson)(;|$)/;
const COMPATIBLE = /^application\/vnd\.elasticsearch\+(json|x-ndjson);\s*compatible-with=(\d+)$/;

const ERROR_TYPES: Record<number, string> = {
  401: 'security_exception',
  403: 'security_exception',
  413: 'content_too_long_exception',
  429: 'es_rejected_execution_exception',
  503: 'unavailable_shards_exception',
};

function errorBody(status: number, type: string, reason: string) {
  return { error: { root_cause: [{ type, reason }], type, reason }, status };
}

export async function startElasticFake(options: ElasticFakeOptions = {}): Promise<ElasticFake> {
  const apiKey = options.apiKey ?? ELASTIC_FAKE_API_KEY;
  const opensearch = options.flavor === 'opensearch';
  const indices = createElasticIndices(() => new Date().toISOString().slice(0, 10).replace(/-/g, '.'));
  const results: ElasticItemResult[] = [];
  let forced: Record<number, ForcedItemFailure> | undefined;
  let delay: (() => number | undefined) | undefined;
  let next: { status: number; headers?: Record<string, string> | undefined } | undefined;

  const headersFor = (req: RecordedRequest): Record<string, string> => {
    const accept = String(req.headers.accept ?? '');
    const compat = accept
      .split(',')
      .map((t) => COMPATIBLE.exec(t.trim()))
      .find((c) => c);
    return {
      'content-type': !opensearch && compat ? `application/vnd.elasticsearch+json;compatible-with=${compat[2]}` : 'application/json; charset=UTF-8',
      ...(opensearch ? {} : { 'x-elastic-product': 'Elasticsearch' }),
    };
  };
  const answer = (req: RecordedRequest, status: number, body: object, delayMs?: number): FakeAnswer => ({ status, headers: headersFor(req), body, delayMs });
  const fail = (req: RecordedRequest, status: number, type: string, reason: string) => answer(req, status, errorBody(status, type, reason));

  /** The user an Authorization header names, or undefined when it is refused. */
  const userOf = (header: string): string | undefined => {
    if (header === `ApiKey ${apiKey}`) return 'api_key';
    if (options.bearer && header === `Bearer ${options.bearer}`) return 'token';
    if (options.basic && header === `Basic ${Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64')}`) return 'realm';
    return undefined;
  };

  /** 406 for media types the node does not take; Elastic accepts compatible-with 8 and 9. */
  const mediaProblem = (req: RecordedRequest, name: 'content-type' | 'accept'): string | undefined => {
    const value = String(req.headers[name] ?? '').trim();
    const ok = (type: string) => {
      const compat = COMPATIBLE.exec(type);
      return (
        !type ||
        type === '*/*' ||
        JSON_TYPES.test(type) ||
        (name === 'accept' && type.startsWith('text/plain')) ||
        (!opensearch && compat?.[2] === '8') ||
        (!opensearch && compat?.[2] === '9')
      );
    };
    // An Accept header lists types; the node answers if it can produce one of them.
    if (name === 'accept' ? value.split(',').some((t) => ok(t.trim())) : ok(value)) return undefined;
    return `${name === 'accept' ? 'Accept' : 'Content-Type'} header [${value}] is not supported`;
  };

  const bulk = (req: RecordedRequest, pathIndex: string | undefined): FakeAnswer => {
    const scripted = next;
    next = undefined;
    if (scripted && (scripted.status < 200 || scripted.status >= 300)) {
      const type = ERROR_TYPES[scripted.status] ?? (scripted.status >= 500 ? 'exception' : 'illegal_argument_exception');
      return { ...fail(req, scripted.status, type, `Scripted answer ${scripted.status}.`), headers: { ...headersFor(req), ...scripted.headers } };
    }
    const text = req.text();
    if (!text.endsWith('\n')) return fail(req, 400, 'illegal_argument_exception', 'The bulk request must be terminated by a newline [\\n]');
    const lines = text.split('\n').slice(0, -1);
    const items: Array<Record<string, ElasticItemResult>> = [];
    const once = forced;
    forced = undefined;
    for (let i = 0; i < lines.length; ) {
      let action: Record<string, { _index?: string; _id?: string }>;
      try {
        action = JSON.parse(lines[i] as string) as typeof action;
      } catch {
        return fail(req, 400, 'x_content_parse_exception', `[${i + 1}:1] Malformed action/metadata line [${i + 1}]`);
      }
      const [op, meta = {}] = Object.entries(action)[0] ?? [];
      if (!op || !['create', 'index', 'update', 'delete'].includes(op))
        return fail(req, 400, 'illegal_argument_exception', `Malformed action/metadata line [${i + 1}], expected one of [create, delete, index, update]`);
      const index = meta._index ?? pathIndex;
      if (!index) return fail(req, 400, 'action_request_validation_exception', 'Validation Failed: 1: index is missing;');
      let source: Record<string, unknown> | undefined;
      if (op !== 'delete') {
        try {
          source = JSON.parse(lines[i + 1] ?? '') as Record<string, unknown>;
        } catch {
          return fail(req, 400, 'x_content_parse_exception', `[${i + 2}:1] The document on line ${i + 2} is not JSON`);
        }
      }
      const result = indices.apply(op, index, meta._id, source, once?.[items.length]);
      results.push(result);
      items.push({ [op]: result });
      i += op === 'delete' ? 1 : 2;
    }
    return answer(req, scripted?.status ?? 200, { errors: items.some((it) => Object.values(it)[0]?.error), took: 3, items }, delay?.());
  };

  const server = await startFakeServer(
    (req) => {
      const header = String(req.headers.authorization ?? '');
      if (!header) return fail(req, 401, 'security_exception', `missing authentication credentials for REST request [${req.path}]`);
      const user = userOf(header);
      if (!user) return fail(req, 401, 'security_exception', `unable to authenticate with provided credentials for REST request [${req.path}]`);
      const media = mediaProblem(req, 'accept') ?? (req.method === 'POST' ? mediaProblem(req, 'content-type') : undefined);
      if (media) return fail(req, 406, 'media_type_header_exception', `Invalid media-type value on headers [${media}]`);
      if (req.method === 'GET' && req.path === '/')
        return answer(req, 200, {
          name: 'fake-node',
          cluster_name: 'fake',
          cluster_uuid: 'fake-cluster-uuid',
          version: opensearch ? { distribution: 'opensearch', number: '2.19.0' } : { number: '9.2.0', build_flavor: 'default' },
          tagline: opensearch ? 'The OpenSearch Project: https://opensearch.org/' : 'You Know, for Search',
        });
      if (!opensearch && req.method === 'GET' && req.path === '/_security/_authenticate')
        return answer(req, 200, {
          username: user === 'realm' ? options.basic?.username : 'fake-user',
          roles: ['auth0_writer'],
          authentication_type: user,
          enabled: true,
        });
      const m = /^(?:\/([^/_][^/]*))?\/_bulk$/.exec(req.path);
      if (m && (req.method === 'POST' || req.method === 'PUT')) return bulk(req, m[1] && decodeURIComponent(m[1]));
      return fail(req, 405, 'illegal_argument_exception', `Incorrect HTTP method for uri [${req.path}] and method [${req.method}]`);
    },
    { maxBodyBytes: options.maxContentLength ?? ELASTIC_MAX_CONTENT_LENGTH },
  );

  const reset = server.reset;
  return Object.assign(server, {
    apiKey,
    documents: (index?: string) => indices.documents(index),
    documentCount: () => indices.count(),
    itemResults: () => [...results],
    bulkRequests: () => server.requests.filter((r) => isElasticDelivery(r) && r.body.length > 0),
    failNextItems: (failures: Record<number, ForcedItemFailure>) => void (forced = failures),
    answerNextBulk: (status: number, headers?: Record<string, string>) => void (next = { status, headers }),
    setAnswerDelay: (d: (() => number | undefined) | undefined) => void (delay = d),
    reset: () => {
      reset();
      indices.clear();
      results.length = 0;
      forced = undefined;
      delay = undefined;
      next = undefined;
    },
  });
}
