// Public types of the mixpanel connector.
import type { z } from 'zod';
import type { mixpanelConfigSchema } from './config.js';

/** A parsed, validated Mixpanel configuration (the service account secret is a `Secret`). */
export type MixpanelConfig = z.output<typeof mixpanelConfigSchema>;
/** What a user writes in a stream's sink: Auth0's fields plus Outflow's extras. */
export type MixpanelConfigInput = z.input<typeof mixpanelConfigSchema>;

/** A property value as Mixpanel receives it: scalars, or a list of scalars. */
export type PropertyValue = string | number | boolean | null | Array<string | number | boolean | null>;

/** One event of an /import body. */
export interface MixpanelEvent {
  event: string;
  properties: { time?: number; distinct_id: string; $insert_id: string; [name: string]: PropertyValue | undefined };
}
