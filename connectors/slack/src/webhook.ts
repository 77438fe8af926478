// Incoming webhook mode: POST the message as JSON to the secret URL; the probe is a GET that posts nothing.
import { DeliveryError, type DeliveryResult, type HealthResult, type HttpResponse } from '@outflow/core';
import type { EncodedRequest } from '@outflow/http';
import { codeResult } from './codes.js';
import type { SlackConfig, SlackMessage } from './types.js';
import { USER_AGENT } from './version.js';

const hookOf = (config: SlackConfig) => config.slackWebhookUrl?.reveal() ?? '';

export function encodeWebhook(message: SlackMessage, config: SlackConfig): EncodedRequest {
  const body = JSON.stringify({ text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });
  return { method: 'POST', url: hookOf(config), headers: { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': USER_AGENT }, body };
}

/**
 * Slack webhooks have no read endpoint, so the probe GETs the URL: it proves the address, TLS and
 * connectivity, and catches revoked webhooks. It cannot prove that a POST would be accepted.
 */
export function probeWebhook(config: SlackConfig): EncodedRequest {
  return { method: 'GET', url: hookOf(config), headers: { 'User-Agent': USER_AGENT } };
}

/** Besides the URL itself: its path (without the leading slash) and last segment, the parts that are the credential. */
export function webhookSecrets(config: SlackConfig): string[] {
  const hook = config.slackWebhookUrl?.reveal();
  if (!hook) return [];
  const path = new URL(hook).pathname;
  const last = path.split('/').filter(Boolean).pop();
  return [path.slice(1), ...(last && last.length >= 8 ? [last] : [])];
}

/** The error code Slack puts in a webhook answer's body (`invalid_payload`, `no_service`, …). */
function bodyCode(body: string): string | undefined {
  const text = body.trim();
  return /^[a-z_]{3,64}$/.test(text) && text !== 'ok' ? text : undefined;
}

/** Known body codes; 404/410 without one mean the webhook or channel is gone. 2xx, 429 and 5xx by the generic table. */
export function classifyWebhook(response: HttpResponse, text: string): DeliveryResult | undefined {
  const { status } = response;
  if ((status >= 200 && status < 300) || status === 429 || status >= 500) return undefined;
  const code = bodyCode(text);
  if (code) return codeResult(code, status);
  if (status !== 404 && status !== 410) return undefined;
  return {
    status: 'permanent',
    error: new DeliveryError('config', `The webhook was not found (HTTP ${status}); it may have been removed or its channel archived.`, { status }),
  };
}

/** 2xx, 400 and 405 to the GET count as reachable; any other answer fails with its classification. */
export function webhookHealth(response: HttpResponse, result: DeliveryResult): HealthResult | undefined {
  const { status } = response;
  if ((status >= 200 && status < 300) || status === 400 || status === 405)
    return { ok: true, message: `The webhook URL is reachable (HTTP ${status} to GET).` };
  return 'error' in result ? { ok: false, error: result.error } : undefined;
}
