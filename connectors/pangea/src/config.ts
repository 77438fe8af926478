// Configuration of the Pangea connector: the Secure Audit Log token, its domain, the config ID, and a base URL override.
import { destination, secretHeaderValue } from '@outflow/core';
import { z } from 'zod';

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
/** A Pangea domain: `<csp>.<region>.pangea.cloud`, or any lowercase DNS name (a private deployment). */
const DOMAIN = new RegExp(`^(?=.{1,253}$)${LABEL}(?:\\.${LABEL})+$`);

/** zod runs refinements even after `.url()` failed, so they must not throw. */
const parseUrl = (u: string): URL | undefined => (URL.canParse(u) ? new URL(u) : undefined);

export const DEFAULT_PANGEA_DOMAIN = 'aws.us.pangea.cloud';

export const pangeaConfigSchema = z
  .strictObject({
    pangeaToken: secretHeaderValue(
      'Secure Audit Log service token (starts with `pts_`), sent as `Authorization: Bearer <token>`. Use the token of the Auth0 Log Streaming configuration. Secret.',
    ),
    pangeaDomain: destination(
      z
        .string()
        .trim()
        .toLowerCase()
        .regex(DOMAIN, 'must be a domain like `aws.us.pangea.cloud` (no scheme, service name or path)')
        .default(DEFAULT_PANGEA_DOMAIN),
    ).describe(
      'Pangea domain of the project (Project Settings), e.g. `aws.us.pangea.cloud` or `gcp.eu.pangea.cloud`; the service URL is `https://audit.<domain>`. Default: aws.us.pangea.cloud.',
    ),
    pangeaConfigId: z
      .string()
      .regex(/^pci_[a-z0-9]{1,60}$/, 'must be a Secure Audit Log config ID like `pci_…` (lowercase letters and digits)')
      .optional()
      .describe(
        'Secure Audit Log configuration ID (`config_id`, shown at the top of the Secure Audit Log dashboard), e.g. `pci_…`. Needed when the token serves several configurations; omitted, the token picks its own.',
      ),
    pangeaBaseUrl: destination(
      z
        .url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' })
        .refine((u) => !parseUrl(u)?.username && !parseUrl(u)?.password, 'must not contain credentials; use pangeaToken')
        .refine((u) => !parseUrl(u)?.search && !parseUrl(u)?.hash, 'must not have a query or fragment')
        .optional(),
    ).describe(
      'Advanced. Replaces `https://audit.<pangeaDomain>` (for a proxy, or a fake in tests), e.g. `https://pangea-proxy.internal:8443`. `/v2/log` and `/request/<id>` are appended.',
    ),
  })
  .describe('Pangea Secure Audit Log: writes Auth0 log events to a tamper-proof audit log through the bulk /v2/log API.');
