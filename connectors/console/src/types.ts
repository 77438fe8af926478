// Public types of the console connector.
import type { z } from 'zod';
import type { consoleConfigSchema } from './config.js';

/** A parsed console configuration. */
export type ConsoleConfig = z.output<typeof consoleConfigSchema>;
/** What a user writes (every field optional). */
export type ConsoleConfigInput = z.input<typeof consoleConfigSchema>;
