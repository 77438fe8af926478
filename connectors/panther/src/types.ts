// Public types of the Panther connector.
import type { z } from 'zod';
import type { pantherConfigSchema } from './config.js';

/** A parsed configuration (the token and the secret are `Secret` values). */
export type PantherConfig = z.output<typeof pantherConfigSchema>;
/** What a user writes in the runner config. */
export type PantherConfigInput = z.input<typeof pantherConfigSchema>;
