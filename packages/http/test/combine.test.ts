// combineResults: a batch's several request results as one, partial answers kept next to failed requests.
import { DeliveryError } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { combineResults } from '../src/index.js';

const down = { status: 'retryable', error: new DeliveryError('transient', 'down', { status: 503 }) } as const;

describe('combineResults', () => {
  it('keeps the events a partially accepted request refused when another request failed', () => {
    const result = combineResults([
      { result: { status: 'partial', failed: [{ index: 1, retryable: false, reason: 'refused', status: 400 }] }, indices: [10, 11, 12] },
      { result: down, indices: [13, 14] },
    ]);
    expect(result).toEqual({
      status: 'partial',
      failed: [
        { index: 13, retryable: true, reason: 'down', status: 503 },
        { index: 14, retryable: true, reason: 'down', status: 503 },
        { index: 11, retryable: false, reason: 'refused', status: 400 },
      ],
    });
  });

  it('maps partial answers to batch indices when no request failed', () => {
    expect(
      combineResults([
        { result: { status: 'success' }, indices: [0, 1] },
        { result: { status: 'partial', failed: [{ index: 0, retryable: false, reason: 'refused' }] }, indices: [2, 3] },
      ]),
    ).toEqual({ status: 'partial', failed: [{ index: 2, retryable: false, reason: 'refused' }] });
  });
});
