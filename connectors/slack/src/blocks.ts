// Encodes a batch as ONE readable Slack message: a header with the count and time span, one section per event.
import type { LogEnvelope } from '@outflow/core';
import { mrkdwnValue, oneLine, parseDate, rangeText, slackDate, truncate } from './text.js';
import type { SlackBlock, SlackMessage, SlackText } from './types.js';

/** Events per message; with a header and dividers this stays at 40 of Slack's 50 blocks. */
export const MAX_EVENTS_PER_MESSAGE = 20;
/** Slack's header block limit. */
const MAX_HEADER = 150;
/** The notification fallback text is kept short (Slack truncates at 40,000; 4,000 is its advice). */
const MAX_FALLBACK = 3000;
const DASH = '—';

const mrkdwn = (text: string): SlackText => ({ type: 'mrkdwn', text, verbatim: true });

/** `ada@example.com (auth0|65a1…)`: the user name and id, whichever are present. */
function userText(data: LogEnvelope['data']): string {
  const name = mrkdwnValue(data.user_name, 120);
  const id = mrkdwnValue(data.user_id, 120);
  if (name && id && name !== id) return `${name} (${id})`;
  return name ?? id ?? DASH;
}

function timeText(date: unknown): string {
  const ms = parseDate(date);
  return ms === undefined ? (mrkdwnValue(date, 40) ?? DASH) : slackDate(ms);
}

/** The section of one event: type code and description, then user, client, IP and time. */
export function eventSection(envelope: LogEnvelope): SlackBlock {
  const { data } = envelope;
  const code = mrkdwnValue(data.type, 60) ?? '?';
  const description = mrkdwnValue(data.description, 300) ?? '_no description_';
  return {
    type: 'section',
    text: mrkdwn(`\`${code}\` ${description}`),
    fields: [
      mrkdwn(`*User*\n${userText(data)}`),
      mrkdwn(`*Client*\n${mrkdwnValue(data.client_name, 120) ?? mrkdwnValue(data.client_id, 120) ?? DASH}`),
      mrkdwn(`*IP*\n${mrkdwnValue(data.ip, 64) ?? DASH}`),
      mrkdwn(`*Time*\n${timeText(data.date)}`),
    ],
  };
}

/** `3 Auth0 log events · 2026-01-01 00:00:00–00:00:02 UTC`. */
export function headerText(envelopes: readonly LogEnvelope[]): string {
  const n = envelopes.length;
  const count = `${n} Auth0 log event${n === 1 ? '' : 's'}`;
  const times = envelopes.map((e) => parseDate(e.data.date)).filter((t): t is number => t !== undefined);
  if (times.length === 0) return count;
  return truncate(`${count} · ${rangeText(Math.min(...times), Math.max(...times))}`, MAX_HEADER);
}

/** The plain fallback shown in notifications: the header, then `type user` per event. */
function fallbackText(header: string, envelopes: readonly LogEnvelope[]): string {
  const items = envelopes.map((e) => {
    const who = e.data.user_name ?? e.data.user_id;
    return oneLine(`${e.data.type}${who ? ` ${String(who)}` : ''}`);
  });
  const text = `${header}: ${items.join('; ')}`.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return truncate(text, MAX_FALLBACK);
}

/**
 * One message for the whole batch. A batch above MAX_EVENTS_PER_MESSAGE (the connector's
 * maxEvents, so only when misconfigured) lists the first events and says how many more there were.
 */
export function buildMessage(envelopes: readonly LogEnvelope[]): SlackMessage {
  const header = headerText(envelopes);
  const shown = envelopes.length > MAX_EVENTS_PER_MESSAGE ? envelopes.slice(0, MAX_EVENTS_PER_MESSAGE - 1) : envelopes;
  const blocks: SlackBlock[] = [{ type: 'header', text: { type: 'plain_text', text: header, emoji: false } }];
  shown.forEach((envelope, i) => {
    if (i > 0) blocks.push({ type: 'divider' });
    blocks.push(eventSection(envelope));
  });
  const more = envelopes.length - shown.length;
  if (more > 0) blocks.push({ type: 'context', elements: [mrkdwn(`…and ${more} more event${more === 1 ? '' : 's'} in this batch.`)] });
  return { text: fallbackText(header, envelopes), blocks };
}
