// Configuration of the mixpanel connector: Auth0's sink fields (region, project, service account) plus a host override.
import { destination, secretOf } from '@outflow/core';
import { z } from 'zod';

/** Mixpanel's Ingestion API hosts per data residency. */
export const MIXPANEL_HOSTS = { us: 'https://api.mixpanel.com', eu: 'https://api-eu.mixpanel.com', in: 'https://api-in.mixpanel.com' } as const;
export type MixpanelRegion = keyof typeof MIXPANEL_HOSTS;
/** The Import API path, appended to the host. */
export const IMPORT_PATH = '/import';

/** Auth0's patterns: a service account username or secret never holds a colon (it would break Basic auth). */
const NO_COLON = /^[^:]+$/;
const PRINTABLE = /^[^\x00-\x1f\x7f]+$/;
/** zod runs refinements even after `.url()` failed, so they must not throw. */
const parseUrl = (u: string): URL | undefined => (URL.canParse(u) ? new URL(u) : undefined);

export const mixpanelConfigSchema = z
  .strictObject({
    mixpanelRegion: destination(z.enum(['us', 'eu', 'in']).default('us')).describe(
      'Data residency of the Mixpanel project: `us` sends to https://api.mixpanel.com, `eu` to https://api-eu.mixpanel.com (required for EU data residency), `in` to https://api-in.mixpanel.com (Outflow extra: India residency). Default: us.',
    ),
    mixpanelProjectId: destination(z.string().regex(/^\d+$/, 'must be the numeric project ID').max(20)).describe(
      'Numeric ID of the Mixpanel project (Project Settings → Overview), e.g. `3141592`. Sent as the `project_id` query parameter.',
    ),
    mixpanelServiceAccountUsername: z
      .string()
      .min(1, 'must not be empty')
      .max(255)
      .regex(NO_COLON, 'must not contain a colon')
      .regex(PRINTABLE, 'must not contain control characters')
      .describe('Username of an Owner or Admin service account of the project, e.g. `outflow.1a2b3c.mp-service-account`.'),
    mixpanelServiceAccountPassword: secretOf(
      z.string().max(255).regex(NO_COLON, 'must not contain a colon').regex(PRINTABLE, 'must not contain control characters'),
      'Secret of the service account (shown once when it is created). Secret.',
    ),
    mixpanelHost: destination(
      z
        .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
        .refine((u) => !parseUrl(u)?.username && !parseUrl(u)?.password, 'must not contain credentials')
        .refine((u) => !parseUrl(u)?.search && !parseUrl(u)?.hash, 'must not have a query or fragment')
        .optional(),
    ).describe(
      "Outflow extra. Base URL replacing the region's host, for a proxy or a fake in tests, e.g. `https://mixpanel-proxy.internal`; `/import` is appended to its path. Checked against the runner's egress policy.",
    ),
  })
  .describe(
    "Mixpanel (Auth0 stream type `mixpanel`): one event per log with $insert_id from log_id, sent to the Ingestion API's /import with strict validation.",
  );

/** The import URL of a config: the region's host or mixpanelHost, `/import?strict=1&project_id=…`. */
export function importUrl(config: { mixpanelRegion: MixpanelRegion; mixpanelProjectId: string; mixpanelHost?: string | undefined }): string {
  const base = (config.mixpanelHost ?? MIXPANEL_HOSTS[config.mixpanelRegion]).replace(/\/+$/, '');
  return `${base}${IMPORT_PATH}?strict=1&project_id=${encodeURIComponent(config.mixpanelProjectId)}`;
}
