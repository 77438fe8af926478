// Public types of the Outflow contract: events, streams, filters, PII, formats and batches.

/** The 20 stream filter categories of Auth0 (`LogStreamFilterGroupNameEnum`). */
export const CATEGORIES = [
  'auth.login.fail',
  'auth.login.notification',
  'auth.login.success',
  'auth.logout.fail',
  'auth.logout.success',
  'auth.signup.fail',
  'auth.signup.success',
  'auth.silent_auth.fail',
  'auth.silent_auth.success',
  'auth.token_exchange.fail',
  'auth.token_exchange.success',
  'management.fail',
  'management.success',
  'scim.event',
  'system.notification',
  'user.fail',
  'user.notification',
  'user.success',
  'actions',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * A flat Auth0 tenant log event as `GET /api/v2/logs` returns it. Only the fields Outflow
 * reads are typed; every other field is kept as it came (`additionalProperties: true`).
 */
export interface LogEvent {
  log_id?: string;
  date?: string;
  type?: string;
  description?: string | null;
  connection?: string;
  connection_id?: string;
  client_id?: string | null;
  client_name?: string;
  ip?: string;
  hostname?: string;
  user_id?: string;
  user_name?: string;
  user_agent?: string;
  /** An object for most codes; a string or any JSON value for some (the catalog leaves it untyped). */
  details?: unknown;
  [field: string]: unknown;
}

/** What every destination receives for one event: Auth0's `{log_id, data}` envelope. */
export interface LogEnvelope {
  log_id: string;
  data: LogEvent & { log_id: string; date: string; type: string };
}

/** Webhook body layouts (Auth0 `httpContentFormat`). */
export const CONTENT_FORMATS = ['JSONARRAY', 'JSONLINES', 'JSONOBJECT'] as const;
export type ContentFormat = (typeof CONTENT_FORMATS)[number];

export type StreamStatus = 'active' | 'paused' | 'suspended';

/** Auth0 stream types, plus the types Outflow adds (any installed connector type is valid). */
export type StreamType = string;

/**
 * A stream filter. Auth0 knows only `{type: 'category'}`; Outflow also accepts a single
 * event type code (`{type: 'type', name: 'fp'}`).
 */
export type StreamFilter = { type: 'category'; name: Category } | { type: 'type'; name: string };

export const PII_FIELDS = ['first_name', 'last_name', 'username', 'email', 'phone', 'address'] as const;
export type PiiField = (typeof PII_FIELDS)[number];

/** Auth0 `pii_config`: which data classes to obfuscate and how. */
export interface PiiConfig {
  log_fields: PiiField[];
  method: 'mask' | 'hash';
  algorithm?: 'xxhash';
}

/** A log stream in Auth0's shape (`/api/v2/log-streams`), with the tenant that owns it. */
export interface StreamDefinition {
  id: string;
  tenant: string;
  name: string;
  type: StreamType;
  status: StreamStatus;
  sink: Record<string, unknown>;
  filters: StreamFilter[];
  pii_config?: PiiConfig | undefined;
  isPriority: boolean;
  /** Where the stream came from: the config file (read-only through the API) or the API. */
  managedBy: 'config' | 'api';
  createdAt: number;
  updatedAt: number;
}

/** The delivery state a worker keeps for its stream. */
export interface StreamState {
  /** Sequence number of the last event the destination accepted (or skipped by filter). */
  cursor: number;
  /** Start of the current run of failed rounds (epoch ms), or null while healthy. */
  failingSince: number | null;
  lastSuccessAt: number | null;
  lastErrorAt: number | null;
  /** Events the destination accepted. */
  delivered: number;
  /** Events moved to dead letters. */
  deadLettered: number;
  /** Why the stream is suspended, when it is. */
  suspendedReason: string | null;
}

/** Hard limits of one destination request. */
export interface BatchLimits {
  maxEvents: number;
  maxBytes: number;
  maxEventBytes: number;
}

/** One health record: a failed round, lost events, suspension, dead letters, recovery. */
export interface HealthRecord {
  id: number;
  streamId: string;
  tenant: string;
  at: number;
  kind: HealthRecordKind;
  /** Error class of a failed delivery (`DeliveryErrorKind`). */
  errorKind?: string | undefined;
  status?: number | undefined;
  message: string;
  attempts?: number | undefined;
  /** Events concerned (lost, dead-lettered, in the failed batch). */
  count?: number | undefined;
}
export type HealthRecordKind =
  | 'delivery_failed'
  | 'events_lost'
  | 'dead_lettered'
  | 'suspended'
  | 'recovered'
  | 'cursor_moved'
  /** Dead letters were sent again on request: `count` delivered, the rest refused again. */
  | 'redriven'
  /** The connector's healthcheck failed when the stream's worker started (delivery started anyway). */
  | 'probe_failed';

/** An event the destination refused for good, kept with the reason. */
export interface DeadLetter {
  id: number;
  streamId: string;
  tenant: string;
  seq: number;
  logId: string;
  type: string;
  /** The `{log_id, data}` envelope as JSON text. */
  raw: string;
  at: number;
  errorKind: string;
  status?: number | undefined;
  message: string;
}

/** Pino-compatible structured logger (a subset). */
export interface Logger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): Logger;
}
