// Turns Slack's answers into delivery results: `ok:false` error codes, HTTP statuses, rate limits, network errors.
import {
  classifyHttpStatus, classifyNetworkError, DeliveryError, redactText, type DeliveryErrorKind, type DeliveryResult, type HealthResult,
} from '@outflow/core';

type Failure = Extract<DeliveryResult, { status: 'retryable' | 'permanent' }>;

/** Error codes of `{"ok": false, "error": …}` (Web API) and of webhook answers, by the kind they mean. */
const CODE_KINDS: ReadonlyMap<string, DeliveryErrorKind> = new Map([
  // The token or webhook no longer works: nothing will pass until the config changes.
  ...['invalid_auth', 'not_authed', 'account_inactive', 'token_revoked', 'token_expired', 'missing_scope', 'no_permission', 'not_allowed_token_type', 'ekm_access_denied', 'org_login_required', 'team_access_not_granted', 'invalid_token', 'no_service', 'no_service_id', 'no_team', 'team_disabled', 'action_prohibited'].map(
    (c) => [c, 'auth'] as const,
  ),
  // The channel is wrong for every message: retried later, never dead-lettered.
  ...['channel_not_found', 'not_in_channel', 'is_archived', 'channel_is_archived', 'restricted_action', 'posting_to_general_channel_denied', 'user_not_found'].map((c) => [c, 'config'] as const),
  // This message will never pass: the platform splits the batch down to the offending event.
  ...['invalid_blocks', 'invalid_blocks_format', 'msg_too_long', 'msg_blocks_too_long', 'no_text', 'too_many_attachments', 'invalid_arguments', 'invalid_payload', 'invalid_json', 'json_not_object', 'invalid_charset', 'invalid_form_data'].map(
    (c) => [c, 'invalid'] as const,
  ),
  ...['ratelimited', 'rate_limited'].map((c) => [c, 'throttled'] as const),
  ...['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'rollup_error'].map((c) => [c, 'transient'] as const),
]);

/**
 * The kind of a Slack error code. Unknown codes that look payload-related (`invalid_*`, `*_too_long`)
 * are `invalid`; other unknown codes are `config`, so the stream retries instead of dropping events.
 */
export function slackCodeKind(code: string): DeliveryErrorKind {
  const known = CODE_KINDS.get(code);
  if (known) return known;
  return /^invalid_|_too_long$/.test(code) ? 'invalid' : 'config';
}

const MESSAGES: Record<DeliveryErrorKind, string> = {
  auth: 'Slack refused the credentials',
  config: 'Slack refused the destination',
  invalid: 'Slack refused the message',
  throttled: 'Slack is rate limiting',
  transient: 'Slack had a temporary error',
};

/** The result of a Slack error code, with the wait Slack asked for (seconds) when it gave one. */
export function codeResult(code: string, status: number, retryAfterSeconds?: number): Failure {
  const kind = slackCodeKind(code);
  const error = new DeliveryError(kind, `${MESSAGES[kind]} (${code}).`, { status, vendorCode: code });
  if (kind === 'throttled' || kind === 'transient') {
    return { status: 'retryable', error, retryAfterMs: retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000 };
  }
  return { status: 'permanent', error };
}

/** A closed connector's answer to send. */
export function closedError(): DeliveryError {
  return new DeliveryError('config', 'The connector is closed.');
}

/** A network error's code, found along its `cause` chain (axios errors wrap the socket error). */
function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && !code.startsWith('slack_')) return code;
    const original = (e as { original?: unknown }).original;
    if (original) return errorCode(original);
  }
  return undefined;
}

/**
 * A network failure classified without keeping the original error: axios errors carry the request
 * config (URL and Authorization), which would leak the token or webhook URL into results and logs.
 */
export function networkResult(err: unknown, secrets: readonly string[]): DeliveryResult {
  const code = errorCode(err);
  const message = redactText(err instanceof Error ? err.message : String(err), secrets);
  const clean = Object.assign(new Error(message), code ? { code } : {});
  const result = classifyNetworkError(clean, secrets);
  if (result.status === 'retryable') return { ...result, error: new DeliveryError(result.error.kind, result.error.message, result.error.details) };
  return result;
}

/** HTTP status classification with the answer's body quoted (redacted) and Retry-After honoured. */
export function statusResult(status: number, headers: Record<string, string>, body: string, secrets: readonly string[]): DeliveryResult {
  return classifyHttpStatus({ status, headers, body }, secrets);
}

export function healthFromResult(result: DeliveryResult, okMessage: string): HealthResult {
  if (result.status === 'success') return { ok: true, message: okMessage };
  if (result.status === 'partial') return { ok: false, error: new DeliveryError('transient', 'The healthcheck got a partial answer.') };
  return { ok: false, error: result.error };
}
