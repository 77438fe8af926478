// A fake Amazon EventBridge: AWS JSON 1.1 PutEvents and DescribeEventBus, SigV4 header checks, scripted entry failures.
import { randomUUID } from 'node:crypto';
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

export interface EventBridgeFakeOptions {
  /** The access key id the fake accepts in the SigV4 Credential. Default `AKIDFAKEOUTFLOW0001`. */
  accessKeyId?: string;
  /** When set, requests must carry this `X-Amz-Security-Token`. */
  sessionToken?: string;
  /** Event buses that exist (names). Default `['default']`. */
  buses?: readonly string[];
  region?: string;
  accountId?: string;
  /** Limit of the entries' total size per PutEvents (AWS size rule). Default 256 KiB. */
  maxRequestBytes?: number;
}

/** A PutEvents entry the fake accepted. */
export interface EventBridgeEntry {
  EventId: string;
  Source: string;
  DetailType: string;
  /** The Detail string exactly as received. */
  Detail: string;
  EventBusName?: string | undefined;
  /** Epoch seconds, as the AWS JSON protocol sends timestamps. */
  Time?: number | undefined;
  Resources?: string[] | undefined;
  /** The bus the entry went to (name). */
  bus: string;
}

export interface EventBridgeFake extends FakeServer {
  accessKeyId: string;
  region: string;
  accountId: string;
  /** Accepted entries of every PutEvents call, in order. */
  entries(): EventBridgeEntry[];
  /** The next PutEvents answers these per-entry error codes (by index); the other entries are accepted. */
  failEntries(codes: Record<number, string>): void;
}

const JSON_TYPE = 'application/x-amz-json-1.1';
const MESSAGES: Record<string, string> = {
  ThrottlingException: 'Rate exceeded.',
  InternalFailure: 'Internal failure.',
  MalformedDetail: 'Detail is malformed.',
  InvalidArgument: 'Parameter is not valid.',
  AccessDeniedException: 'You are not authorized to perform this operation.',
};

/** An AWS JSON error answer (`__type` in the body and `x-amzn-errortype`), as the SDK parses it. */
export function awsError(status: number, type: string, message = `${type}.`): FakeAnswer {
  return { status, headers: { 'content-type': JSON_TYPE, 'x-amzn-errortype': type, 'x-amzn-requestid': randomUUID() }, body: { __type: type, message } };
}

/** The `X-Amz-Target` operation of a request (`PutEvents`, `DescribeEventBus`, …). */
export function awsOperation(req: RecordedRequest): string | undefined {
  const target = String(req.headers['x-amz-target'] ?? '');
  return target.startsWith('AWSEvents.') ? target.slice('AWSEvents.'.length) : undefined;
}

/** Is this a PutEvents call (it carries events)? */
export function isPutEvents(req: RecordedRequest): boolean {
  return req.method === 'POST' && awsOperation(req) === 'PutEvents';
}

/** AWS's entry size rule: 14 bytes for Time, plus the UTF-8 sizes of Source, DetailType, Detail and Resources. */
export function putEventsEntrySize(entry: { Time?: unknown; Source?: string; DetailType?: string; Detail?: string; Resources?: string[] }): number {
  let size = entry.Time !== undefined ? 14 : 0;
  for (const text of [entry.Source, entry.DetailType, entry.Detail, ...(entry.Resources ?? [])]) if (text) size += Buffer.byteLength(text, 'utf8');
  return size;
}

const ok = (body: object): FakeAnswer => ({ status: 200, headers: { 'content-type': JSON_TYPE, 'x-amzn-requestid': randomUUID() }, body });

