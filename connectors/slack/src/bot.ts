// Web API mode: chat.postMessage with a bot token through WebClient (no retries, rate limits rejected), auth.test as healthcheck.
import { stringify } from 'node:querystring';
import { DeliveryError, REDACTED, redactText, type DeliveryResult, type Logger as OutflowLogger } from '@outflow/core';
import { LogLevel, WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError, WebClient, type Logger } from '@slack/web-api';
import { codeResult, healthFromResult, networkResult, statusResult } from './outcome.js';
import type { SlackSender } from './sender.js';
import type { SlackAnswer, SlackHttp } from './transport.js';
import type { SlackMessage } from './types.js';

export interface BotOptions {
  http: SlackHttp;
  token: string;
  channel: string;
  /** Base URL ending in `/`. */
  apiUrl: string;
  secrets: readonly string[];
  logger: OutflowLogger;
}

/** WebClient's own logging, redacted and demoted to debug (the connector reports outcomes itself). */
function quietLogger(logger: OutflowLogger, secrets: readonly string[]): Logger {
  let level = LogLevel.WARN;
  const forward = (...msg: unknown[]) => logger.debug({ component: 'slack-web-api', detail: redactText(msg.map(String).join(' '), secrets) }, 'The Slack client logged a warning.');
  return { debug: () => {}, info: () => {}, warn: forward, error: forward, setLevel: (l) => void (level = l), getLevel: () => level, setName: () => {} };
}

/** The arguments of chat.postMessage for one message. */
export function postArgs(channel: string, message: SlackMessage) {
  return { channel, text: message.text, blocks: message.blocks, unfurl_links: false, unfurl_media: false };
}

/** Maps what WebClient threw (and the last HTTP answer seen) to a delivery result. */
export function webApiResult(err: unknown, last: SlackAnswer | undefined, secrets: readonly string[]): DeliveryResult {
  if (err instanceof WebAPIRateLimitedError) {
    const error = new DeliveryError('throttled', 'Slack is rate limiting (HTTP 429).', { status: 429, vendorCode: 'ratelimited' });
    return { status: 'retryable', error, retryAfterMs: err.retryAfter * 1000 };
  }
  if (err instanceof WebAPIPlatformError) return codeResult(String(err.data.error), last?.status ?? 200, err.data.response_metadata?.retryAfter);
  if (err instanceof WebAPIHTTPError) {
    const body = typeof err.body === 'string' ? err.body : '';
    if (err.statusCode >= 200 && err.statusCode < 300 && /"ok"\s*:\s*true/.test(body)) return { status: 'success' };
    return statusResult(err.statusCode, err.headers, body, secrets);
  }
  if (err instanceof WebAPIRequestError) return networkResult(err.original, secrets);
  // WebClient throws a plain Error for a 429 without a usable Retry-After.
  if (last && last.status !== 200) return statusResult(last.status, last.headers, last.body, secrets);
  return networkResult(err, secrets);
}

export function createBotSender(options: BotOptions): SlackSender {
  const { http, token, channel, apiUrl, secrets } = options;
  const logger = quietLogger(options.logger, secrets);
  /** One WebClient per call (about 0.1 ms): each gets the call's abort signal through its fetch. */
  const client = (signal: AbortSignal, onAnswer: (a: SlackAnswer) => void) =>
    new WebClient(token, {
      slackApiUrl: apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      maxRequestConcurrency: 1,
      fetch: http.fetchFor(signal, onAnswer),
      logger,
      logLevel: LogLevel.WARN,
    });

  return {
    async post(message, signal) {
      let last: SlackAnswer | undefined;
      try {
        await client(signal, (a) => (last = a)).chat.postMessage(postArgs(channel, message));
        return { status: 'success' };
      } catch (err) {
        return webApiResult(err, last, secrets);
      }
    },

    async check(signal) {
      let last: SlackAnswer | undefined;
      try {
        const res = await client(signal, (a) => (last = a)).auth.test();
        return { ok: true, message: `The token is valid for the bot ${String(res.user ?? res.bot_id ?? 'user')} in team ${String(res.team ?? res.team_id ?? 'unknown')}.` };
      } catch (err) {
        return healthFromResult(webApiResult(err, last, secrets), 'The token is valid.');
      }
    },

    preview(message) {
      const args = postArgs(channel, message);
      return {
        method: 'POST',
        url: `${apiUrl}chat.postMessage`,
        headers: { Authorization: `Bearer ${REDACTED}`, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: stringify({ ...args, blocks: JSON.stringify(args.blocks) }),
      };
    },
  };
}
