// Public types of the Perch Security (ConnectWise SIEM) connector.
import type { z } from 'zod';
import type { perchConfigSchema } from './config.js';

/** A parsed, validated configuration (the token is a `Secret`). */
export type PerchConfig = z.output<typeof perchConfigSchema>;
/** What a user writes. */
export type PerchConfigInput = z.input<typeof perchConfigSchema>;
