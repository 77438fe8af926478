// The helper's pieces SDK connectors reuse: in-flight tracking with a bounded close, the endpoint check, ignored config fields.
import { configJsonSchema, createEgressGuard, isConfigError, secret } from '@outflow/core';
import { createManualClock } from '@outflow/core/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkEndpoints, CLOSE_WAIT_MS, trackInFlight, withIgnoredFields } from '../src/index.js';

describe('trackInFlight', () => {
  it('closes after the work in flight, releases once and stays closed', async () => {
    const inFlight = trackInFlight(createManualClock());
    let finish!: () => void;
    const work = inFlight.track(new Promise<void>((r) => (finish = r)));
    let released = 0;
    let closed = false;
    const closing = inFlight.close(() => void released++).then(() => (closed = true));
    expect(inFlight.closed).toBe(true);
    await new Promise((r) => setImmediate(r));
    expect([closed, released]).toEqual([false, 0]);
    finish();
    await work;
    await closing;
    expect([closed, released]).toEqual([true, 1]);
    await inFlight.close(() => void released++);
    expect(released).toBe(1);
    expect(inFlight.signal.aborted).toBe(false);
  });

  it('aborts its signal when the work outlives the bound, then releases', async () => {
    const clock = createManualClock();
    const inFlight = trackInFlight(clock);
    const work = inFlight.track(new Promise<void>((_, reject) => inFlight.signal.addEventListener('abort', () => reject(new Error('aborted')))));
    let released = false;
    const closing = inFlight.close(() => void (released = true));
    await clock.advance(CLOSE_WAIT_MS - 1);
    expect([inFlight.signal.aborted, released]).toEqual([false, false]);
    await clock.advance(1);
    await expect(work).rejects.toThrow('aborted');
    await closing;
    expect(released).toBe(true);
    expect(clock.pending()).toBe(0);
  });

  it('runs work with a signal linked to the caller and to the close bound, unlinked afterwards', async () => {
    const clock = createManualClock();
    const inFlight = trackInFlight(clock);
    const caller = new AbortController();
    let seen: AbortSignal | undefined;
    expect(await inFlight.run(caller.signal, async (s) => ((seen = s), 'done'))).toBe('done');
    caller.abort();
    expect(seen?.aborted).toBe(false);
    const other = new AbortController();
    const aborted = inFlight.run(other.signal, (s) => new Promise((_, reject) => s.addEventListener('abort', () => reject(s.reason))));
    other.abort(new Error('attempt over'));
    await expect(aborted).rejects.toThrow('attempt over');
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.name);
    process.on('warning', onWarning);
    const many = Array.from({ length: 20 }, () => inFlight.run(new AbortController().signal, (s) => new Promise<void>((resolve) => s.addEventListener('abort', () => resolve()))));
    const stuck = inFlight.run(new AbortController().signal, (s) => new Promise((_, reject) => s.addEventListener('abort', () => reject(new Error('closed')))));
    const closing = inFlight.close(() => {});
    await clock.advance(CLOSE_WAIT_MS);
    await expect(stuck).rejects.toThrow('closed');
    await Promise.all(many);
    await closing;
    await new Promise((r) => setImmediate(r));
    process.off('warning', onWarning);
    // Twenty requests in flight listen to the close signal: no listener-leak warning.
    expect(warnings).not.toContain('MaxListenersExceededWarning');
  });
});

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
