// Configuration of the Slack connector: a bot token and channel (Web API) or an incoming webhook, never both.
import { destination, secret, secretHeaderValue } from '@outflow/core';
import { withIgnoredFields } from '@outflow/http';
import { z } from 'zod';

/** Default base URL of Slack's Web API. */
export const SLACK_API_URL = 'https://slack.com/api/';

/** Why a webhook URL is refused, without quoting it (it is a secret), or undefined when it is fine. */
function webhookUrlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'must be an absolute https:// URL (https://hooks.slack.com/services/…)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must be an absolute https:// URL (https://hooks.slack.com/services/…)';
  if (url.username || url.password) return 'must not contain user credentials';
  return undefined;
}

const schema = z
  .strictObject({
    slackBotToken: secretHeaderValue(
      'Bot token (`xoxb-…`) of a Slack app with the `chat:write` scope (`chat:write.public` to post in channels the bot has not joined). Posts with chat.postMessage. Secret. Set this or slackWebhookUrl.',
    )
      .refine((t) => /^xox[a-z]-/.test(t.reveal()), 'must be a Slack token starting with xoxb- (or xoxp-)')
      .optional(),
    slackChannel: z
      .string()
      .min(1, 'must not be empty')
      .max(80)
      .regex(/^\S+$/, 'must be a channel ID (C0123ABCD) or name (#security-alerts) without spaces')
      .optional()
      .describe(
        'Channel to post to with slackBotToken: an ID such as `C0123ABCD` (stable across renames) or a name such as `#security-alerts`. Required with slackBotToken.',
      ),
    slackApiUrl: destination(z.url({ protocol: /^https?$/, error: 'must be an absolute https:// URL' }).optional()).describe(
      "Outflow extra. Base URL of the Web API, for proxies and tests. Default: `https://slack.com/api/`. Only used with slackBotToken; checked against the runner's egress policy.",
    ),
    slackWebhookUrl: destination(
      secret(
        'Incoming webhook URL (`https://hooks.slack.com/services/T…/B…/…`); it posts to the channel chosen when the webhook was created. Secret: the URL is the credential. Set this or slackBotToken.',
      ).optional(),
    ),
  })
  .superRefine((config, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const bot = config.slackBotToken !== undefined;
    const webhook = config.slackWebhookUrl !== undefined;
    if (bot && webhook)
      issue('slackWebhookUrl', 'cannot be combined with slackBotToken: set exactly one of slackBotToken (with slackChannel) or slackWebhookUrl');
    if (!bot && !webhook)
      issue('slackBotToken', 'is required unless slackWebhookUrl is set: set exactly one of slackBotToken (with slackChannel) or slackWebhookUrl');
    if (bot && config.slackChannel === undefined) issue('slackChannel', 'is required with slackBotToken');
    if (webhook && !bot) {
      if (config.slackChannel !== undefined)
        issue('slackChannel', 'is only used with slackBotToken; an incoming webhook posts to the channel it was created for');
      if (config.slackApiUrl !== undefined) issue('slackApiUrl', 'is only used with slackBotToken');
    }
    const problem = config.slackWebhookUrl ? webhookUrlProblem(config.slackWebhookUrl.reveal()) : undefined;
    if (problem) issue('slackWebhookUrl', problem);
  })
  .describe('Slack (Outflow type `slack`): posts readable Block Kit digests of log events with chat.postMessage (bot token + channel) or an incoming webhook.');

/** The schema; `slackTimeoutMs` (removed: the attempt's deadline bounds each request) is still accepted and dropped at parse. */
export const slackConfigSchema = withIgnoredFields(schema, ['slackTimeoutMs']);
