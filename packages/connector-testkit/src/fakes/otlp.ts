// A fake OTLP/HTTP logs receiver (an OpenTelemetry Collector): protobuf and JSON requests, gzip, auth headers, partialSuccess.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';
import { decodeProtobufRequest, ExportLogsServiceResponse, RpcStatus } from './otlp-proto.js';

export const OTLP_LOGS_PATH = '/v1/logs';
export const OTLP_PROTOBUF = 'application/x-protobuf';
export const OTLP_JSON = 'application/json';

export type OtlpEncoding = 'protobuf' | 'json';

/** One log record as the fake received it, its AnyValues turned into plain values (int64 as numbers). */
export interface OtlpReceivedRecord {
  timeUnixNano: string;
  observedTimeUnixNano: string;
  severityNumber: number;
  severityText: string;
  body: unknown;
  attributes: Record<string, unknown>;
  resource: Record<string, unknown>;
  scope: { name: string; version?: string | undefined };
}

/** What the fake does with a record: keep it, reject it in partialSuccess, or refuse the whole request with 400. */
export type OtlpVerdict = 'accept' | 'reject' | 'refuse-request';

export interface OtlpFakeOptions {
  /** Headers every request must carry with exactly these values (e.g. `{'api-key': KEY}`); names case-insensitive. */
  requiredHeaders?: Record<string, string>;
  /** The logs path. Default `/v1/logs` (Grafana Cloud and Loki use `/otlp/v1/logs`, Dynatrace `/api/v2/otlp/v1/logs`). */
  path?: string;
  /** Uncompressed request bodies over this get 413. Default 20 MiB (the Collector's default). */
  maxBodyBytes?: number;
  /** Per-record verdict; default accepts every record. */
  verdict?(record: OtlpReceivedRecord): OtlpVerdict;
}

export interface OtlpFake extends FakeServer {
  /** Records of every accepted request, in order (records rejected in partialSuccess left out). */
  records(): OtlpReceivedRecord[];
  /** Requests to the logs path, accepted or not. */
  logRequests(): RecordedRequest[];
  setVerdict(verdict: ((record: OtlpReceivedRecord) => OtlpVerdict) | undefined): void;
}

type Json = Record<string, unknown>;

const header = (req: RecordedRequest, name: string): string | undefined => [req.headers[name.toLowerCase()]].flat()[0];

/** The encoding a request declares by its Content-Type, or undefined when OTLP/HTTP has no such encoding. */
export function otlpEncodingOf(req: RecordedRequest): OtlpEncoding | undefined {
  const type = (header(req, 'content-type') ?? '').split(';')[0]?.trim().toLowerCase();
  return type === OTLP_PROTOBUF ? 'protobuf' : type === OTLP_JSON ? 'json' : undefined;
}

/** An error answer: google.rpc.Status in the request's encoding (OTLP/HTTP "Failures"). */
export function otlpStatus(status: number, message: string, encoding: OtlpEncoding = 'protobuf', headers: Record<string, string> = {}): FakeAnswer {
  const code = status === 400 ? 3 : status === 401 ? 16 : status === 403 ? 7 : status === 429 ? 8 : status === 503 ? 14 : 2;
  if (encoding === 'json') return { status, headers: { 'content-type': OTLP_JSON, ...headers }, body: JSON.stringify({ code, message }) };
  return {
    status,
    headers: { 'content-type': OTLP_PROTOBUF, ...headers },
    body: Buffer.from(RpcStatus.encode(RpcStatus.fromObject({ code, message })).finish()),
  };
}

/** A 200 ExportLogsServiceResponse, with partialSuccess when `rejected` or `message` is given. */
export function otlpSuccess(encoding: OtlpEncoding = 'protobuf', rejected = 0, message = ''): FakeAnswer {
  const partial = rejected > 0 || message ? { rejectedLogRecords: rejected, errorMessage: message } : undefined;
  if (encoding === 'json')
    return {
      status: 200,
      headers: { 'content-type': OTLP_JSON },
      body: JSON.stringify(partial ? { partialSuccess: { ...partial, rejectedLogRecords: String(rejected) } } : {}),
    };
  const msg = ExportLogsServiceResponse.fromObject(partial ? { partialSuccess: partial } : {});
  return { status: 200, headers: { 'content-type': OTLP_PROTOBUF }, body: Buffer.from(ExportLogsServiceResponse.encode(msg).finish()) };
}

/** An OTLP AnyValue (JSON shape) as a plain value. */
export function plainValue(v: unknown): unknown {
  if (!v || typeof v !== 'object') return undefined;
  const a = v as Json;
  if ('stringValue' in a) return a.stringValue;
  if ('boolValue' in a) return a.boolValue;
  if ('intValue' in a) return Number(a.intValue);
  if ('doubleValue' in a) return Number(a.doubleValue);
  if ('bytesValue' in a) return a.bytesValue;
  if ('arrayValue' in a) return (((a.arrayValue as Json)?.values as unknown[]) ?? []).map(plainValue);
  if ('kvlistValue' in a) return plainAttributes((a.kvlistValue as Json)?.values);
  return null; // an empty AnyValue: null
}

