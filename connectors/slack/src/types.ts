// Public types of the Slack connector.
import type { z } from 'zod';
import type { slackConfigSchema } from './config.js';

/** A parsed, validated Slack configuration (secrets are `Secret` values). */
export type SlackConfig = z.output<typeof slackConfigSchema>;
/** What a user writes in a stream's sink. */
export type SlackConfigInput = z.input<typeof slackConfigSchema>;

/** A Block Kit text object. */
export interface SlackText {
  type: 'plain_text' | 'mrkdwn';
  text: string;
  emoji?: boolean;
  verbatim?: boolean;
}

/** The Block Kit blocks this connector builds. */
export type SlackBlock =
  | { type: 'header'; text: SlackText }
  | { type: 'section'; text: SlackText; fields?: SlackText[] }
  | { type: 'divider' }
  | { type: 'context'; elements: SlackText[] };

/** One Slack message: the notification text fallback and the blocks. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}
