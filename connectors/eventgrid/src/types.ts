// Public types of the eventgrid connector.
import type { z } from 'zod';
import type { eventgridConfigSchema } from './config.js';

/** A parsed configuration (the API key is a `Secret`). */
export type EventgridConfig = z.output<typeof eventgridConfigSchema>;
/** What a user writes in the runner config. */
export type EventgridConfigInput = z.input<typeof eventgridConfigSchema>;
