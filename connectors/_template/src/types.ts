// Public types of the template connector.
import type { z } from 'zod';
import type { templateConfigSchema } from './config.js';

/** A parsed configuration (the API key is a `Secret`). */
export type TemplateConfig = z.output<typeof templateConfigSchema>;
/** What a user writes in the runner config. */
export type TemplateConfigInput = z.input<typeof templateConfigSchema>;
