// A fake Logz.io HTTPS bulk listener: token and type in the query, gzip, NDJSON lines, body and line limits, 400 line counts.
import { startFakeServer, type FakeAnswer, type FakeServer, type RecordedRequest } from '../fake-server.js';

/** The shipping token the fake accepts unless told otherwise (Logz.io's are 32 letters). */
export const LOGZIO_FAKE_TOKEN = 'fakeLogzioShippingTokenAbcdefghi';

/** The listener's documented limits: a body, and a line without its newline. */
export const LOGZIO_LISTENER_LIMITS = { maxBodyBytes: 10_485_760, maxLineBytes: 500_000 } as const;

/** The body of the listener's 400: how many lines fell in each class. */
export interface LogzioLineCounts {
  malformedLines: number;
  successfulLines: number;
  oversizedLines: number;
  emptyLogLines: number;
}

export interface LogzioFakeOptions {
  /** The shipping token the fake accepts. Default `LOGZIO_FAKE_TOKEN`. */
  token?: string;
  /** A line the fake deems malformed besides invalid JSON (e.g. a poisoned event in a test). */
  malformed?(line: string, parsed: Record<string, unknown>): boolean;
}

/** One stored log: the line's JSON object, plus the `type` it was filed under (its own, else the query's). */
export type LogzioLog = Record<string, unknown> & { type: string };

export interface LogzioFake extends FakeServer {
  token: string;
  /** Every line the fake stored, in order: all lines of a 200, the successful lines of a 400. */
  logs(): LogzioLog[];
  /** How many times each `log_id` was stored. */
  countsByLogId(): Map<string, number>;
  /** The shipping requests (POSTs to / with a body), answered or refused. */
  shipments(): RecordedRequest[];
  /** The line counts of each shipment that the fake answered with 400, in order. */
  refusals(): Array<{ request: RecordedRequest; counts: LogzioLineCounts }>;
}

/** The listener's partial-acceptance answer. */
export function logzioBadRequest(counts: Partial<LogzioLineCounts>): FakeAnswer {
  return { status: 400, body: { malformedLines: 0, successfulLines: 0, oversizedLines: 0, emptyLogLines: 0, ...counts } };
}

/** The listener's 401, with its reason as plain text. */
export function logzioUnauthorized(reason: 'Logging token is missing' | 'Logging token is not valid'): FakeAnswer {
  return { status: 401, headers: { 'content-type': 'text/plain' }, body: reason };
}

/** The lines of a shipment body: split on `\n`, without the empty string after a final newline. */
export function logzioLinesOf(req: RecordedRequest): string[] {
  const lines = req.text().split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function header(req: RecordedRequest, name: string): string | undefined {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
}

const asObject = (line: string): Record<string, unknown> | undefined => {
  try {
    const v: unknown = JSON.parse(line);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

export async function startLogzioFake(options: LogzioFakeOptions = {}): Promise<LogzioFake> {
  const token = options.token ?? LOGZIO_FAKE_TOKEN;
  const stored: LogzioLog[] = [];
  const refusals: Array<{ request: RecordedRequest; counts: LogzioLineCounts }> = [];
  const { maxBodyBytes, maxLineBytes } = LOGZIO_LISTENER_LIMITS;

  const ship = (req: RecordedRequest): FakeAnswer => {
    const given = req.query.get('token');
    if (!given) return logzioUnauthorized('Logging token is missing');
    if (given !== token) return logzioUnauthorized('Logging token is not valid');
    const encoding = header(req, 'content-encoding');
    if (encoding !== undefined && encoding !== 'gzip' && encoding !== 'identity') return { status: 400, body: `Unsupported Content-Encoding ${encoding}.` };
    // Checked after decompression too: a small gzip body can expand past the limit.
    if (req.body.length > maxBodyBytes) return { status: 413, body: 'Request Entity Too Large' };
    const type = req.query.get('type') || 'http-bulk';
    const counts: LogzioLineCounts = { malformedLines: 0, successfulLines: 0, oversizedLines: 0, emptyLogLines: 0 };
    for (const line of logzioLinesOf(req)) {
      if (line.trim() === '') counts.emptyLogLines++;
      else if (Buffer.byteLength(line) > maxLineBytes) counts.oversizedLines++;
      else {
        const parsed = asObject(line);
        if (!parsed || options.malformed?.(line, parsed)) counts.malformedLines++;
        else {
          counts.successfulLines++;
          stored.push({ ...parsed, type: typeof parsed.type === 'string' ? parsed.type : type });
        }
      }
    }
    if (counts.malformedLines + counts.oversizedLines + counts.emptyLogLines === 0) return { status: 200 };
    refusals.push({ request: req, counts });
    return { status: 400, body: counts };
  };

  const handler = (req: RecordedRequest): FakeAnswer => {
    if (req.path !== '/') return { status: 404, body: 'Not Found' };
    return req.method === 'POST' ? ship(req) : { status: 405, body: 'Method Not Allowed' };
  };

  const server = await startFakeServer(handler, { maxBodyBytes });
  const reset = server.reset;
  return Object.assign(server, {
    token,
    logs: () => [...stored],
    countsByLogId: () => {
      const counts = new Map<string, number>();
      for (const log of stored) if (typeof log.log_id === 'string') counts.set(log.log_id, (counts.get(log.log_id) ?? 0) + 1);
      return counts;
    },
    shipments: () => server.requests.filter((r) => r.method === 'POST' && r.path === '/' && r.rawBody.length > 0),
    refusals: () => [...refusals],
    reset: () => {
      reset();
      stored.length = 0;
      refusals.length = 0;
    },
  });
}
