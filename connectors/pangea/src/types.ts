// Public types of the Pangea connector.
import type { z } from 'zod';
import type { pangeaConfigSchema } from './config.js';

/** A parsed, validated Pangea configuration (the token is a `Secret`). */
export type PangeaConfig = z.output<typeof pangeaConfigSchema>;
/** What a user writes in the runner config. */
export type PangeaConfigInput = z.input<typeof pangeaConfigSchema>;

/** One Secure Audit Log event as the Auth0 Log Streaming template fills it (`new` holds the raw `{log_id, data}` envelope). */
export interface PangeaAuditEvent {
  message: string;
  actor?: string;
  action?: string;
  target?: string;
  status?: string;
  source?: string;
  timestamp?: string;
  new: string;
}

/** Pangea's response envelope, on every answer of every service. */
export interface PangeaEnvelope {
  request_id?: string;
  request_time?: string;
  response_time?: string;
  status?: string;
  summary?: string;
  result?: unknown;
}
