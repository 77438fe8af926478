// Answers of a stream's one-off operations: replay, test send and preview.

/** POST /{id}/replay: the stream's new cursor. */
export interface ReplayAnswer {
  id: string;
  from: string;
  cursor: number;
}

/** POST /{id}/test: what the destination said to one synthetic event (always 200; the outcome is here). */
export interface TestAnswer {
  ok: boolean;
  result: 'success' | 'partial' | 'retryable' | 'permanent';
  /** Delivery error class (`transient`, `throttled`, `auth`, `invalid`, `config`). */
  kind?: string;
  httpStatus?: number;
  message?: string;
  durationMs: number;
  /** The event as sent (PII settings applied). */
  event: Record<string, unknown>;
}

/** POST /{id}/probe and POST /probe: the connector's healthcheck (always 200; the outcome is here). No events are written. */
export interface ProbeAnswer {
  ok: boolean;
  /** What the destination said when it accepted the probe. */
  message?: string;
  /** Why the probe failed: delivery error class (`transient`, `throttled`, `auth`, `invalid`, `config`), HTTP status, message. */
  error?: { kind: string; status?: number; message: string };
  durationMs: number;
}

/** One request the connector would send: header names in lower case, secrets masked. */
export interface PreviewRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** POST /api/v2/log-streams/preview: the events used and the requests they would make. */
export interface PreviewAnswer {
  events: unknown[];
  requests: PreviewRequest[];
}
