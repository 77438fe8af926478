// Configuration of the segment connector: Auth0's sink field (segmentWriteKey) plus region and host overrides.
import { destination, secretHeaderValue } from '@outflow/core';
import { withIgnoredFields } from '@outflow/http';
import { z } from 'zod';

/** Segment's Tracking API hosts per workspace region. */
export const SEGMENT_HOSTS = { us: 'https://api.segment.io', eu: 'https://events.eu1.segmentapis.com' } as const;
/** The batch endpoint, appended to the host. */
export const BATCH_PATH = '/v1/batch';

const noCredentialsOrQuery = (url: URL) => !url.username && !url.password && !url.search;

const schema = z
  .strictObject({
    segmentWriteKey: secretHeaderValue('Write key of the Segment source (an HTTP API or Node.js source). Secret.'),
    segmentRegion: destination(z.enum(['us', 'eu']).default('us')).describe(
      'Region of the Segment workspace: `us` sends to https://api.segment.io, `eu` to https://events.eu1.segmentapis.com. Default: us.',
    ),
    segmentHost: destination(
      z
        .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
        .refine((u) => !URL.canParse(u) || noCredentialsOrQuery(new URL(u)), 'must not contain credentials or a query string')
        .optional(),
    ).describe(
      "Outflow extra. Base URL replacing the region's host, for proxies and tests; `/v1/batch` is appended to its path. Checked against the runner's egress policy.",
    ),
  })
  .describe("Segment (Auth0 stream type `segment`): one `track` call per event with messageId = log_id, sent in batches to the Tracking API's /v1/batch.");

/** The schema; `segmentTimeoutMs` (removed: the attempt's deadline bounds each request) is still accepted and dropped at parse. */
export const segmentConfigSchema = withIgnoredFields(schema, ['segmentTimeoutMs']);

/** The batch URL for a config: the region's host or segmentHost, with `/v1/batch` appended. */
export function batchUrl(config: { segmentRegion: 'us' | 'eu'; segmentHost?: string | undefined }): string {
  const base = config.segmentHost ?? SEGMENT_HOSTS[config.segmentRegion];
  return `${base.replace(/\/+$/, '')}${BATCH_PATH}`;
}
