// Public types of the Datadog connector.
import type { z } from 'zod';
import type { datadogConfigSchema } from './config.js';

/** A parsed, validated Datadog configuration (the API key is a `Secret`). */
export type DatadogConfig = z.output<typeof datadogConfigSchema>;
/** What a user writes: Auth0's `datadog` sink fields plus Outflow's extras. */
export type DatadogConfigInput = z.input<typeof datadogConfigSchema>;
