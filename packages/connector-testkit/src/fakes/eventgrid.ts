// A fake Azure Event Grid topic (POST /api/events): aeg-sas-key / aeg-sas-token, schema content types, required fields, 1 MB limits, Azure error bodies.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

/** The access key and SAS token the fake accepts unless told otherwise. */
export const EVENTGRID_FAKE_KEY = 'fakeEventGridAccessKey0123456789abcdefABCDEF=';
export const EVENTGRID_FAKE_SAS = 'r=https%3a%2f%2ffake.westeurope-1.eventgrid.azure.net%2fapi%2fevents&e=12%2f31%2f2030&s=fakeSignature0123%3d';

export const EVENTGRID_PATH = '/api/events';
export const EVENTGRID_API_VERSION = '2018-01-01';
/** Event Grid's limits: the array of one request, and each event in it. */
export const EVENTGRID_LIMITS = { maxRequestBytes: 1024 * 1024, maxEventBytes: 1024 * 1024 } as const;

export const EVENTGRID_CONTENT_TYPES = { cloudEvents: 'application/cloudevents-batch+json; charset=utf-8', eventGrid: 'application/json' } as const;
export type EventgridFakeSchema = keyof typeof EVENTGRID_CONTENT_TYPES;

const REQUIRED: Record<EventgridFakeSchema, readonly string[]> = {
  cloudEvents: ['id', 'source', 'type', 'specversion'],
  eventGrid: ['id', 'subject', 'eventType', 'eventTime', 'dataVersion', 'data'],
};

export interface EventgridFakeOptions {
  /** The topic's input schema. Default `cloudEvents`. */
  schema?: EventgridFakeSchema;
  /** The access key accepted in `aeg-sas-key`. Default `EVENTGRID_FAKE_KEY`. */
  key?: string;
  /** The SAS token accepted in `aeg-sas-token`. Default `EVENTGRID_FAKE_SAS`. */
  sasToken?: string;
  /** Partner namespace mode: the channel `aeg-channel-name` must name (a missing header is a 400, another channel a 404). */
  channelName?: string;
  /** A reason to refuse an event (the whole request is answered 400, as Event Grid does), or undefined to accept it. */
  refuse?(event: EventgridFakeEvent): string | undefined;
}

/** One event as the fake received it (CloudEvent or Event Grid schema fields). */
export type EventgridFakeEvent = Record<string, unknown> & { id?: string; data?: unknown };

export interface EventgridFake extends FakeServer {
  schema: EventgridFakeSchema;
  key: string;
  sasToken: string;
  /** Events of every request the fake accepted (HTTP 200), in order. */
  events(): EventgridFakeEvent[];
  /** Every POST to /api/events, accepted or not. */
  publishRequests(): RecordedRequest[];
}

/** Azure's error shape: `{"error": {"code", "message", "details": [{code, message}]}}`. */
export function eventgridError(status: number, code: string, message: string, details: Array<{ code: string; message: string }> = []): FakeAnswer {
  return { status, body: { error: { code, message, details } } };
}

/** The events of a request body, or a reason it is not a JSON array of objects. */
export function eventgridEventsOf(req: RecordedRequest): EventgridFakeEvent[] | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(req.text());
  } catch {
    return 'The request body is not valid JSON.';
  }
  if (!Array.isArray(parsed)) return 'The request body must be a JSON array of events.';
  if (parsed.some((e) => !e || typeof e !== 'object' || Array.isArray(e))) return 'Every item of the array must be an event object.';
  return parsed as EventgridFakeEvent[];
}

