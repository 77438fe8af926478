// The listener's answers read alone: the 400 line counts (all stored, none stored, some stored) and the vendor table.
import type { HttpResponse } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { classifyLogzio, fromLineCounts, parseLineCounts } from '../src/index.js';

const counts = (c: Partial<Record<'malformedLines' | 'successfulLines' | 'oversizedLines' | 'emptyLogLines', number>>) => ({
  malformedLines: 0,
  successfulLines: 0,
  oversizedLines: 0,
  emptyLogLines: 0,
  ...c,
});
const response = (status: number, body = ''): HttpResponse => ({ status, headers: {}, body: Buffer.from(body), truncated: false });
const context = { secrets: ['s3cretToken'] };

describe('parseLineCounts', () => {
  it("reads Logz.io's shape and treats missing or odd counts as 0", () => {
    expect(parseLineCounts('{"malformedLines":2,"successfulLines":10,"oversizedLines":3,"emptyLogLines":4}')).toEqual(
      counts({ malformedLines: 2, successfulLines: 10, oversizedLines: 3, emptyLogLines: 4 }),
    );
    expect(parseLineCounts('{"malformedLines":1,"successfulLines":-3,"oversizedLines":"2"}')).toEqual(counts({ malformedLines: 1 }));
  });

  it('declines bodies that are not the listener JSON', () => {
    for (const text of ['', 'Bad Request', '[]', 'null', '{"error":"bad"}']) expect(parseLineCounts(text), text).toBeUndefined();
  });
});

describe('fromLineCounts', () => {
  it('every line stored and none refused → success (also the empty probe)', () => {
    expect(fromLineCounts(counts({ successfulLines: 3 }), 3, '', [])).toEqual({ status: 'success' });
    expect(fromLineCounts(counts({}), 0, '', [])).toEqual({ status: 'success' });
  });

  it('no line stored → partial naming every event, none retryable, with the counts in the reason', () => {
    const result = fromLineCounts(counts({ malformedLines: 2, oversizedLines: 1 }), 3, '', []);
    expect(result).toEqual({
      status: 'partial',
      failed: [0, 1, 2].map((index) => ({
        index,
        retryable: false,
        status: 400,
        reason: 'Logz.io refused the line (HTTP 400: 2 malformed (not valid JSON), 1 over 500,000 bytes, 0 empty of 3 lines, none stored).',
      })),
    });
  });

  it('some lines stored, some refused → permanent invalid, so the platform bisects; the token is redacted from the excerpt', () => {
    const body = '{"malformedLines":1,"successfulLines":499,"oversizedLines":0,"emptyLogLines":0,"echo":"s3cretToken"}';
    const result = fromLineCounts(parseLineCounts(body)!, 500, body, context.secrets);
    expect(result).toMatchObject({ status: 'permanent', error: { kind: 'invalid', details: { status: 400 } } });
    if (result?.status !== 'permanent') throw new Error('not permanent');
    expect(result.error.message).toBe(
      'Logz.io stored 499 of 500 lines and refused 1 malformed (not valid JSON), 0 over 500,000 bytes, 0 empty (HTTP 400). ' +
        'It does not say which, so the batch is split to find them; the stored lines are sent again.',
    );
    expect(result.error.details.tooLarge).toBeUndefined();
    expect(result.error.details.responseBody).toContain('[REDACTED]');
    expect(result.error.details.responseBody).not.toContain('s3cretToken');
  });

  it('counts that do not add up (fewer stored than sent, none refused) → permanent invalid', () => {
    expect(fromLineCounts(counts({ successfulLines: 2 }), 3, '', [])).toMatchObject({ status: 'permanent', error: { kind: 'invalid' } });
  });
});

describe('classifyLogzio', () => {
  it('reads a 400 with counts; leaves a 400 without them to the generic table', () => {
    expect(classifyLogzio(response(400, '{"malformedLines":1}'), '{"malformedLines":1}', 1, context)).toMatchObject({ status: 'partial' });
    expect(classifyLogzio(response(400, 'Bad Request'), 'Bad Request', 1, context)).toBeUndefined();
  });

  it("401 → auth with the listener's reason, never the token", () => {
    const result = classifyLogzio(response(401), 'Logging token is not valid', 5, context);
    expect(result).toMatchObject({
      status: 'permanent',
      error: { kind: 'auth', message: 'Logz.io refused the shipping token (HTTP 401: Logging token is not valid); check logzioToken and logzioRegion.' },
    });
    const echoed = classifyLogzio(response(401), 'token s3cretToken unknown', 5, context);
    expect(JSON.stringify(echoed)).not.toContain('s3cretToken');
  });

  it('404 and 405 → config (no listener at this URL); the rest is left to the generic table', () => {
    for (const status of [404, 405]) expect(classifyLogzio(response(status), '', 1, context)).toMatchObject({ status: 'permanent', error: { kind: 'config' } });
    for (const status of [200, 413, 429, 500, 503]) expect(classifyLogzio(response(status), '', 1, context)).toBeUndefined();
  });
});
