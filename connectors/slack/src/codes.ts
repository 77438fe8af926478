// Slack's error codes (`{"ok": false, "error": …}` of the Web API, webhook answer bodies) as delivery results.
import { DeliveryError, type DeliveryErrorKind, type DeliveryResult } from '@outflow/core';

/** Error codes of `{"ok": false, "error": …}` (Web API) and of webhook answers, by the kind they mean. */
const CODE_KINDS: ReadonlyMap<string, DeliveryErrorKind> = new Map([
  // The token or webhook no longer works: nothing will pass until the config changes.
  ...[
    'invalid_auth',
    'not_authed',
    'account_inactive',
    'token_revoked',
    'token_expired',
    'missing_scope',
    'no_permission',
    'not_allowed_token_type',
    'ekm_access_denied',
    'org_login_required',
    'team_access_not_granted',
    'invalid_token',
    'no_service',
    'no_service_id',
    'no_team',
    'team_disabled',
    'action_prohibited',
  ].map((c) => [c, 'auth'] as const),
  // The channel is wrong for every message: retried later, never dead-lettered.
  ...[
    'channel_not_found',
    'not_in_channel',
    'is_archived',
    'channel_is_archived',
    'restricted_action',
    'posting_to_general_channel_denied',
    'user_not_found',
  ].map((c) => [c, 'config'] as const),
  // This message will never pass: the platform splits the batch down to the offending event.
  ...[
    'invalid_blocks',
    'invalid_blocks_format',
    'msg_too_long',
    'msg_blocks_too_long',
    'no_text',
    'too_many_attachments',
    'invalid_arguments',
    'invalid_payload',
    'invalid_json',
    'json_not_object',
    'invalid_charset',
    'invalid_form_data',
  ].map((c) => [c, 'invalid'] as const),
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

/** The result of a Slack error code, with the wait Slack asked for when it gave one. */
export function codeResult(code: string, status: number, retryAfterMs?: number): DeliveryResult {
  const kind = slackCodeKind(code);
  const error = new DeliveryError(kind, `${MESSAGES[kind]} (${code}).`, { status, vendorCode: code });
  return kind === 'throttled' || kind === 'transient' ? { status: 'retryable', error, retryAfterMs } : { status: 'permanent', error };
}
