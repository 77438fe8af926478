// Panther's three authentication modes as request headers: bearer token, shared secret header, HMAC of the body.
import { createHmac } from 'node:crypto';
import type { PantherConfig } from './types.js';

export type HmacAlgorithm = 'sha256' | 'sha512';
export type HmacEncoding = 'hex' | 'base64';

export interface HmacOptions {
  algorithm: HmacAlgorithm;
  encoding: HmacEncoding;
  /** Written before the digest, e.g. `sha256=`. */
  prefix: string;
}

/** `prefix` + the encoded HMAC of `body` under `key` (its UTF-8 bytes): the header value Panther checks. */
export function signBody(key: string, body: Buffer, options: HmacOptions): string {
  return options.prefix + createHmac(options.algorithm, key).update(body).digest(options.encoding);
}

/**
 * The authentication header of a request whose body (as sent, after compression) is `body`:
 * `Authorization: Bearer <token>`, `<header>: <secret>`, or `<header>: <prefix><hmac(body)>`.
 */
export function authHeader(config: PantherConfig, body: Buffer): [name: string, value: string] {
  switch (config.pantherAuthMethod) {
    case 'bearer':
      return ['Authorization', `Bearer ${config.pantherBearerToken?.reveal() ?? ''}`];
    case 'sharedSecret':
      return [config.pantherHeaderName ?? '', config.pantherSecretValue?.reveal() ?? ''];
    case 'hmac':
      return [
        config.pantherHeaderName ?? '',
        signBody(config.pantherSecretValue?.reveal() ?? '', body, {
          algorithm: config.pantherHmacAlgorithm,
          encoding: config.pantherHmacEncoding,
          prefix: config.pantherHmacPrefix,
        }),
      ];
  }
}
