// A small fetch client for the management API: bearer token, JSON, Auth0-shaped errors.
import type {
  ApiErrorBody,
  ConnectorInfo,
  DeadLetterView,
  FieldIssue,
  PreviewAnswer,
  ProbeAnswer,
  RedriveAnswer,
  ReplayAnswer,
  RunnersView,
  StreamHealthView,
  StreamStatsView,
  StreamView,
  StreamWithDeliveryView,
  TestAnswer,
} from './types';

/** An API error answer: status, message, error code and the field issues, if any. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
}

export interface Api {
  listStreams(): Promise<StreamView[]>;
  /** The list with each stream's delivery state (failing since, last error). */
  listStreamsWithDelivery(): Promise<StreamWithDeliveryView[]>;
  getStream(id: string): Promise<StreamView>;
  createStream(body: Record<string, unknown>): Promise<StreamView>;
  updateStream(id: string, body: Record<string, unknown>): Promise<StreamView>;
  deleteStream(id: string): Promise<void>;
  health(id: string, limit?: number, before?: number): Promise<StreamHealthView>;
  stats(id: string, minutes?: number): Promise<StreamStatsView>;
  replay(id: string, from: string): Promise<ReplayAnswer>;
  deadLetters(id: string): Promise<DeadLetterView[]>;
  redrive(id: string, ids?: number[]): Promise<RedriveAnswer>;
  sendTest(id: string): Promise<TestAnswer>;
  connectors(): Promise<ConnectorInfo[]>;
  preview(body: Record<string, unknown>): Promise<PreviewAnswer>;
  /** The connector's healthcheck for an unsaved sink (nothing is stored or sent). */
  probeSink(body: { type: string; sink: Record<string, unknown> }): Promise<ProbeAnswer>;
  /** The live runners and the streams each delivers. */
  runners(): Promise<RunnersView>;
}

export function createApi(token: string, onUnauthorized: () => void): Api {
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    let res: Response;
    try {
      res = await fetch(path, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch {
      throw new ApiError(0, 'The Outflow server cannot be reached. Check that it is running.');
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      /* not JSON: reported below */
    }
    if (!res.ok) {
      const e = (json ?? {}) as Partial<ApiErrorBody>;
      if (res.status === 401) onUnauthorized();
      throw new ApiError(res.status, e.message ?? `The server answered ${res.status}.`, e.errorCode, e.errors ?? []);
    }
    return json as T;
  };
  const s = (id: string) => `/api/v2/log-streams/${encodeURIComponent(id)}`;
  return {
    listStreams: () => call('GET', '/api/v2/log-streams'),
    listStreamsWithDelivery: () => call('GET', '/api/v2/log-streams?include=delivery'),
    getStream: (id) => call('GET', s(id)),
    createStream: (body) => call('POST', '/api/v2/log-streams', body),
    updateStream: (id, body) => call('PATCH', s(id), body),
    deleteStream: (id) => call('DELETE', s(id)),
    health: (id, limit = 50, before) => call('GET', `${s(id)}/health?limit=${limit}${before ? `&before=${before}` : ''}`),
    stats: (id, minutes = 60) => call('GET', `${s(id)}/stats?minutes=${minutes}`),
    replay: (id, from) => call('POST', `${s(id)}/replay`, { from }),
    deadLetters: (id) => call('GET', `${s(id)}/dead-letters?limit=100`),
    redrive: (id, ids) => call('POST', `${s(id)}/dead-letters/redrive`, ids ? { ids } : {}),
    sendTest: (id) => call('POST', `${s(id)}/test`, {}),
    connectors: () => call('GET', '/api/v2/connectors'),
    preview: (body) => call('POST', '/api/v2/log-streams/preview', body),
    probeSink: (body) => call('POST', '/api/v2/log-streams/probe', body),
    runners: () => call('GET', '/api/v2/runners'),
  };
}
