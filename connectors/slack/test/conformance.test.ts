// The shared conformance suite, once per mode: Web API bot (errors inside HTTP 200) and incoming webhook.
import { fileURLToPath } from 'node:url';
import { describeConnectorConformance, type FakeServer } from '@outflow/connector-testkit';
import { slackApiError, startSlackFake } from '@outflow/connector-testkit/fakes/slack';
import { slackConnector } from '../src/index.js';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const TOKEN = 'xoxb-fake-bot-token';
const HOOK_SECRET = 'fakewebhooksecret';

describeConnectorConformance(slackConnector, {
  packageDir,
  startFake: () => startSlackFake({ token: TOKEN }),
  validConfig: (fake) => ({ slackBotToken: TOKEN, slackChannel: 'C0123FAKE', slackApiUrl: `${fake.url}/api/` }),
  invalidConfigs: [
    { config: {}, path: 'slackBotToken' },
    { config: { slackBotToken: 'xoxb-1-abc' }, path: 'slackChannel' },
    { config: { slackBotToken: 'not-a-token', slackChannel: 'C1' }, path: 'slackBotToken' },
    { config: { slackBotToken: 'xoxb-1-abc', slackChannel: 'C1', slackWebhookUrl: 'https://hooks.slack.com/services/T/B/X' }, path: 'slackWebhookUrl' },
    { config: { slackBotToken: 'xoxb-1-abc', slackChannel: 'has space' }, path: 'slackChannel' },
    { config: { slackBotToken: 'xoxb-1-abc', slackChannel: 'C1', slackApiUrl: 'ftp://x' }, path: 'slackApiUrl' },
  ],
  secretValues: [TOKEN],
  // auth.test is not a delivery; only chat.postMessage carries events.
  isDelivery: (req) => req.method === 'POST' && req.path.endsWith('/chat.postMessage'),
  // Slack answers 200 with a JSON body; a bare status without `{"ok": …}` is not something Slack sends.
  respondWith: (fake: FakeServer, status, headers) =>
    fake.enqueue({
      status,
      ...(headers ? { headers } : {}),
      body: status < 300 ? { ok: true, channel: 'C0123FAKE', ts: '1767225600.000001' } : { ok: false, error: 'request_failed' },
    }),
  // A revoked token is HTTP 200 `{"ok":false,"error":"invalid_auth"}`, not a 401.
  unauthorized: (fake) => fake.setHandler(() => slackApiError('invalid_auth')),
});

describeConnectorConformance(slackConnector, {
  packageDir,
  startFake: () => startSlackFake(),
  validConfig: (fake) => ({ slackWebhookUrl: `${fake.url}/services/T000FAKE/B000FAKE/${HOOK_SECRET}` }),
  invalidConfigs: [
    { config: { slackWebhookUrl: 'hooks.slack.com/services/T/B/X' }, path: 'slackWebhookUrl' },
    { config: { slackWebhookUrl: 'https://hooks.slack.com/services/T/B/X', slackChannel: '#general' }, path: 'slackChannel' },
    { config: { slackWebhookUrl: 'https://hooks.slack.com/services/T/B/X', slackApiUrl: 'https://slack.com/api/' }, path: 'slackApiUrl' },
    { config: { slackWebhookUrl: '' }, path: 'slackWebhookUrl' },
  ],
  secretValues: [HOOK_SECRET],
  // The healthcheck GETs the webhook; only POSTs carry messages.
  isDelivery: (req) => req.method === 'POST',
});
