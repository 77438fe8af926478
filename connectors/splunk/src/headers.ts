// Request headers of HEC calls (the token, the client, the channel) and the channel itself.
import { randomUUID } from 'node:crypto';
import type { SplunkConfig } from './types.js';
import { USER_AGENT } from './version.js';

export const CHANNEL_HEADER = 'X-Splunk-Request-Channel';

const channels = new WeakMap<SplunkConfig, string>();

/**
 * The HEC channel: `splunkChannel`; else, with `splunkAck`, a random GUID per connector (kept
 * with its parsed config, which the connector's requests all share); else none.
 */
export function channelOf(config: SplunkConfig): string | undefined {
  if (config.splunkChannel || !config.splunkAck) return config.splunkChannel;
  let channel = channels.get(config);
  if (!channel) channels.set(config, (channel = randomUUID()));
  return channel;
}

/** Headers of every HEC request: `Authorization: Splunk <token>`, User-Agent and the channel when there is one. */
export function baseHeaders(config: SplunkConfig): Record<string, string> {
  const channel = channelOf(config);
  return { Authorization: `Splunk ${config.splunkToken.reveal()}`, 'User-Agent': USER_AGENT, ...(channel ? { [CHANNEL_HEADER]: channel } : {}) };
}

/** Headers of a JSON POST (events, acks). */
export const jsonHeaders = (config: SplunkConfig): Record<string, string> => ({ ...baseHeaders(config), 'Content-Type': 'application/json' });
