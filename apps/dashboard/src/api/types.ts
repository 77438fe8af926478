// Shapes of the management API answers the dashboard reads (see the API contract).
export type StreamStatus = 'active' | 'paused' | 'suspended';

export interface StreamFilter {
  type: 'category' | 'type';
  name: string;
}

export interface PiiConfig {
  log_fields: string[];
  method: 'mask' | 'hash';
  algorithm?: 'xxhash';
}

export interface StreamView {
  id: string;
  name: string;
  type: string;
  status: StreamStatus;
  isPriority: boolean;
  filters: StreamFilter[];
  pii_config?: PiiConfig;
  sink: Record<string, unknown>;
  managedBy: 'config' | 'api';
  suspendedReason?: string;
}

export interface HealthRecord {
  id: number;
  at: string;
  kind: string;
  errorKind?: string;
  status?: number;
  message: string;
  attempts?: number;
  count?: number;
}

export interface StreamHealth {
  id: string;
  status: StreamStatus;
  suspendedReason?: string;
  cursor: number;
  lastSeq: number;
  lagEvents: number;
  lagSeconds: number;
  delivered: number;
  failed?: number;
  failedRounds?: number;
  deadLettered: number;
  deadLetters: number;
  lastSuccessAt: string | null;
  lastErrorAt: string | null;
  failingSince: string | null;
  records: HealthRecord[];
}

export interface StatsBucket {
  at: string;
  delivered: number;
  failed: number;
  deadLettered: number;
}

export interface StreamStats {
  id: string;
  bucketSeconds: number;
  buckets: StatsBucket[];
}

export interface DeadLetter {
  id: number;
  log_id: string;
  type: string;
  seq: number;
  at: string;
  errorKind: string;
  status?: number;
  message: string;
  event: unknown;
}

/** A JSON schema node as zod's toJSONSchema writes it (only what the form reads). */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  title?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  secret?: boolean;
  writeOnly?: boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
}

export interface ConnectorInfo {
  type: string;
  displayName: string;
  description?: string;
  limits: { maxEvents: number; maxBytes: number; maxEventBytes: number };
  schema: JsonSchema;
}

export interface PreviewRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface PreviewAnswer {
  events: unknown[];
  requests: PreviewRequest[];
}

export interface TestAnswer {
  ok: boolean;
  result: 'success' | 'partial' | 'retryable' | 'permanent';
  kind?: string;
  httpStatus?: number;
  message?: string;
  durationMs: number;
}

export interface FieldIssue {
  path: string;
  message: string;
}
