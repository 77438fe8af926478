// Public types of the segment connector.
import type { z } from 'zod';
import type { segmentConfigSchema } from './config.js';

/** A parsed, validated Segment configuration (the write key is a `Secret`). */
export type SegmentConfig = z.output<typeof segmentConfigSchema>;
/** What a user writes in a stream's sink: Auth0's field plus Outflow's extras. */
export type SegmentConfigInput = z.input<typeof segmentConfigSchema>;

/** Segment needs one of the two. */
export type TrackIdentity = { userId: string; anonymousId?: undefined } | { anonymousId: string; userId?: undefined };

/** The `track` call made for one log event (what `analytics.track()` receives). */
export type TrackMessage = TrackIdentity & {
  messageId: string;
  event: string;
  timestamp?: string;
  properties: Record<string, unknown>;
  context: { ip?: string; userAgent?: string };
};
