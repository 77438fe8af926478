// Golden messages: a fixed envelope gives exactly this Block Kit message; digests stay within Slack's limits.
import { describe, expect, it } from 'vitest';
import { buildMessage, MAX_EVENTS_PER_MESSAGE } from '../src/index.js';
import { envelopeAt, GOLDEN } from './fixtures.js';

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text, verbatim: true });

describe('Block Kit encoding', () => {
  it('encodes one event exactly (golden)', () => {
    expect(buildMessage([GOLDEN])).toEqual({
      text: '1 Auth0 log event · 2026-01-01 00:00:05 UTC: fp bob@example.com',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: '1 Auth0 log event · 2026-01-01 00:00:05 UTC', emoji: false } },
        {
          type: 'section',
          text: mrkdwn('`fp` Wrong password'),
          fields: [
            mrkdwn('*User*\nbob@example.com (auth0|65a1f0c2e4b0a1b2c3d4e5f7)'),
            mrkdwn('*Client*\nAcme &lt;Web&gt; &amp; Co'),
            mrkdwn('*IP*\n198.51.100.23'),
            mrkdwn('*Time*\n<!date^1767225605^{date_num} {time_secs}|2026-01-01 00:00:05 UTC>'),
          ],
        },
      ],
    });
  });

  it('digests several events into one message with the count and time span', () => {
    const message = buildMessage([envelopeAt(2), envelopeAt(0), envelopeAt(1)]);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: '3 Auth0 log events · 2026-01-01 00:00:00–00:00:02 UTC', emoji: false },
    });
    expect(message.blocks.map((b) => b.type)).toEqual(['header', 'section', 'divider', 'section', 'divider', 'section']);
    expect(message.text).toBe('3 Auth0 log events · 2026-01-01 00:00:00–00:00:02 UTC: fp bob@example.com; fp bob@example.com; fp bob@example.com');
  });

  it('spells out both dates when the span crosses midnight', () => {
    const late = envelopeAt(0, { date: '2025-12-31T23:59:58.000Z' });
    expect(buildMessage([late, envelopeAt(3)]).blocks[0]).toMatchObject({
      text: { text: '2 Auth0 log events · 2025-12-31 23:59:58 – 2026-01-01 00:00:03 UTC' },
    });
  });

  it('shows a dash for missing fields and falls back to the user id, client id and raw date', () => {
    const sparse = { log_id: 'x1', data: { log_id: 'x1', date: 'not a date', type: 'w', description: null, client_id: 'cid_1', user_id: 'auth0|1' } };
    const section = buildMessage([sparse as never]).blocks[1];
    expect(section).toEqual({
      type: 'section',
      text: mrkdwn('`w` _no description_'),
      fields: [mrkdwn('*User*\nauth0|1'), mrkdwn('*Client*\ncid_1'), mrkdwn('*IP*\n—'), mrkdwn('*Time*\nnot a date')],
    });
    expect(buildMessage([sparse as never]).blocks[0]).toMatchObject({ text: { text: '1 Auth0 log event' } });
  });

  it('keeps user text on one line, escaped and truncated', () => {
    const noisy = envelopeAt(0, { description: `Line one\nline <two> ${'x'.repeat(600)}`, user_name: '<!channel> *bold*' });
    const section = buildMessage([noisy]).blocks[1] as { text: { text: string }; fields: Array<{ text: string }> };
    expect(section.text.text.startsWith('`fp` Line one line &lt;two&gt; xxx')).toBe(true);
    expect(section.text.text.endsWith('…')).toBe(true);
    // '`fp` ' + 300 characters of description, in which < and > became &lt; and &gt; (+6).
    expect(Array.from(section.text.text).length).toBe(5 + 300 + 6);
    expect(section.fields[0]?.text).toBe('*User*\n&lt;!channel&gt; *bold* (auth0|65a1f0c2e4b0a1b2c3d4e5f7)');
  });

  it('stays under 50 blocks at maxEvents and says how many events a larger batch left out', () => {
    const full = buildMessage(Array.from({ length: MAX_EVENTS_PER_MESSAGE }, (_, i) => envelopeAt(i)));
    expect(full.blocks).toHaveLength(40);
    expect(full.blocks.filter((b) => b.type === 'section')).toHaveLength(20);
    const over = buildMessage(Array.from({ length: 25 }, (_, i) => envelopeAt(i)));
    expect(over.blocks.length).toBeLessThanOrEqual(50);
    expect(over.blocks.filter((b) => b.type === 'section')).toHaveLength(19);
    expect(over.blocks.at(-1)).toEqual({ type: 'context', elements: [mrkdwn('…and 6 more events in this batch.')] });
    expect(over.blocks[0]).toMatchObject({ text: { text: '25 Auth0 log events · 2026-01-01 00:00:00–00:00:24 UTC' } });
  });

  it('keeps the notification text short', () => {
    const long = Array.from({ length: 20 }, (_, i) => envelopeAt(i, { user_name: `${'u'.repeat(300)}@example.com` }));
    const { text } = buildMessage(long);
    expect(Array.from(text).length).toBeLessThanOrEqual(3000);
    expect(text.endsWith('…')).toBe(true);
  });
});
