// Classification of Mixpanel's answers: a strict 400 with failed_records is partial and never retried; other answers fall through.
import type { HttpResponse } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { classifyImport } from '../src/index.js';

const answer = (status: number): HttpResponse => ({ status, headers: {}, body: Buffer.alloc(0), truncated: false });
const context = { secrets: ['s3cret-value'] };
const invalid = (failed_records: unknown, extra: object = {}) =>
  JSON.stringify({
    code: 400,
    error: 'some data points in the request failed validation',
    failed_records,
    num_records_imported: 1,
    status: 'Bad Request',
    ...extra,
  });

describe('classifyImport', () => {
  it("maps failed_records to permanent failures by index, with Mixpanel's field and message", () => {
    const body = invalid([
      { index: 2, $insert_id: 'abc', field: 'properties.time', message: "'properties.time' is invalid: must be specified as seconds since epoch" },
      { index: 0, insert_id: 'def', field: 'properties.utm_source', message: 'properties.utm_source is invalid: string should be valid utf8' },
    ]);
    expect(classifyImport(answer(400), body, 3, context)).toEqual({
      status: 'partial',
      failed: [
        {
          index: 2,
          retryable: false,
          status: 400,
          reason: "Mixpanel refused the event (properties.time): 'properties.time' is invalid: must be specified as seconds since epoch",
        },
        {
          index: 0,
          retryable: false,
          status: 400,
          reason: 'Mixpanel refused the event (properties.utm_source): properties.utm_source is invalid: string should be valid utf8',
        },
      ],
    });
  });

  it('ignores duplicate and out-of-range indices, and redacts secrets from the message', () => {
    const body = invalid([{ index: 1, message: 'bad s3cret-value' }, { index: 1 }, { index: 5 }, { index: 1.5 }, { index: '0' }]);
    expect(classifyImport(answer(400), body, 2, context)).toEqual({
      status: 'partial',
      failed: [{ index: 1, retryable: false, status: 400, reason: 'Mixpanel refused the event: bad [REDACTED]' }],
    });
  });

  it('leaves other answers to the generic table', () => {
    expect(classifyImport(answer(400), invalid([]), 2, context)).toBeUndefined();
    expect(classifyImport(answer(400), invalid([{ index: 9 }]), 2, context)).toBeUndefined();
    expect(classifyImport(answer(400), 'not json', 2, context)).toBeUndefined();
    expect(classifyImport(answer(400), 'null', 2, context)).toBeUndefined();
    expect(classifyImport(answer(200), '{"code":200,"num_records_imported":2,"status":"OK"}', 2, context)).toBeUndefined();
    expect(classifyImport(answer(413), invalid([{ index: 0 }]), 2, context)).toBeUndefined();
  });
});
