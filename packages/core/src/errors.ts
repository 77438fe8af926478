// The few typed errors of Outflow: delivery outcomes and configuration problems, recognised by brand.
import { BRANDS, brandOf, setBrand } from './brands.js';

/** Why a delivery attempt failed; decides whether the platform retries. */
export type DeliveryErrorKind =
  /** Network trouble, timeouts, 5xx: try again. */
  | 'transient'
  /** 429 or a vendor rate limit: try again after the given delay. */
  | 'throttled'
  /** 401/403 or a bad key: fails until the configuration changes. */
  | 'auth'
  /** 400/413/422: this payload will never be accepted. */
  | 'invalid'
  /** Found before sending (bad endpoint, egress refused, unusable config). */
  | 'config';

export interface DeliveryErrorDetails {
  status?: number | undefined;
  vendorCode?: string | undefined;
  /** A short, redacted excerpt of the destination's answer. */
  responseBody?: string | undefined;
  /** The payload is too large for the destination: split it. */
  tooLarge?: boolean | undefined;
}

export class DeliveryError extends Error {
  override readonly name = 'DeliveryError';
  constructor(
    readonly kind: DeliveryErrorKind,
    message: string,
    readonly details: DeliveryErrorDetails = {},
    options?: ErrorOptions,
  ) {
    super(message, options);
    setBrand(this, BRANDS.deliveryError);
  }

  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, message: this.message, ...this.details };
  }
}

/** One problem in a configuration, located by its path (e.g. `streams[0].sink.httpEndpoint`). */
export interface ConfigIssue {
  path: string;
  message: string;
}

export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  constructor(
    message: string,
    readonly issues: readonly ConfigIssue[] = [],
  ) {
    super(issues.length ? `${message}\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}` : message);
    setBrand(this, BRANDS.configError);
  }
}

const KINDS: ReadonlySet<unknown> = new Set<DeliveryErrorKind>(['transient', 'throttled', 'auth', 'invalid', 'config']);

/** A DeliveryError from any copy of @outflow/core (checked by brand and kind, not instanceof). */
export function isDeliveryError(value: unknown): value is DeliveryError {
  return brandOf(value, BRANDS.deliveryError) === true && KINDS.has((value as { kind?: unknown }).kind);
}

/** A ConfigError from any copy of @outflow/core. */
export function isConfigError(value: unknown): value is ConfigError {
  return brandOf(value, BRANDS.configError) === true && Array.isArray((value as { issues?: unknown }).issues);
}
