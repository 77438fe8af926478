// Public types of the Logz.io connector.
import type { z } from 'zod';
import type { logzioConfigSchema } from './config.js';

/** A parsed, validated Logz.io configuration (the shipping token is a `Secret`). */
export type LogzioConfig = z.output<typeof logzioConfigSchema>;
/** What a user writes in the runner config. */
export type LogzioConfigInput = z.input<typeof logzioConfigSchema>;