const header = (req: RecordedRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/** Why an event breaks its schema, or undefined. */
function invalidField(event: EventgridFakeEvent, schema: EventgridFakeSchema): string | undefined {
  for (const field of REQUIRED[schema]) {
    const value = event[field];
    if (value === undefined || value === null || (field !== 'data' && (typeof value !== 'string' || value === '')))
      return `Required property '${field}' was not set or is not a non-empty string.`;
  }
  if (schema === 'cloudEvents' && event.specversion !== '1.0') return `Unsupported specversion '${String(event.specversion)}'; only 1.0 is supported.`;
  const time = schema === 'cloudEvents' ? event.time : event.eventTime;
  if (time !== undefined && (typeof time !== 'string' || Number.isNaN(Date.parse(time))))
    return `The event time '${String(time)}' is not an RFC 3339 timestamp.`;
  return undefined;
}

export async function startEventgridFake(options: EventgridFakeOptions = {}): Promise<EventgridFake> {
  const schema = options.schema ?? 'cloudEvents';
  const key = options.key ?? EVENTGRID_FAKE_KEY;
  const sasToken = options.sasToken ?? EVENTGRID_FAKE_SAS;
  const accepted: EventgridFakeEvent[] = [];

  const publish = (req: RecordedRequest): FakeAnswer => {
    const givenKey = header(req, 'aeg-sas-key');
    const givenSas = header(req, 'aeg-sas-token');
    // The fake takes no Entra ID bearer tokens: a request without a key or SAS token is unauthorized.
    if (givenKey === undefined && givenSas === undefined)
      return eventgridError(401, 'Unauthorized', 'The request did not include the required aeg-sas-key or aeg-sas-token header.');
    const keyOk = givenKey === undefined || givenKey === key;
    const sasOk = givenSas === undefined || givenSas === sasToken;
    if (!keyOk || !sasOk) return eventgridError(401, 'Unauthorized', 'The request authorization key is not authorized for this topic.');
    if (req.query.get('api-version') !== EVENTGRID_API_VERSION)
      return eventgridError(400, 'BadRequest', `The api-version '${req.query.get('api-version') ?? ''}' is not supported.`);
    const contentType = (header(req, 'content-type') ?? '').toLowerCase().replace(/\s+/g, '');
    if (contentType !== EVENTGRID_CONTENT_TYPES[schema].replace(/\s+/g, ''))
      return eventgridError(
        400,
        'BadRequest',
        `This topic takes the ${schema} schema: Content-Type must be ${EVENTGRID_CONTENT_TYPES[schema]} (got '${contentType}').`,
      );
    if (options.channelName !== undefined) {
      const channel = header(req, 'aeg-channel-name');
      if (channel === undefined) return eventgridError(400, 'BadRequest', 'Publishing to a partner namespace needs the aeg-channel-name header.');
      if (channel !== options.channelName) return eventgridError(404, 'NotFound', `The channel '${channel}' does not exist in this partner namespace.`);
    }
    if (req.body.length > EVENTGRID_LIMITS.maxRequestBytes)
      return eventgridError(413, 'RequestEntityTooLarge', `The request is ${req.body.length} bytes; the maximum is ${EVENTGRID_LIMITS.maxRequestBytes}.`);
    const events = eventgridEventsOf(req);
    if (typeof events === 'string') return eventgridError(400, 'BadRequest', events, [{ code: 'InputJsonInvalid', message: events }]);
    for (const [i, event] of events.entries()) {
      const size = Buffer.byteLength(JSON.stringify(event));
      if (size > EVENTGRID_LIMITS.maxEventBytes)
        return eventgridError(413, 'RequestEntityTooLarge', `Event ${i} is ${size} bytes; the maximum event size is ${EVENTGRID_LIMITS.maxEventBytes}.`);
      const why = invalidField(event, schema) ?? options.refuse?.(event);
      if (why) return eventgridError(400, 'BadRequest', `Event ${i} (id ${String(event.id)}) is invalid: ${why}`, [{ code: 'InputJsonInvalid', message: why }]);
    }
    accepted.push(...events);
    return { status: 200, body: '' };
  };

  const handler = (req: RecordedRequest): FakeAnswer => {
    if (req.path !== EVENTGRID_PATH) return eventgridError(404, 'NotFound', `The topic has no endpoint ${req.path}.`);
    if (req.method !== 'POST') return eventgridError(405, 'MethodNotAllowed', `The method ${req.method} is not allowed.`);
    return publish(req);
  };

  const server = await startFakeServer(handler);
  const reset = server.reset;
  return Object.assign(server, {
    schema,
    key,
    sasToken,
    events: () => [...accepted],
    publishRequests: () => server.requests.filter((r) => r.path === EVENTGRID_PATH && r.method === 'POST'),
    reset: () => {
      reset();
      accepted.length = 0;
    },
  });
}
