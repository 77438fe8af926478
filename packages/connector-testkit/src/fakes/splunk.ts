// A fake Splunk HTTP Event Collector: /event with token auth and reply codes, channels, indexer acknowledgement, health.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

/** The HEC token the fake accepts unless told otherwise. */
export const SPLUNK_FAKE_TOKEN = '7d3e2a1c-5b4f-4e8d-9a6b-0c1d2e3f4a5b';

export const SPLUNK_EVENT_PATHS: readonly string[] = ['/services/collector/event', '/services/collector', '/services/collector/event/1.0'];
export const SPLUNK_ACK_PATH = '/services/collector/ack';
export const SPLUNK_HEALTH_PATHS: readonly string[] = ['/services/collector/health', '/services/collector/health/1.0'];

/** HEC reply codes: HTTP status and text (Splunk's "Troubleshoot HTTP Event Collector" table). */
export const HEC_CODES: Readonly<Record<number, { status: number; text: string }>> = {
  0: { status: 200, text: 'Success' },
  1: { status: 403, text: 'Token disabled' },
  2: { status: 401, text: 'Token is required' },
  3: { status: 401, text: 'Invalid authorization' },
  4: { status: 403, text: 'Invalid token' },
  5: { status: 400, text: 'No data' },
  6: { status: 400, text: 'Invalid data format' },
  7: { status: 400, text: 'Incorrect index' },
  8: { status: 500, text: 'Internal server error' },
  9: { status: 503, text: 'Server is busy' },
  10: { status: 400, text: 'Data channel is missing' },
  11: { status: 400, text: 'Invalid data channel' },
  12: { status: 400, text: 'Event field is required' },
  13: { status: 400, text: 'Event field cannot be blank' },
  14: { status: 400, text: 'ACK is disabled' },
  15: { status: 400, text: 'Error in handling indexed fields' },
  16: { status: 400, text: 'Query string authorization is not enabled' },
  17: { status: 200, text: 'HEC is healthy' },
  18: { status: 503, text: 'HEC is unhealthy, queues are full' },
};

/** The answer Splunk gives for a reply code, e.g. `hecAnswer(9)` → 503 `{"text":"Server is busy","code":9}`. */
export function hecAnswer(code: number, extra: Record<string, unknown> = {}): FakeAnswer {
  const known = HEC_CODES[code] ?? { status: 400, text: 'Unknown error' };
  return { status: known.status, body: { text: known.text, code, ...extra } };
}

export interface SplunkFakeOptions {
  /** Indexer acknowledgement on the token: channels required, /event answers carry ackId. Default false. */
  ack?: boolean;
  /** The HEC token the fake accepts. Default `SPLUNK_FAKE_TOKEN`. */
  token?: string;
  /** Indexes the token may write to; any index when omitted. */
  indexes?: readonly string[];
  /** Ack polls an ackId needs before it reports true (0: true at the first poll). Default 0. */
  ackAfterPolls?: number;
  /** `max_content_length`: larger bodies (as received) get 413. Default 800 MiB. */
  maxContentLength?: number;
}

/** One HEC event envelope as received. */
export interface SplunkHecEvent {
  time?: number | string;
  host?: string;
  source?: string;
  sourcetype?: string;
  index?: string;
  event: unknown;
  fields?: Record<string, unknown>;
}

export interface SplunkFake extends FakeServer {
  token: string;
  /** Events of every /event request the fake accepted, in order. */
  events(): SplunkHecEvent[];
  /** Requests to the event endpoints, accepted or not. */
  eventRequests(): RecordedRequest[];
  /** Requests to /services/collector/ack. */
  ackRequests(): RecordedRequest[];
  /** While held, every ack poll answers false. */
  holdAcks(hold: boolean): void;
  /** Makes /health answer 503 code 18 (queues full) while false. */
  setHealthy(healthy: boolean): void;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Splits concatenated JSON objects (`{…}{…}` or one per line) into their texts; undefined when malformed. */
export function splitConcatenatedJson(text: string): string[] | undefined {
  const out: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
      continue;
    }
    if (c === '"') {
      if (depth === 0) return undefined;
      inString = true;
    } else if (c === '{') {
      if (depth === 0) start = i;
      depth++;
    } else if (c === '}') {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) out.push(text.slice(start, i + 1));
    } else if (depth === 0 && !/\s/.test(c as string)) return undefined;
  }
  return depth === 0 && !inString ? out : undefined;
}

/** The HEC events of one /event request (undefined when the body is not concatenated JSON objects). */
export function hecEventsOf(req: RecordedRequest): SplunkHecEvent[] | undefined {
  const parts = splitConcatenatedJson(req.text());
  if (!parts) return undefined;
  try {
    return parts.map((p) => JSON.parse(p) as SplunkHecEvent);
  } catch {
    return undefined;
  }
}

