// Public types of the eventbridge connector.
import type { z } from 'zod';
import type { eventbridgeConfigSchema } from './config.js';

/** A parsed, validated EventBridge configuration (secrets are `Secret` values). */
export type EventbridgeConfig = z.output<typeof eventbridgeConfigSchema>;
/** What a user writes in a stream's sink: Auth0's fields plus Outflow's extras. */
export type EventbridgeConfigInput = z.input<typeof eventbridgeConfigSchema>;
