// Web API mode: chat.postMessage with the bot token (form-encoded, as WebClient sent it), auth.test as the probe, `ok:false` codes read.
import { stringify } from 'node:querystring';
import { parseRetryAfter, type DeliveryResult, type HealthResult, type HttpResponse } from '@outflow/core';
import type { EncodedRequest } from '@outflow/http';
import { codeResult } from './codes.js';
import { SLACK_API_URL } from './config.js';
import type { SlackConfig, SlackMessage } from './types.js';
import { USER_AGENT } from './version.js';

/** The Web API base URL, ending in `/`. */
export function apiUrlOf(config: SlackConfig): string {
  const base = config.slackApiUrl ?? SLACK_API_URL;
  return base.endsWith('/') ? base : `${base}/`;
}

const headers = (config: SlackConfig) => ({
  Authorization: `Bearer ${config.slackBotToken?.reveal() ?? ''}`,
  'Content-Type': 'application/x-www-form-urlencoded',
  'User-Agent': USER_AGENT,
});

export function encodeBot(message: SlackMessage, config: SlackConfig): EncodedRequest {
  const form = { channel: config.slackChannel ?? '', text: message.text, blocks: JSON.stringify(message.blocks), unfurl_links: false, unfurl_media: false };
  return { method: 'POST', url: `${apiUrlOf(config)}chat.postMessage`, headers: headers(config), body: stringify(form) };
}

/** auth.test checks the token and posts nothing. */
export function probeBot(config: SlackConfig): EncodedRequest {
  return { method: 'POST', url: `${apiUrlOf(config)}auth.test`, headers: headers(config) };
}

type Answer = Partial<Record<'ok' | 'error' | 'user' | 'bot_id' | 'team' | 'team_id', unknown>>;

/** The JSON answer's fields; {} for a body that is not JSON. */
function answerOf(text: string): Answer {
  try {
    return (JSON.parse(text) as Answer | null) ?? {};
  } catch {
    return {};
  }
}

/** A 2xx `{"ok": false, "error": code}` by its code, honouring Retry-After; other statuses by the generic table (429 throttled). */
export function classifyBot(response: HttpResponse, text: string): DeliveryResult | undefined {
  if (response.status < 200 || response.status >= 300) return undefined;
  const answer = answerOf(text);
  if (answer.ok !== false) return undefined;
  return codeResult(String(answer.error ?? 'unknown_error'), response.status, parseRetryAfter(response.headers['retry-after']));
}

/** auth.test's answer names the bot and team. */
export function botHealth(response: HttpResponse, result: DeliveryResult): HealthResult | undefined {
  if (result.status !== 'success') return undefined;
  const a = answerOf(response.body.toString());
  return { ok: true, message: `The token is valid for the bot ${String(a.user ?? a.bot_id ?? 'user')} in team ${String(a.team ?? a.team_id ?? 'unknown')}.` };
}
