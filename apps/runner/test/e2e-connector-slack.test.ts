// End to end: events ingested into the runner reach a fake Slack as Block Kit digests through chat.postMessage.
import { describe, expect, it } from 'vitest';
import { startSlackFake } from '@outflow/connector-testkit/fakes/slack';
import { baseConfig, TOKEN } from './support/app.js';
import { useTestApp } from './support/use-test-app.js';
import { eventually } from './support/wait.js';
import { ingestMany, makeEvent } from './support/events.js';

const BOT_TOKEN = 'xoxb-e2e-0000-fakeBotToken';

const t = useTestApp();

describe('slack connector end to end', () => {
  it('posts every ingested event in digests of at most 20 per message', async () => {
    const fake = t.closeAfter(await startSlackFake({ token: BOT_TOKEN, channels: ['C0E2ETEST'] }));
    const stream = `  - { name: slack, type: slack, tenant: acme, sink: { slackBotToken: "${BOT_TOKEN}", slackChannel: C0E2ETEST, slackApiUrl: "${fake.apiUrl}" } }\n`;
    const app = await t.start(baseConfig(stream));
    const users: string[] = [];
    await ingestMany(app.url, TOKEN, 45, 45, () => {
      const event = makeEvent();
      users.push(event.user_name as string);
      return event;
    });

    const shown = () =>
      fake
        .messages()
        .flatMap((m) =>
          (m.blocks ?? []).filter((b) => b.type === 'section').map((b) => /^\*User\*\n(\S+)/.exec((b.fields as Array<{ text: string }>)[0]?.text ?? '')?.[1]),
        );
    await eventually(() => new Set(shown()).size >= 45);
    expect(new Set(shown())).toEqual(new Set(users));
    const messages = fake.messages();
    expect(messages.length).toBeGreaterThanOrEqual(3);
    for (const m of messages) {
      expect(m.channel).toBe('C0E2ETEST');
      expect(m.blocks?.[0]?.type).toBe('header');
      expect(m.blocks?.length).toBeLessThanOrEqual(50);
      expect(m.blocks?.filter((b) => b.type === 'section').length).toBeLessThanOrEqual(20);
      expect(m.text).toMatch(/^\d+ Auth0 log events? · /);
    }
    expect(fake.requests.every((r) => r.path !== '/api/chat.postMessage' || r.headers.authorization === `Bearer ${BOT_TOKEN}`)).toBe(true);
  }, 60_000);
});
