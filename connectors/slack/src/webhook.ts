// Incoming webhook mode: POST the message as JSON to the secret URL; the healthcheck is a GET that posts nothing.
import { DeliveryError, REDACTED, type DeliveryResult, type HealthResult } from '@outflow/core';
import { codeResult, healthFromResult, networkResult, statusResult } from './outcome.js';
import type { SlackSender } from './sender.js';
import type { SlackAnswer, SlackHttp } from './transport.js';
import type { SlackMessage } from './types.js';
import { USER_AGENT } from './version.js';

export interface WebhookOptions {
  http: SlackHttp;
  url: string;
  secrets: readonly string[];
}

/** The error code Slack puts in a webhook answer's body (`invalid_payload`, `no_service`, …). */
function bodyCode(body: string): string | undefined {
  const text = body.trim();
  return /^[a-z_]{3,64}$/.test(text) && text !== 'ok' ? text : undefined;
}

/** A webhook answer: 2xx success; 429 with Retry-After; known body codes; 404/410 mean the webhook or channel is gone. */
export function webhookResult(answer: SlackAnswer, secrets: readonly string[]): DeliveryResult {
  const { status, headers, body } = answer;
  if (status >= 200 && status < 300) return { status: 'success' };
  if (status === 429 || status >= 500) return statusResult(status, headers, body, secrets);
  const code = bodyCode(body);
  if (code) return codeResult(code, status);
  if (status === 404 || status === 410) {
    return { status: 'permanent', error: new DeliveryError('config', `The webhook was not found (HTTP ${status}); it may have been removed or its channel archived.`, { status }) };
  }
  return statusResult(status, headers, body, secrets);
}

/**
 * Slack webhooks have no read endpoint, so the healthcheck GETs the URL: it proves the address,
 * TLS and connectivity, and catches revoked webhooks (401/403, `no_service`, 404/410). 2xx, 400 and
 * 405 count as reachable. It cannot prove that a POST would be accepted.
 */
export function webhookHealth(answer: SlackAnswer, secrets: readonly string[]): HealthResult {
  const { status } = answer;
  if ((status >= 200 && status < 300) || status === 400 || status === 405) return { ok: true, message: `The webhook URL is reachable (HTTP ${status} to GET).` };
  return healthFromResult(webhookResult(answer, secrets), 'The webhook URL is reachable.');
}

export function createWebhookSender(options: WebhookOptions): SlackSender {
  const { http, url, secrets } = options;
  const headers = { 'Content-Type': 'application/json; charset=utf-8', 'User-Agent': USER_AGENT };
  const body = (message: SlackMessage) => JSON.stringify({ text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false });

  return {
    async post(message, signal) {
      try {
        return webhookResult(await http.request({ method: 'POST', url, headers, body: body(message), signal }), secrets);
      } catch (err) {
        return networkResult(err, secrets);
      }
    },

    async check(signal) {
      try {
        return webhookHealth(await http.request({ method: 'GET', url, headers: { 'User-Agent': USER_AGENT }, signal }), secrets);
      } catch (err) {
        return healthFromResult(networkResult(err, secrets), 'The webhook URL is reachable.');
      }
    },

    preview(message) {
      const origin = new URL(url).origin;
      return { method: 'POST', url: `${origin}/${REDACTED}`, headers, body: body(message) };
    },
  };
}
