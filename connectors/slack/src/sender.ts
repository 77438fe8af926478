// What both Slack modes (Web API bot, incoming webhook) offer the connector.
import type { DeliveryResult, HealthResult, PayloadPreview } from '@outflow/core';
import type { SlackMessage } from './types.js';

export interface SlackSender {
  /** Posts one message in one attempt. */
  post(message: SlackMessage, signal: AbortSignal): Promise<DeliveryResult>;
  /** Checks credentials and reachability without posting anything. */
  check(signal: AbortSignal): Promise<HealthResult>;
  /** The request `post` would make, secrets masked. */
  preview(message: SlackMessage): PayloadPreview['requests'][number];
}
