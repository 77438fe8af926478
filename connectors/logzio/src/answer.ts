// Reads the bulk listener's answers: the 400 line counts (partial acceptance), 401 token refusals, wrong endpoints.
import { DeliveryError, redactText, type DeliveryResult, type HttpResponse } from '@outflow/core';

/** The body of the listener's 400: how many lines of the request fell in each class. */
export interface LineCounts {
  malformedLines: number;
  successfulLines: number;
  oversizedLines: number;
  emptyLogLines: number;
}

const COUNT_FIELDS = ['malformedLines', 'successfulLines', 'oversizedLines', 'emptyLogLines'] as const;

/** The counts of a 400 body, or undefined when it is not the listener's JSON shape (e.g. a proxy's page). */
export function parseLineCounts(text: string): LineCounts | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const body = parsed as Record<string, unknown>;
  if (!COUNT_FIELDS.some((f) => f in body)) return undefined;
  const count = (f: (typeof COUNT_FIELDS)[number]) => {
    const v = body[f];
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
  };
  return {
    malformedLines: count('malformedLines'),
    successfulLines: count('successfulLines'),
    oversizedLines: count('oversizedLines'),
    emptyLogLines: count('emptyLogLines'),
  };
}

const describeCounts = (c: LineCounts) => `${c.malformedLines} malformed (not valid JSON), ${c.oversizedLines} over 500,000 bytes, ${c.emptyLogLines} empty`;

/**
 * A 400 with line counts, for a request of `events` lines:
 * - nothing refused and every line stored → success (the probe's empty request lands here);
 * - no line stored → `partial` naming every event, none retryable (they become dead letters at once);
 * - some stored, some refused → `permanent` `invalid`: the listener does not say which lines, so
 *   the platform bisects the batch to find them. The stored lines of this request are sent again.
 */
export function fromLineCounts(counts: LineCounts, events: number, body: string, secrets: readonly string[]): DeliveryResult | undefined {
  const refused = counts.malformedLines + counts.oversizedLines;
  if (refused === 0 && counts.successfulLines >= events) return { status: 'success' };
  const responseBody = redactText(body.slice(0, 512), secrets);
  if (counts.successfulLines === 0 && refused + counts.emptyLogLines >= events && events > 0) {
    const reason = `Logz.io refused the line (HTTP 400: ${describeCounts(counts)} of ${events} lines, none stored).`;
    return { status: 'partial', failed: Array.from({ length: events }, (_, index) => ({ index, retryable: false, reason, status: 400 })) };
  }
  const message =
    `Logz.io stored ${counts.successfulLines} of ${events} lines and refused ${describeCounts(counts)} (HTTP 400). ` +
    'It does not say which, so the batch is split to find them; the stored lines are sent again.';
  return { status: 'permanent', error: new DeliveryError('invalid', message, { status: 400, responseBody }) };
}

/** The listener's reason for a 401 when it is one of its own ("Logging token is missing" / "… is not valid"). */
const tokenReason = (text: string) => /logging token is (missing|not valid)/i.exec(text)?.[0] ?? 'the token was refused';

/** The vendor reading of an answer before the generic table; undefined leaves it to `classifyHttpStatus`. */
export function classifyLogzio(response: HttpResponse, text: string, events: number, context: { secrets: readonly string[] }): DeliveryResult | undefined {
  const { status } = response;
  if (status === 400) {
    const counts = parseLineCounts(text);
    return counts ? fromLineCounts(counts, events, text, context.secrets) : undefined;
  }
  if (status === 401) {
    const message = `Logz.io refused the shipping token (HTTP 401: ${tokenReason(text)}); check logzioToken and logzioRegion.`;
    return {
      status: 'permanent',
      error: new DeliveryError('auth', message, { status, responseBody: redactText(text.slice(0, 512), context.secrets) || undefined }),
    };
  }
  if (status === 404 || status === 405) {
    const message = `Logz.io answered HTTP ${status}: no bulk listener at this URL; check logzioRegion or logzioEndpoint.`;
    return { status: 'permanent', error: new DeliveryError('config', message, { status }) };
  }
  return undefined;
}
