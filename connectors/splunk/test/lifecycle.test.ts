// Healthcheck (GET /health, then an empty /event POST that writes nothing), previews, close.
import type { Connector } from '@outflow/core';
import { eventually, sampleBatch } from '@outflow/connector-testkit';
import { startSplunkFake, type SplunkFake } from '@outflow/connector-testkit/fakes/splunk';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, never, TOKEN } from './fixtures.js';

let fake: SplunkFake;
let conn: Connector | undefined;
beforeEach(async () => {
  fake = await startSplunkFake();
});
afterEach(async () => {
  await conn?.close();
  conn = undefined;
  await fake.close();
});

describe('healthcheck', () => {
  it('checks /health and the token with an empty POST, writing no events', async () => {
    conn = connect(fake.url);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: true, message: expect.stringMatching(/HTTP 400/) });
    expect(fake.requests.map((r) => `${r.method} ${r.path} ${r.rawBody.length}`)).toEqual([
      'GET /services/collector/health 0',
      'POST /services/collector/event 0',
    ]);
    expect(fake.requests.every((r) => r.headers.authorization === `Splunk ${TOKEN}`)).toBe(true);
    expect(fake.events()).toHaveLength(0);
  });

  it('fails with auth for a token Splunk refuses, and for a 401 from /health', async () => {
    conn = connect(fake.url, { splunkToken: 'wrong-token' });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth', details: { status: 403, vendorCode: '4' } } });
    fake.enqueue({ status: 401, body: { text: 'Token is required', code: 2 } });
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'auth', details: { status: 401 } } });
  });

  it('fails when HEC is unhealthy (503 code 18) or unreachable', async () => {
    conn = connect(fake.url);
    fake.setHealthy(false);
    expect(await conn.healthcheck(never())).toMatchObject({ ok: false, error: { kind: 'transient', details: { status: 503, vendorCode: '18' } } });
    expect(fake.eventRequests()).toHaveLength(0);
    await fake.close();
    expect((await conn.healthcheck(never())).ok).toBe(false);
  });
});

describe('preview', () => {
  it('shows the exact request with the token masked, and sends nothing', async () => {
    conn = connect(fake.url, { splunkCompression: 'gzip', splunkChannel: '0aeeac95-ac74-4aa9-b30d-6c4c0ac581ba' });
    const batch = sampleBatch(3);
    const preview = conn.preview!(batch);
    expect(fake.requests).toHaveLength(0);
    const req = preview.requests[0]!;
    expect(req).toMatchObject({ method: 'POST', url: `${fake.url}/services/collector/event` });
    expect(req.headers).toMatchObject({
      Authorization: '[REDACTED]',
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
      'X-Splunk-Request-Channel': '0aeeac95-ac74-4aa9-b30d-6c4c0ac581ba',
    });
    expect(JSON.stringify(preview)).not.toContain(TOKEN);
    expect(await conn.send(batch, never())).toEqual({ status: 'success' });
    expect(fake.requests[0]!.text()).toBe(req.body);
    expect(conn.preview!(sampleBatch(0)).requests).toEqual([]);
  });
});

describe('close', () => {
  it('is safe twice; later sends fail without requests; sockets are released', async () => {
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

  it('waits for a send in flight, acknowledgement included', async () => {
    await fake.close();
    fake = await startSplunkFake({ ack: true, ackAfterPolls: 1 });
    conn = connect(fake.url, { splunkAck: true });
    const pending = conn.send(sampleBatch(1), never());
    await new Promise((r) => setTimeout(r, 20));
    await conn.close();
    expect(await pending).toEqual({ status: 'success' });
    expect(fake.ackRequests()).toHaveLength(2);
  });
});
