// Public types of the Oort (Cisco Duo Identity Threat Detection) connector.
import type { z } from 'zod';
import type { oortConfigSchema } from './config.js';

/** A parsed, validated configuration (the token is a `Secret`). */
export type OortConfig = z.output<typeof oortConfigSchema>;
/** What a user writes. */
export type OortConfigInput = z.input<typeof oortConfigSchema>;
