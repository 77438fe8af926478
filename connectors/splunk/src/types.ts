// Public types of the Splunk connector.
import type { z } from 'zod';
import type { splunkConfigSchema } from './config.js';

/** A parsed, validated Splunk configuration (the HEC token is a `Secret`). */
export type SplunkConfig = z.output<typeof splunkConfigSchema>;
/** What a user writes: Auth0's `splunk` sink fields plus Outflow's extras. */
export type SplunkConfigInput = z.input<typeof splunkConfigSchema>;
