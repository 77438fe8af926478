// Public types of the OTLP logs connector.
import type { z } from 'zod';
import type { otlpConfigSchema } from './config.js';

/** A parsed configuration (header values are `Secret`s). */
export type OtlpConfig = z.output<typeof otlpConfigSchema>;
/** What a user writes in the runner config. */
export type OtlpConfigInput = z.input<typeof otlpConfigSchema>;
