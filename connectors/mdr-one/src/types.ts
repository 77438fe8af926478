// Public types of the MDR ONE connector.
import type { z } from 'zod';
import type { mdrOneConfigSchema } from './config.js';

/** A parsed, validated configuration (the token is a `Secret`). */
export type MdrOneConfig = z.output<typeof mdrOneConfigSchema>;
/** What a user writes. */
export type MdrOneConfigInput = z.input<typeof mdrOneConfigSchema>;
