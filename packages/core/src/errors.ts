// The few typed errors of Outflow: delivery outcomes and configuration problems.

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
  }
}
