// Public types of the http (Custom Webhook) connector.
import type { z } from 'zod';
import type { webhookConfigSchema } from './config.js';

/** A parsed, validated webhook configuration (secrets are `Secret` values). */
export type WebhookConfig = z.output<typeof webhookConfigSchema>;
/** What a user writes: Auth0's `http` sink fields plus Outflow's extras. */
export type WebhookConfigInput = z.input<typeof webhookConfigSchema>;
