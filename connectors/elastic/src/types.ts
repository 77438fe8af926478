// Public types of the elastic connector.
import type { z } from 'zod';
import type { elasticConfigSchema } from './config.js';

/** A parsed, validated Elastic configuration (API key, password and token are `Secret`s). */
export type ElasticConfig = z.output<typeof elasticConfigSchema>;
/** What a user writes in a stream's sink. */
export type ElasticConfigInput = z.input<typeof elasticConfigSchema>;
