// A log stream as every stream answer shows it: Auth0's shape with secrets masked, plus Outflow's extras.

/** `suspended` is set only by Outflow, after deliveries failed for too long. */
export type StreamStatus = 'active' | 'paused' | 'suspended';

/** Auth0's category filter, or Outflow's single event type code (`{type: 'type', name: 'fp'}`). */
export interface StreamFilter {
  type: 'category' | 'type';
  name: string;
}

/** Auth0's `pii_config`: which data classes to obfuscate and how. */
export interface PiiConfig {
  log_fields: string[];
  method: 'mask' | 'hash';
  algorithm?: 'xxhash';
}

/** `GET /api/v2/log-streams` (a list), `POST`, `GET /{id}` and `PATCH /{id}`. */
export interface StreamView {
  id: string;
  name: string;
  type: string;
  status: StreamStatus;
  isPriority: boolean;
  filters: StreamFilter[];
  /** Only when set. */
  pii_config?: PiiConfig;
  /** The connector's config, secret fields as `"[REDACTED]"`. */
  sink: Record<string, unknown>;
  /** `config`: defined in the config file, so only its status can change through the API. */
  managedBy: 'config' | 'api';
  /** Only while suspended. */
  suspendedReason?: string;
}