function header(req: RecordedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** Why event `e` would be refused (a reply code), or undefined. */
function eventProblem(e: unknown, indexes: readonly string[] | undefined): number | undefined {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return 6;
  const ev = e as Record<string, unknown>;
  if (!('event' in ev)) return 12;
  if (ev.event === '' || ev.event === null) return 13;
  if (ev.time !== undefined && !Number.isFinite(Number(ev.time))) return 6;
  if (indexes && ev.index !== undefined && !indexes.includes(String(ev.index))) return 7;
  const fields = ev.fields;
  if (
    fields !== undefined &&
    (typeof fields !== 'object' || Object.values(fields as object).some((v) => v !== null && typeof v === 'object' && !Array.isArray(v)))
  )
    return 15;
  return undefined;
}

export async function startSplunkFake(options: SplunkFakeOptions = {}): Promise<SplunkFake> {
  const token = options.token ?? SPLUNK_FAKE_TOKEN;
  const ackEnabled = options.ack ?? false;
  const maxContentLength = options.maxContentLength ?? 800 * 1024 * 1024;
  const accepted: SplunkHecEvent[] = [];
  /** ackId → polls so far, per channel. */
  const acks = new Map<string, Map<number, number>>();
  let held = false;
  let healthy = true;

  const auth = (req: RecordedRequest): FakeAnswer | undefined => {
    const value = header(req, 'authorization');
    if (!value) return hecAnswer(2);
    const match = /^Splunk\s+(\S+)$/.exec(value);
    if (!match) return hecAnswer(3);
    return match[1] === token ? undefined : hecAnswer(4);
  };

  /** The request's channel, or the reply code refusing it. */
  const channelOf = (req: RecordedRequest): string | number => {
    const channel = header(req, 'x-splunk-request-channel') ?? req.query.get('channel') ?? undefined;
    if (!channel) return 10;
    return GUID.test(channel) ? channel : 11;
  };

  const event = (req: RecordedRequest): FakeAnswer => {
    if (req.method !== 'POST') return { status: 405, body: { text: 'Method not allowed', code: 6 } };
    let channel: string | undefined;
    if (ackEnabled) {
      const c = channelOf(req);
      if (typeof c === 'number') return hecAnswer(c);
      channel = c;
    }
    if (req.rawBody.length > maxContentLength) return { status: 413, body: { text: 'Content-Length of request exceeds max_content_length', code: 6 } };
    if (req.body.length === 0 || req.text().trim() === '') return hecAnswer(5);
    const parts = splitConcatenatedJson(req.text());
    if (!parts || parts.length === 0) return hecAnswer(6, { 'invalid-event-number': 0 });
    const events: SplunkHecEvent[] = [];
    for (let i = 0; i < parts.length; i++) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(parts[i] as string);
      } catch {
        return hecAnswer(6, { 'invalid-event-number': i });
      }
      const problem = eventProblem(parsed, options.indexes);
      // The fake refuses the whole request; it never indexes part of one.
      if (problem !== undefined) return hecAnswer(problem, { 'invalid-event-number': i });
      events.push(parsed as SplunkHecEvent);
    }
    accepted.push(...events);
    if (!channel) return hecAnswer(0);
    const ids = acks.get(channel) ?? new Map<number, number>();
    acks.set(channel, ids);
    const ackId = ids.size;
    ids.set(ackId, 0);
    return hecAnswer(0, { ackId });
  };

  const ack = (req: RecordedRequest): FakeAnswer => {
    if (req.method !== 'POST') return { status: 405, body: { text: 'Method not allowed', code: 6 } };
    if (!ackEnabled) return hecAnswer(14);
    const c = channelOf(req);
    if (typeof c === 'number') return hecAnswer(c);
    let wanted: unknown;
    try {
      wanted = (req.json() as { acks?: unknown }).acks;
    } catch {
      return hecAnswer(6);
    }
    if (!Array.isArray(wanted) || !wanted.every((n) => Number.isInteger(n))) return hecAnswer(6);
    const ids = acks.get(c);
    const out: Record<string, boolean> = {};
    for (const id of wanted as number[]) {
      const polls = ids?.get(id);
      if (polls === undefined) {
        out[String(id)] = false;
        continue;
      }
      ids?.set(id, polls + 1);
      out[String(id)] = !held && polls >= (options.ackAfterPolls ?? 0);
    }
    return { status: 200, body: { acks: out } };
  };

  const handler = (req: RecordedRequest): FakeAnswer => {
    if (SPLUNK_HEALTH_PATHS.includes(req.path)) return healthy ? hecAnswer(17) : hecAnswer(18);
    const refused = auth(req);
    if (SPLUNK_EVENT_PATHS.includes(req.path)) return refused ?? event(req);
    if (req.path === SPLUNK_ACK_PATH) return refused ?? ack(req);
    return { status: 404, body: { text: 'The requested URL was not found on this server.', code: 404 } };
  };

  const server = await startFakeServer(handler);
  const reset = server.reset;
  return Object.assign(server, {
    token,
    events: () => [...accepted],
    eventRequests: () => server.requests.filter((r) => SPLUNK_EVENT_PATHS.includes(r.path)),
    ackRequests: () => server.requests.filter((r) => r.path === SPLUNK_ACK_PATH),
    holdAcks: (hold: boolean) => void (held = hold),
    setHealthy: (value: boolean) => void (healthy = value),
    reset: () => {
      reset();
      accepted.length = 0;
      acks.clear();
      held = false;
      healthy = true;
    },
  });
}
