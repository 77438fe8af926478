// Healthcheck by GET /api/v1/validate, previews with the key masked, and close semantics.
import type { Connector } from '@outflow/core';
import { eventually, sampleBatch } from '@outflow/connector-testkit';
import { startDatadogFake, type DatadogFake } from '@outflow/connector-testkit/fakes/datadog';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { API_KEY, connect, never } from './fixtures.js';

let fake: DatadogFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startDatadogFake();
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await fake.close();
});

describe('healthcheck', () => {
  it('validates the key with GET /api/v1/validate and writes no logs', async () => {
    conn = connect(fake.url);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true });
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/api/v1/validate' });
    expect(fake.requests[0]!.headers['dd-api-key']).toBe(API_KEY);
    expect(fake.intakeRequests()).toHaveLength(0);
  });

  it('fails with auth for a key Datadog refuses (403) and for a 401', async () => {
    conn = connect(fake.url, { datadogApiKey: 'wrong-key-0000000000' });
    const health = await conn.healthcheck(never());
    expect(health).toMatchObject({ ok: false, error: { kind: 'auth', details: { status: 403 } } });
    fake.enqueue({ status: 401, body: { errors: ['Unauthorized'] } });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth', details: { status: 401 } } });
  });

  it('fails on 503, on 404 (no API at this URL) and when nothing listens', async () => {
    conn = connect(fake.url);
    fake.enqueue({ status: 503 });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'transient' } });
    fake.enqueue({ status: 404 });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'config', details: { status: 404 } } });
    await fake.close();
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { details: { vendorCode: expect.stringMatching(/^ECONN(REFUSED|RESET)$/) } } });
  });
});

describe('preview', () => {
  it('shows the exact request with DD-API-KEY masked, and sends nothing', async () => {
    conn = connect(fake.url, { datadogTags: ['env:prod'] });
    const batch = sampleBatch(3);
    const preview = conn.preview!(batch);
    expect(fake.requests).toHaveLength(0);
    expect(preview.requests).toHaveLength(1);
    const req = preview.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', url: `${fake.url}/api/v2/logs` });
    expect(req.headers).toMatchObject({ 'DD-API-KEY': '[REDACTED]', 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    expect(JSON.stringify(preview)).not.toContain(API_KEY);
    // What the preview shows is what goes on the wire.
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(fake.requests[0]!.text()).toBe(req.body);
    expect(conn.preview!(sampleBatch(0)).requests).toEqual([]);
  });
});

describe('close', () => {
  it('is safe twice; later sends and healthchecks fail without requests; sockets are released', async () => {
    conn = connect(fake.url);
    expect((await conn.send(sampleBatch(1), never())).status).toBe('success');
    await conn.close();
    await conn.close();
    expect(await conn.send(sampleBatch(1), never())).toMatchObject({ status: 'permanent', error: { kind: 'config', message: 'The connector is closed.' } });
    expect((await conn.healthcheck(never())).ok).toBe(false);
    expect(fake.requests).toHaveLength(1);
    // Closing ends the kept-alive sockets; the server sees them go shortly after.
    await eventually(() => fake.openConnections() === 0, 5000, 'A socket stayed open after close().');
    expect(fake.openConnections()).toBe(0);
  });

  it('waits for a request in flight', async () => {
    conn = connect(fake.url);
    await conn.send(sampleBatch(1), never());
    fake.enqueue({ status: 202, body: {}, delayMs: 100 });
    const pending = conn.send(sampleBatch(1), never());
    await new Promise((r) => setTimeout(r, 20));
    await conn.close();
    expect(await pending).toEqual({ status: 'success' });
  });
});
