// Text helpers for Slack messages: mrkdwn escaping, truncation, times in UTC and in the reader's zone.

/** Escapes the three characters Slack's mrkdwn treats as control characters (&, <, >). */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Line breaks and tabs become spaces, runs of spaces collapse: values stay on one line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** At most `max` characters (code points), ending in `…` when cut. */
export function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** A user-supplied value ready for mrkdwn: one line, truncated, escaped. */
export function mrkdwnValue(value: unknown, max: number): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = oneLine(String(value));
  return text ? escapeMrkdwn(truncate(text, max)) : undefined;
}

/** Epoch milliseconds of an ISO date, or undefined when it does not parse. */
export function parseDate(date: unknown): number | undefined {
  if (typeof date !== 'string') return undefined;
  const ms = Date.parse(date);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `2026-01-01 00:00:05 UTC`. */
export function utcText(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}

/** The time span of a digest: `2026-01-01 00:00:00–00:00:19 UTC`, or one time when they are equal. */
export function rangeText(first: number, last: number): string {
  const a = utcText(first);
  const b = utcText(last);
  if (a === b) return a;
  return a.slice(0, 10) === b.slice(0, 10) ? `${a.slice(0, 19)}–${b.slice(11)}` : `${a.slice(0, 19)} – ${b}`;
}

/** Slack date formatting: shown in each reader's time zone, the UTC text as fallback. */
export function slackDate(ms: number): string {
  return `<!date^${Math.floor(ms / 1000)}^{date_num} {time_secs}|${utcText(ms)}>`;
}
