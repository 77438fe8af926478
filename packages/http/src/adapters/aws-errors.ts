// Reads a failed AWS SDK v3 call (or a per-item error code) as a delivery result: AWS error names, then HTTP status, then transport errors.
import { classifyHttpStatus, DeliveryError, isTransportError, redactText, transportError, type DeliveryErrorKind, type DeliveryResult } from '@outflow/core';
import { toDeliveryResult } from '../result.js';

export type AwsFailure = Extract<DeliveryResult, { status: 'retryable' | 'permanent' }>;

const names = (kind: DeliveryErrorKind, list: string[]) => list.map((name) => [name, kind] as const);

/** Error names AWS services share (AWS "common errors" and the SDK's credential errors). */
const COMMON: ReadonlyMap<string, DeliveryErrorKind> = new Map([
  ...names('throttled', ['ThrottlingException', 'Throttling', 'TooManyRequestsException', 'RequestLimitExceeded', 'LimitExceededException']),
  ...names('transient', ['InternalFailure', 'InternalException', 'InternalServerError', 'ServiceUnavailable', 'ServiceUnavailableException']),
  ...names('auth', [
    'AccessDeniedException',
    'AccessDenied',
    'UnrecognizedClientException',
    'InvalidSignatureException',
    'SignatureDoesNotMatch',
    'ExpiredTokenException',
    'ExpiredToken',
    'InvalidClientTokenId',
    'MissingAuthenticationTokenException',
    'IncompleteSignature',
    'CredentialsProviderError',
  ]),
  ...names('config', ['ResourceNotFoundException']),
]);

export interface AwsErrorOptions {
  /** The service's own names (they win over the common ones), e.g. `{NotAuthorizedForSourceException: 'auth'}`. */
  kinds?: Readonly<Record<string, DeliveryErrorKind>> | undefined;
  /** How messages name the destination, e.g. `EventBridge`. */
  service: string;
  secrets: readonly string[];
}

/** The kind of an AWS error name or per-item error code: the service's table, then the common names; undefined when unknown. */
export function awsErrorKind(name: string, kinds?: AwsErrorOptions['kinds']): DeliveryErrorKind | undefined {
  return (kinds && Object.hasOwn(kinds, name) ? kinds[name] : undefined) ?? COMMON.get(name);
}

const SAYS: Record<DeliveryErrorKind, string> = {
  throttled: 'is throttling',
  transient: 'had a temporary failure',
  auth: 'refused the credentials or permissions',
  config: 'refused the destination',
  invalid: 'refused the event',
};

/** A failure of `kind` for the AWS error `code`, quoting its message redacted and shortened. */
export function awsFailure(
  kind: DeliveryErrorKind,
  code: string,
  message: string | undefined,
  options: AwsErrorOptions,
  status?: number,
  retryAfterMs?: number,
): AwsFailure {
  const detail = message ? `: ${redactText(message, options.secrets).slice(0, 300)}` : '';
  const error = new DeliveryError(kind, `${options.service} ${SAYS[kind]} (${code})${detail}`.replace(/\.?$/, '.'), { status, vendorCode: code });
  return kind === 'throttled' || kind === 'transient' ? { status: 'retryable', error, retryAfterMs } : { status: 'permanent', error };
}

interface AwsError {
  name?: unknown;
  message?: unknown;
  $metadata?: { httpStatusCode?: number | undefined } | undefined;
  $response?: { headers?: Record<string, string | undefined> | undefined } | undefined;
}

/**
 * A call that threw: a known error name decides the kind (a Retry-After kept); else the HTTP status
 * as `classifyHttpStatus` reads it; else a network failure: the transport's error (egress refusals
 * `config`), the SDK's AbortError or anything else `transient`. The SDK error itself is not kept (it holds the raw answer).
 */
export function awsErrorResult(err: unknown, options: AwsErrorOptions): AwsFailure {
  if (isTransportError(err)) return toDeliveryResult(err, options) as AwsFailure;
  const e = (err ?? {}) as AwsError;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : String(err);
  const status = e.$metadata?.httpStatusCode;
  const http =
    status === undefined ? undefined : classifyHttpStatus({ status, headers: e.$response?.headers ?? {}, body: `${name}: ${message}` }, options.secrets);
  const kind = awsErrorKind(name, options.kinds);
  if (kind) return awsFailure(kind, name, message, options, status, http?.status === 'retryable' ? http.retryAfterMs : undefined);
  if (http?.status === 'retryable' || http?.status === 'permanent')
    return { ...http, error: new DeliveryError(http.error.kind, http.error.message, { ...http.error.details, vendorCode: name }) };
  return toDeliveryResult(transportError(name === 'AbortError' ? 'ABORTED' : 'ENETWORK', redactText(message, options.secrets)), options) as AwsFailure;
}