function plainAttributes(list: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const kv of Array.isArray(list) ? (list as Json[]) : []) out[String(kv.key)] = plainValue(kv.value);
  return out;
}

/** The records of a decoded ExportLogsServiceRequest (OTLP/JSON shape), or throws when it is not one. */
export function otlpRecordsOf(request: unknown): OtlpReceivedRecord[] {
  if (!request || typeof request !== 'object' || Array.isArray(request)) throw new Error('the body is not an ExportLogsServiceRequest object');
  const resourceLogs = (request as Json).resourceLogs ?? [];
  if (!Array.isArray(resourceLogs)) throw new Error('resourceLogs must be an array');
  const out: OtlpReceivedRecord[] = [];
  for (const rl of resourceLogs as Json[]) {
    const resource = plainAttributes((rl.resource as Json | undefined)?.attributes);
    for (const sl of (rl.scopeLogs as Json[] | undefined) ?? []) {
      const scope = (sl.scope as { name?: string; version?: string } | undefined) ?? {};
      for (const r of (sl.logRecords as Json[] | undefined) ?? []) {
        out.push({
          timeUnixNano: String(r.timeUnixNano ?? '0'),
          observedTimeUnixNano: String(r.observedTimeUnixNano ?? '0'),
          severityNumber: Number(r.severityNumber ?? 0),
          severityText: String(r.severityText ?? ''),
          body: plainValue(r.body),
          attributes: plainAttributes(r.attributes),
          resource,
          scope: { name: scope.name ?? '', version: scope.version },
        });
      }
    }
  }
  return out;
}

/** Decodes the body of a logs request by its Content-Type (the fake server already gunzipped it). */
export function decodeOtlpRequest(req: RecordedRequest): OtlpReceivedRecord[] {
  const encoding = otlpEncodingOf(req);
  if (!encoding) throw new Error(`unsupported content type ${header(req, 'content-type') ?? '(none)'}`);
  return otlpRecordsOf(encoding === 'protobuf' ? decodeProtobufRequest(req.body) : JSON.parse(req.text()));
}

export async function startOtlpFake(options: OtlpFakeOptions = {}): Promise<OtlpFake> {
  const path = options.path ?? OTLP_LOGS_PATH;
  const maxBody = options.maxBodyBytes ?? 20 * 1024 * 1024;
  const required = Object.entries(options.requiredHeaders ?? {});
  let verdict = options.verdict;
  const accepted: OtlpReceivedRecord[] = [];

  const logs = (req: RecordedRequest): FakeAnswer => {
    const encoding = otlpEncodingOf(req);
    if (!encoding)
      return { status: 415, headers: { 'content-type': 'text/plain' }, body: `415 unsupported media type, supported: [${OTLP_JSON}, ${OTLP_PROTOBUF}]` };
    for (const [name, value] of required) {
      const got = header(req, name);
      if (got !== value) return otlpStatus(401, got === undefined ? `missing ${name} header` : `invalid ${name}`, encoding);
    }
    const contentEncoding = header(req, 'content-encoding');
    if (contentEncoding !== undefined && contentEncoding !== 'gzip' && contentEncoding !== 'identity')
      return otlpStatus(400, `unsupported Content-Encoding ${contentEncoding}`, encoding);
    if (req.body.length > maxBody) return otlpStatus(413, 'request body too large', encoding);
    let records: OtlpReceivedRecord[];
    try {
      records = decodeOtlpRequest(req);
    } catch (err) {
      return otlpStatus(400, `failed to unmarshal request body: ${(err as Error).message}`, encoding);
    }
    const verdicts = records.map((r) => verdict?.(r) ?? 'accept');
    if (verdicts.includes('refuse-request')) return otlpStatus(400, 'the request holds a log record this receiver refuses', encoding);
    const kept = records.filter((_, i) => verdicts[i] === 'accept');
    accepted.push(...kept);
    const rejected = records.length - kept.length;
    return otlpSuccess(encoding, rejected, rejected ? `${rejected} log records were rejected` : '');
  };

  const server = await startFakeServer((req) => {
    if (req.path !== path) return { status: 404, headers: { 'content-type': 'text/plain' }, body: '404 page not found' };
    if (req.method !== 'POST') return { status: 405, headers: { 'content-type': 'text/plain' }, body: '405 method not allowed, supported: [POST]' };
    return logs(req);
  });
  const reset = server.reset;
  return Object.assign(server, {
    records: () => [...accepted],
    logRequests: () => server.requests.filter((r) => r.path === path),
    setVerdict: (v: ((record: OtlpReceivedRecord) => OtlpVerdict) | undefined) => void (verdict = v),
    reset: () => {
      reset();
      accepted.length = 0;
      verdict = options.verdict;
    },
  });
}