export async function startEventBridgeFake(options: EventBridgeFakeOptions = {}): Promise<EventBridgeFake> {
  const accessKeyId = options.accessKeyId ?? 'AKIDFAKEOUTFLOW0001';
  const region = options.region ?? 'us-east-1';
  const accountId = options.accountId ?? '123456789012';
  const buses = new Set(options.buses ?? ['default']);
  const maxBytes = options.maxRequestBytes ?? 256 * 1024;
  const accepted: EventBridgeEntry[] = [];
  const scripts: Array<Record<number, string>> = [];

  const busName = (name: unknown): string => {
    const text = typeof name === 'string' && name ? name : 'default';
    const at = text.indexOf(':event-bus/');
    return at >= 0 ? text.slice(at + ':event-bus/'.length) : text;
  };
  const arn = (name: string) => `arn:aws:events:${region}:${accountId}:event-bus/${name}`;

  /** Why the SigV4 headers are refused, or undefined when they look right (the signature is not verified). */
  const authProblem = (req: RecordedRequest): FakeAnswer | undefined => {
    const header = String(req.headers.authorization ?? '');
    if (!header.startsWith('AWS4-HMAC-SHA256 ') || !req.headers['x-amz-date'] || !/SignedHeaders=.+Signature=[0-9a-f]{64}/.test(header)) {
      return awsError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token.');
    }
    if (!header.includes(`Credential=${accessKeyId}/`))
      return awsError(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    if (options.sessionToken !== undefined && req.headers['x-amz-security-token'] !== options.sessionToken) {
      return awsError(400, 'UnrecognizedClientException', 'The security token included in the request is invalid.');
    }
    return undefined;
  };

  const putEvents = (body: { Entries?: unknown }): FakeAnswer => {
    const entries = body.Entries;
    if (!Array.isArray(entries) || entries.length < 1 || entries.length > 10) {
      return awsError(
        400,
        'ValidationException',
        "1 validation error detected: Value at 'entries' failed to satisfy constraint: Member must have length between 1 and 10.",
      );
    }
    const list = entries as Array<Partial<EventBridgeEntry>>;
    const total = list.reduce((sum, e) => sum + putEventsEntrySize(e), 0);
    if (total > maxBytes) return awsError(400, 'ValidationException', 'Total size of the entries in the request is over the limit.');
    const missing = list.map((e) => busName(e.EventBusName)).find((b) => !buses.has(b));
    if (missing) return awsError(400, 'ResourceNotFoundException', `Event bus ${missing} does not exist.`);
    const scripted = scripts.shift() ?? {};
    const results = list.map((e, i) => {
      const code = scripted[i] ?? entryProblem(e);
      if (code) return { ErrorCode: code, ErrorMessage: MESSAGES[code] ?? `${code}.` };
      const EventId = randomUUID();
      accepted.push({ ...(e as EventBridgeEntry), EventId, bus: busName(e.EventBusName) });
      return { EventId };
    });
    return ok({ FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results });
  };

  const server = await startFakeServer((req) => {
    if (req.method !== 'POST' || req.path !== '/') return awsError(404, 'UnknownOperationException', 'Not found.');
    const denied = authProblem(req);
    if (denied) return denied;
    let body: Record<string, unknown>;
    try {
      body = req.json();
    } catch {
      return awsError(400, 'SerializationException', 'The body is not valid JSON.');
    }
    switch (awsOperation(req)) {
      case 'PutEvents':
        return putEvents(body);
      case 'DescribeEventBus': {
        const name = busName(body.Name);
        if (!buses.has(name)) return awsError(400, 'ResourceNotFoundException', `Event bus ${name} does not exist.`);
        return ok({ Name: name, Arn: arn(name), CreationTime: 1767225600 });
      }
      default:
        return awsError(400, 'UnknownOperationException', 'The operation is not supported by the fake.');
    }
  });
  const reset = server.reset;
  return Object.assign(server, {
    accessKeyId,
    region,
    accountId,
    entries: () => [...accepted],
    failEntries: (codes: Record<number, string>) => void scripts.push(codes),
    reset: () => {
      reset();
      accepted.length = 0;
      scripts.length = 0;
    },
  });
}

/** Per-entry validation as EventBridge does it: required fields, Detail a JSON object. */
function entryProblem(entry: Partial<EventBridgeEntry>): string | undefined {
  if (!entry.Source || !entry.DetailType || entry.Detail === undefined) return 'InvalidArgument';
  try {
    const detail: unknown = JSON.parse(entry.Detail);
    return detail && typeof detail === 'object' && !Array.isArray(detail) ? undefined : 'MalformedDetail';
  } catch {
    return 'MalformedDetail';
  }
}
