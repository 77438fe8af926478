// Field builders the webhook presets share: the vendor's URL, its token, the body layout, and the Authorization value.
import { destination, headerValue, secretOf } from '@outflow/core';
import { z } from 'zod';

const noCredentials = (u: string) => !URL.canParse(u) || (!new URL(u).username && !new URL(u).password);

/** The vendor's intake URL (a destination: changing it requires re-sending the token); a default where the vendor publishes one. */
export function presetEndpoint(description: string, defaultUrl?: string) {
  const url = z.url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' }).refine(noCredentials, 'must not contain credentials');
  return destination(defaultUrl ? url.default(defaultUrl) : url).describe(description);
}

/** The token the vendor issues, sent as `Authorization: Bearer <token>`. */
export function presetToken(description: string) {
  return secretOf(headerValue().regex(/^\S+$/, 'must be the token alone, without "Bearer " or spaces'), description);
}

/** JSON Lines or a JSON array per request, as the vendor's intake takes. */
export function presetContentFormat(defaultFormat: 'JSONLINES' | 'JSONARRAY', description: string) {
  return z.enum(['JSONLINES', 'JSONARRAY']).default(defaultFormat).describe(description);
}

/** The Authorization header value of a token. */
export const presetAuthorization = (token: { reveal(): string }): string => `Bearer ${token.reveal()}`;
