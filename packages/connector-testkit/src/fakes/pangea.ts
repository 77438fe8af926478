// A fake Pangea Secure Audit Log: bulk /v2/log with Bearer auth, config_id, event checks and Pangea's envelope, Accepted (202) requests settled by polls.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

/** The service token the fake accepts unless told otherwise. */
export const PANGEA_FAKE_TOKEN = 'pts_fake0token0for0outflow0tests0000';
/** The config ID of the fake's one Secure Audit Log configuration. */
export const PANGEA_FAKE_CONFIG_ID = 'pci_fake0config0for0outflow0tests00';

export const PANGEA_LOG_PATHS: readonly string[] = ['/v2/log', '/v2/log_async'];
export const PANGEA_REQUEST_PREFIX = '/request/';

/** maxLength of each event field (Secure Audit Log API reference); `message` is the one required field. */
export const PANGEA_FIELD_LIMITS: Readonly<Record<string, number>> = {
  message: 32_766,
  actor: 128,
  action: 32,
  target: 128,
  status: 32,
  source: 128,
  tenant_id: 128,
  timestamp: 128,
  old: 32_766,
  new: 32_766,
};

/** One entry of a ValidationError's `result.errors`: `source` is a JSON pointer into the request. */
export interface PangeaErrorField {
  code: string;
  detail: string;
  source: string;
}

/** An answer in Pangea's envelope, e.g. `pangeaAnswer(429, 'TooManyRequests')`. */
export function pangeaAnswer(http: number, status: string, extra: { summary?: string; result?: unknown; request_id?: string } = {}): FakeAnswer {
  const now = new Date().toISOString();
  return {
    status: http,
    body: {
      request_id: extra.request_id ?? nextRequestId(),
      request_time: now,
      response_time: now,
      status,
      summary: extra.summary ?? status,
      result: extra.result ?? null,
    },
  };
}

let requestCounter = 0;
const nextRequestId = () => `prq_${(++requestCounter).toString(36).padStart(32, '0')}`;

export interface PangeaFakeOptions {
  /** The token the fake accepts. Default `PANGEA_FAKE_TOKEN`. */
  token?: string;
  /** The config ID the token serves. Default `PANGEA_FAKE_CONFIG_ID`. */
  configId?: string;
  /** The token serves several configs: a request without config_id gets MissingConfigID. Default false. */
  requireConfigId?: boolean;
  /** /v2/log answers 202 Accepted (always, or for the requests the function picks); GET /request/<id> settles after `settleAfterPolls` polls. Default false. */
  accepted?: boolean | ((req: RecordedRequest) => boolean);
  /** Polls answered 202 before the result (0: the first poll settles). Default 1. */
  settleAfterPolls?: number;
  /** Events per request. Default 1000. */
  maxEvents?: number;
  /** Refuses an event (a config schema rule): the whole request gets a ValidationError naming it. */
  refuse?(event: Record<string, unknown>, index: number): (Omit<PangeaErrorField, 'source'> & { field?: string }) | undefined;
}

export interface PangeaFake extends FakeServer {
  token: string;
  configId: string;
  /** The events of every request the fake logged, in order. */
  events(): Array<Record<string, unknown>>;
  /** log_id of each logged event, read from the envelope in `new`. */
  logIds(): string[];
  /** POSTs to /v2/log and /v2/log_async. */
  logRequests(): RecordedRequest[];
  /** GETs of /request/<id>. */
  pollRequests(): RecordedRequest[];
  /** Switches answering 202 Accepted on or off. */
  setAccepted(accepted: boolean): void;
  /** While held, every poll answers 202 (the request never settles). */
  holdAccepted(hold: boolean): void;
}

