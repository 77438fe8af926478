// Public types of the http (Custom Webhook) connector.
import type { z } from 'zod';
import type { httpConfigSchema } from './config.js';

/** A parsed, validated webhook configuration (secrets are `Secret` values). */
export type HttpConfig = z.output<typeof httpConfigSchema>;
/** What a user writes: Auth0's `http` sink fields plus Outflow's extras. */
export type HttpConfigInput = z.input<typeof httpConfigSchema>;
