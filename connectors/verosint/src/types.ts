// Public types of the Verosint connector.
import type { z } from 'zod';
import type { verosintConfigSchema } from './config.js';

/** A parsed, validated configuration (the token is a `Secret`). */
export type VerosintConfig = z.output<typeof verosintConfigSchema>;
/** What a user writes. */
export type VerosintConfigInput = z.input<typeof verosintConfigSchema>;
