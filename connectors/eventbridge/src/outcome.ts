// Classifies EventBridge answers: per-entry error codes, service exceptions by name and HTTP status, network errors.
import {
  classifyHttpStatus, classifyNetworkError, DeliveryError, redactText, type DeliveryErrorKind, type DeliveryResult, type HealthResult,
} from '@outflow/core';

export type Failure = Extract<DeliveryResult, { status: 'retryable' | 'permanent' }>;

const KINDS: ReadonlyMap<string, DeliveryErrorKind> = new Map([
  ...['ThrottlingException', 'LimitExceededException', 'TooManyRequestsException', 'RequestLimitExceeded'].map((c) => [c, 'throttled'] as const),
  ...['InternalFailure', 'InternalException', 'InternalServerError', 'ServiceUnavailable', 'ServiceUnavailableException'].map((c) => [c, 'transient'] as const),
  ...[
    'AccessDeniedException', 'AccessDenied', 'UnrecognizedClientException', 'InvalidSignatureException', 'SignatureDoesNotMatch', 'ExpiredTokenException',
    'ExpiredToken', 'InvalidClientTokenId', 'MissingAuthenticationTokenException', 'IncompleteSignature', 'NotAuthorizedForSourceException',
    'NotAuthorizedForDetailTypeException', 'CredentialsProviderError', 'KMSAccessDeniedException',
  ].map((c) => [c, 'auth'] as const),
  ...['ResourceNotFoundException', 'InvalidAccountIdException', 'OperationDisabledException'].map((c) => [c, 'config'] as const),
]);

/** The kind of an AWS error or entry error code; unknown codes (MalformedDetail, InvalidArgument, …) are `invalid`. */
export function awsCodeKind(code: string): DeliveryErrorKind {
  return KINDS.get(code) ?? 'invalid';
}

export const isRetryableKind = (kind: DeliveryErrorKind): boolean => kind === 'throttled' || kind === 'transient';

const PREFIX: Record<DeliveryErrorKind, string> = {
  throttled: 'EventBridge is throttling',
  transient: 'EventBridge had a temporary failure',
  auth: 'EventBridge refused the credentials or permissions',
  config: 'EventBridge refused the destination',
  invalid: 'EventBridge refused the event',
};

/** A failure from an AWS error code, with a redacted, shortened AWS message. */
export function codeFailure(code: string, message: string | undefined, secrets: readonly string[], status?: number, retryAfterMs?: number): Failure {
  const kind = awsCodeKind(code);
  const detail = message ? `: ${redactText(message, secrets).slice(0, 300)}` : '';
  const error = new DeliveryError(kind, `${PREFIX[kind]} (${code})${detail}`.replace(/\.?$/, '.'), { status, vendorCode: code });
  return isRetryableKind(kind) ? { status: 'retryable', error, retryAfterMs } : { status: 'permanent', error };
}

interface AwsError {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: number };
  $response?: { headers?: Record<string, string | undefined> };
}

/** Finds a network error code along the `cause` chain. */
function networkCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, name } = e as { code?: unknown; name?: unknown };
    if (typeof code === 'string') return code;
    if (name === 'AbortError' || name === 'TimeoutError') return 'ABORT_ERR';
  }
  return undefined;
}

/** Result of a PutEvents or DescribeEventBus call that threw. The SDK error is not kept (it holds the raw response). */
export function callFailure(err: unknown, secrets: readonly string[]): Failure {
  const e = (err ?? {}) as AwsError;
  const name = typeof e.name === 'string' ? e.name : 'Error';
  const message = typeof e.message === 'string' ? e.message : String(err);
  const status = e.$metadata?.httpStatusCode;
  const headers = e.$response?.headers ?? {};
  if (KINDS.has(name)) {
    const http = status !== undefined ? classifyHttpStatus({ status, headers }, secrets) : undefined;
    const wait = http?.status === 'retryable' ? http.retryAfterMs : undefined;
    return codeFailure(name, message, secrets, status, wait);
  }
  if (status !== undefined) {
    const result = classifyHttpStatus({ status, headers, body: `${name}: ${message}` }, secrets);
    if (result.status === 'retryable' || result.status === 'permanent') return { ...result, error: new DeliveryError(result.error.kind, result.error.message, { ...result.error.details, vendorCode: name }) };
  }
  const code = networkCode(err);
  const result = classifyNetworkError(Object.assign(new Error(redactText(message, secrets)), code ? { code } : {}), secrets);
  const failure = result as Failure;
  return { ...failure, error: new DeliveryError(failure.error.kind, failure.error.message, failure.error.details) };
}

export function closedError(): DeliveryError {
  return new DeliveryError('config', 'The connector is closed.');
}

export function healthFromFailure(failure: Failure): HealthResult {
  return { ok: false, error: failure.error };
}
