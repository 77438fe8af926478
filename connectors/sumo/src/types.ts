// Public types of the Sumo Logic connector.
import type { z } from 'zod';
import type { sumoConfigSchema } from './config.js';

/** A parsed, validated Sumo configuration (the source address and token are `Secret` values). */
export type SumoConfig = z.output<typeof sumoConfigSchema>;
/** What a user writes: Auth0's `sumo` sink field plus Outflow's extras. */
export type SumoConfigInput = z.input<typeof sumoConfigSchema>;
