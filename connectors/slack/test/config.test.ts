// Config schema: exactly one of bot token or webhook, channel rules, defaults, secrets kept hidden.
import { readFileSync } from 'node:fs';
import { inspect } from 'node:util';
import { configJsonSchema, destinationPaths, secretPaths } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { slackConnector } from '../src/index.js';
import { parseConfig, TOKEN } from './fixtures.js';

const schema = slackConnector.configSchema;
const HOOK = 'https://hooks.slack.com/services/T0001/B0002/hookSecretValue123';

/** Every issue as `path: message`, one per line. */
const messages = (input: unknown) => {
  const r = schema.safeParse(input);
  expect(r.success).toBe(false);
  return r.error ? r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n') : '';
};

describe('slack config', () => {
  it('has the manifest the package.json declares', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; outflowConnector: unknown };
    expect(pkg.name).toBe('@outflow/connector-slack');
    expect(pkg.outflowConnector).toEqual({ type: 'slack', apiVersion: 1, export: 'slackConnector' });
    expect(slackConnector.limits.maxEvents).toBe(20);
  });

  it('accepts a bot token with a channel and applies the defaults', () => {
    const c = parseConfig({ slackBotToken: TOKEN, slackChannel: 'C0123ABCD' });
    expect(c.slackBotToken?.reveal()).toBe(TOKEN);
    expect(c).toMatchObject({ slackChannel: 'C0123ABCD' });
    expect(c.slackApiUrl).toBeUndefined();
    expect(c.slackWebhookUrl).toBeUndefined();
  });

  it('accepts an incoming webhook alone', () => {
    const c = parseConfig({ slackWebhookUrl: HOOK });
    expect(c.slackWebhookUrl?.reveal()).toBe(HOOK);
    expect(c.slackBotToken).toBeUndefined();
  });

  it('requires exactly one of slackBotToken and slackWebhookUrl, naming both', () => {
    expect(messages({})).toMatch(
      /^slackBotToken: is required unless slackWebhookUrl is set: set exactly one of slackBotToken \(with slackChannel\) or slackWebhookUrl$/m,
    );
    expect(messages({ slackBotToken: TOKEN, slackChannel: 'C1', slackWebhookUrl: HOOK })).toMatch(/^slackWebhookUrl: cannot be combined with slackBotToken/m);
  });

  it('ties slackChannel and slackApiUrl to the bot token', () => {
    expect(messages({ slackBotToken: TOKEN })).toMatch(/^slackChannel: is required with slackBotToken$/m);
    expect(messages({ slackWebhookUrl: HOOK, slackChannel: '#general' })).toMatch(/^slackChannel: is only used with slackBotToken/m);
    expect(messages({ slackWebhookUrl: HOOK, slackApiUrl: 'https://slack.com/api/' })).toMatch(/^slackApiUrl: is only used with slackBotToken$/m);
    expect(messages({ slackBotToken: TOKEN, slackChannel: 'two words' })).toMatch(/^slackChannel: must be a channel ID/m);
  });

  it('checks the token prefix and the webhook URL without quoting them', () => {
    const bad = messages({ slackBotToken: 'secret-not-a-token', slackChannel: 'C1' });
    expect(bad).toMatch(/^slackBotToken: must be a Slack token/m);
    expect(bad).not.toContain('secret-not-a-token');
    const hook = messages({ slackWebhookUrl: 'hooks.slack.com/services/T/B/privatePart' });
    expect(hook).toMatch(/^slackWebhookUrl: must be an absolute https:\/\/ URL/m);
    expect(hook).not.toContain('privatePart');
    expect(messages({ slackWebhookUrl: 'https://u:p@hooks.slack.com/x' })).toMatch(/^slackWebhookUrl: must not contain user credentials$/m);
  });

  it('rejects unknown fields by name', () => {
    expect(messages({ slackWebhookUrl: HOOK, channel: 'C1' })).toMatch(/"channel"/);
  });

  it('still loads a stored config with the deprecated slackTimeoutMs and drops the value', () => {
    const c = parseConfig({ slackWebhookUrl: HOOK, slackTimeoutMs: 15_000 } as Parameters<typeof parseConfig>[0]);
    expect(c).not.toHaveProperty('slackTimeoutMs');
    expect(JSON.stringify(c)).not.toContain('15000');
    // Gone from the JSON schema, so docs and the dashboard's form no longer offer it.
    expect(Object.keys((configJsonSchema(schema) as { properties: object }).properties)).not.toContain('slackTimeoutMs');
  });

  it('marks both credentials as secrets and hides their values', () => {
    expect(secretPaths(schema).sort()).toEqual(['slackBotToken', 'slackWebhookUrl']);
    for (const c of [parseConfig({ slackBotToken: TOKEN, slackChannel: 'C1' }), parseConfig({ slackWebhookUrl: HOOK })]) {
      for (const text of [JSON.stringify(c), inspect(c, { depth: 10 })]) {
        expect(text).not.toContain(TOKEN);
        expect(text).not.toContain('hookSecretValue123');
      }
    }
  });

  it('describes every field for docs and forms', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { description?: string }> };
    expect(Object.keys(json.properties).sort()).toEqual(['slackApiUrl', 'slackBotToken', 'slackChannel', 'slackWebhookUrl']);
    for (const [field, prop] of Object.entries(json.properties)) expect(prop.description, field).toMatch(/\w{3,}/);
  });
});

describe('slack config in the contract', () => {
  it('marks the fields that pick the destination', () => {
    expect(destinationPaths(slackConnector.configSchema).sort()).toEqual(['slackApiUrl', 'slackWebhookUrl']);
  });

  it('refuses a slackBotToken that could never be sent in a header, without quoting it', () => {
    for (const BAD of ['xoxb-s3cret\r\nX-Evil: 1', 'xoxb-s3cret\0', 'xoxb-s3cret€']) {
      const r = slackConnector.configSchema.safeParse({ slackBotToken: BAD, slackChannel: 'C1' });
      expect(r.success).toBe(false);
      const issue = r.error?.issues.find((i) => i.path[0] === 'slackBotToken');
      expect(issue?.message).toMatch(/^must not contain /);
      expect(JSON.stringify(r.error?.issues)).not.toContain('s3cret');
    }
  });
});
