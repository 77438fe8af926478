// The helper's pieces SDK connectors reuse: the endpoint check, ignored config fields and combined results.
import { configJsonSchema, createEgressGuard, DeliveryError, isConfigError, secret } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkEndpoints, combineResults, withIgnoredFields } from '../src/index.js';

describe('checkEndpoints', () => {
  const guard = createEgressGuard({ allowHttp: false, allowPrivateNetworks: false });
  it('passes allowed and missing URLs and names the field of a refused one', () => {
    expect(() => checkEndpoints({ egress: guard }, { a: 'https://logs.example.com/', b: undefined })).not.toThrow();
    let err: unknown;
    try {
      checkEndpoints({ egress: guard }, { a: 'https://logs.example.com/', awsEndpoint: 'http://127.0.0.1:4566' });
    } catch (e) {
      err = e;
    }
    expect(isConfigError(err)).toBe(true);
    expect(err).toMatchObject({ issues: [{ path: 'awsEndpoint' }] });
  });
});

describe('withIgnoredFields', () => {
  const schema = withIgnoredFields(z.strictObject({ url: z.string(), token: secret('Token.').optional(), retries: z.number().default(1) }), ['timeoutMs']);

  it('parses configs that still carry a dropped field, without it', () => {
    expect(schema.parse({ url: 'u', timeoutMs: 5000 })).toEqual({ url: 'u', retries: 1 });
    expect(schema.parse({ url: 'u' })).toEqual({ url: 'u', retries: 1 });
  });

  it('still refuses other unknown fields and bad values, with their paths', () => {
    expect(schema.safeParse({ url: 'u', other: 1 }).error?.issues).toMatchObject([{ code: 'unrecognized_keys', keys: ['other'] }]);
    expect(schema.safeParse({ url: 1, timeoutMs: 5 }).error?.issues).toMatchObject([{ path: ['url'] }]);
    expect(schema.safeParse(null).success).toBe(false);
  });

  it('leaves the field out of the JSON schema, keeping the others and their marks', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { secret?: boolean }> };
    expect(Object.keys(json.properties)).toEqual(['url', 'token', 'retries']);
    expect(json.properties.token?.secret).toBe(true);
  });
});

describe('combineResults', () => {
  const refused = { status: 'permanent', error: new DeliveryError('invalid', 'Too large.') } as const;

  it("keeps a partial answer's refused events when another request of the batch failed", () => {
    const partial = { status: 'partial', failed: [{ index: 1, retryable: false, reason: 'bad line' }] } as const;
    const result = combineResults([
      { result: partial, indices: [0, 2, 3] },
      { result: refused, indices: [1] },
    ]);
    expect(result.status).toBe('partial');
    const failed = result.status === 'partial' ? result.failed.map((f) => [f.index, f.retryable, f.reason]) : [];
    expect(failed).toEqual([
      [1, false, 'Too large.'],
      [2, false, 'bad line'],
    ]);
  });

  it('maps partial answers to batch indices when nothing failed', () => {
    const partial = { status: 'partial', failed: [{ index: 0, retryable: true, reason: 'later' }] } as const;
    expect(
      combineResults([
        { result: { status: 'success' }, indices: [0] },
        { result: partial, indices: [4, 5] },
      ]),
    ).toEqual({
      status: 'partial',
      failed: [{ index: 4, retryable: true, reason: 'later' }],
    });
  });
});