function header(req: RecordedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** What is wrong with one `{event: {…}}` item, as error fields. */
function itemErrors(item: unknown, i: number): PangeaErrorField[] {
  const at = `/events/${i}`;
  if (!isObject(item) || !isObject(item.event)) return [{ code: 'RequiredValue', detail: "'event' is a required object", source: at }];
  const event = item.event;
  const errors: PangeaErrorField[] = [];
  if (typeof event.message !== 'string' || event.message === '')
    errors.push({ code: 'RequiredValue', detail: "'message' is a required string", source: `${at}/event/message` });
  for (const [name, value] of Object.entries(event)) {
    const max = PANGEA_FIELD_LIMITS[name];
    const source = `${at}/event/${name}`;
    if (max === undefined) errors.push({ code: 'UnknownField', detail: `'${name}' is not a field of this configuration's schema`, source });
    else if (typeof value !== 'string') errors.push({ code: 'InvalidType', detail: `'${name}' must be a string`, source });
    else if (value.length > max) errors.push({ code: 'ValueTooLong', detail: `'${name}' is longer than ${max} characters`, source });
    else if (name === 'timestamp' && !Number.isFinite(Date.parse(value)))
      errors.push({ code: 'InvalidDateTime', detail: "'timestamp' is not a date-time", source });
  }
  return errors;
}

export async function startPangeaFake(options: PangeaFakeOptions = {}): Promise<PangeaFake> {
  const token = options.token ?? PANGEA_FAKE_TOKEN;
  const configId = options.configId ?? PANGEA_FAKE_CONFIG_ID;
  const maxEvents = options.maxEvents ?? 1000;
  const logged: Array<Record<string, unknown>> = [];
  /** Accepted requests: the answer they settle to, the events they log then, and polls so far. */
  const queued = new Map<string, { answer: FakeAnswer; events: Array<Record<string, unknown>>; polls: number }>();
  let accepted: boolean | ((req: RecordedRequest) => boolean) = options.accepted ?? false;
  let held = false;

  /** Validates a /v2/log request: the final answer and the events it logs. */
  const process = (req: RecordedRequest): { answer: FakeAnswer; events: Array<Record<string, unknown>> } => {
    const refuse = (answer: FakeAnswer) => ({ answer, events: [] });
    if (!/^application\/json\b/i.test(header(req, 'content-type') ?? ''))
      return refuse(pangeaAnswer(400, 'InvalidPayloadReceived', { summary: 'Content-Type must be application/json' }));
    let body: unknown;
    try {
      body = req.json();
    } catch {
      return refuse(pangeaAnswer(400, 'InvalidPayloadReceived', { summary: 'The request body is not JSON' }));
    }
    if (!isObject(body)) return refuse(pangeaAnswer(400, 'InvalidPayloadReceived', { summary: 'The request body is not a JSON object' }));
    if (body.config_id === undefined && options.requireConfigId)
      return refuse(pangeaAnswer(400, 'MissingConfigID', { summary: 'Token has several configurations; config_id is required' }));
    if (body.config_id !== undefined && body.config_id !== configId)
      return refuse(pangeaAnswer(403, 'MissingConfigIDScope', { summary: 'Token is not scoped for this config_id' }));
    const items = body.events;
    const invalid = (errors: PangeaErrorField[]) =>
      refuse(pangeaAnswer(400, 'ValidationError', { summary: `There were ${errors.length} validation errors`, result: { errors } }));
    if (!Array.isArray(items) || items.length === 0)
      return invalid([{ code: 'RequiredValue', detail: "'events' must hold at least 1 event", source: '/events' }]);
    if (items.length > maxEvents) return invalid([{ code: 'TooManyItems', detail: `'events' holds more than ${maxEvents} events`, source: '/events' }]);
    const errors = items.flatMap((item, i) => {
      const own = itemErrors(item, i);
      const refused = own.length === 0 ? options.refuse?.((item as { event: Record<string, unknown> }).event, i) : undefined;
      return refused ? [{ code: refused.code, detail: refused.detail, source: `/events/${i}/event${refused.field ? `/${refused.field}` : ''}` }] : own;
    });
    if (errors.length) return invalid(errors);
    const events = items.map((item) => (item as { event: Record<string, unknown> }).event);
    const results = events.map((_, i) => ({ hash: `fakehash${logged.length + i}` }));
    return { answer: pangeaAnswer(200, 'Success', { summary: `Logged ${events.length} record(s)`, result: { results } }), events };
  };

  const log = (req: RecordedRequest): FakeAnswer => {
    if (req.method !== 'POST') return pangeaAnswer(405, 'MethodNotAllowed');
    const outcome = process(req);
    const queue = req.path === '/v2/log_async' || (typeof accepted === 'function' ? accepted(req) : accepted);
    if (!queue) {
      logged.push(...outcome.events);
      return outcome.answer;
    }
    const request_id = nextRequestId();
    queued.set(request_id, { ...outcome, polls: 0 });
    return pangeaAnswer(202, 'Accepted', {
      request_id,
      summary: 'Your request is in progress',
      result: { ttl_mins: 5, retry_counter: 0, location: `${server.url}${PANGEA_REQUEST_PREFIX}${request_id}` },
    });
  };

  const poll = (req: RecordedRequest): FakeAnswer => {
    if (req.method !== 'GET') return pangeaAnswer(405, 'MethodNotAllowed');
    const id = req.path.slice(PANGEA_REQUEST_PREFIX.length);
    const entry = queued.get(id);
    if (!entry) return pangeaAnswer(404, 'NotFound', { summary: `Request ${id} not found` });
    entry.polls++;
    if (held || entry.polls <= (options.settleAfterPolls ?? 1))
      return pangeaAnswer(202, 'Accepted', { request_id: id, summary: 'Your request is in progress' });
    if (entry.events.length) logged.push(...entry.events.splice(0));
    return entry.answer;
  };

  const handler = (req: RecordedRequest): FakeAnswer => {
    const auth = header(req, 'authorization');
    if (auth !== `Bearer ${token}`) return pangeaAnswer(401, 'Unauthorized', { summary: 'Not authorized to access this resource' });
    if (PANGEA_LOG_PATHS.includes(req.path)) return log(req);
    if (req.path.startsWith(PANGEA_REQUEST_PREFIX)) return poll(req);
    return pangeaAnswer(404, 'NotFound', { summary: `${req.path} not found` });
  };

  const server = await startFakeServer(handler);
  const reset = server.reset;
  const logIds = () => logged.map((e) => (JSON.parse(String(e.new)) as { log_id: string }).log_id);
  return Object.assign(server, {
    token,
    configId,
    events: () => [...logged],
    logIds,
    logRequests: () => server.requests.filter((r) => PANGEA_LOG_PATHS.includes(r.path)),
    pollRequests: () => server.requests.filter((r) => r.path.startsWith(PANGEA_REQUEST_PREFIX)),
    setAccepted: (value: boolean) => void (accepted = value),
    holdAccepted: (hold: boolean) => void (held = hold),
    reset: () => {
      reset();
      logged.length = 0;
      queued.clear();
      accepted = options.accepted ?? false;
      held = false;
    },
  });
}
