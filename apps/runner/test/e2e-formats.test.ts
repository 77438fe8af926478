// End to end: 20,000 events ingested reach a real receiver, in each of the three content formats.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, type TestApp } from './support/app.js';
import { ingestMany } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';

describe('delivery in every content format', () => {
  let lines: Receiver;
  let array: Receiver;
  let object: Receiver;
  let app: TestApp;

  beforeAll(async () => {
    [lines, array, object] = await Promise.all([startReceiver(), startReceiver(), startReceiver()]);
    const stream = (name: string, url: string, format: string) =>
      `  - { name: ${name}, type: http, tenant: acme, sink: { httpEndpoint: "${url}/in", httpContentFormat: ${format}, httpAuthorization: "Bearer sink-secret" } }\n`;
    app = await startTestApp(
      baseConfig(stream('lines', lines.url, 'JSONLINES') + stream('array', array.url, 'JSONARRAY') + stream('object', object.url, 'JSONOBJECT')),
    );
  });
  afterAll(async () => {
    await app?.stop();
    await Promise.all([lines, array, object].map((r) => r?.close()));
  });

  it('delivers all 20,000 events to each stream, counted by log_id', async () => {
    const ids = await ingestMany(app.url, 'test-token-123', 20_000);
    for (const r of [lines, array, object]) await r.waitFor(() => r.uniqueIds().size >= 20_000, 120_000);
    for (const r of [lines, array, object]) {
      expect(r.uniqueIds()).toEqual(new Set(ids));
      expect(r.requests.every((q) => q.headers.authorization === 'Bearer sink-secret')).toBe(true);
    }
    expect(lines.requests[0]?.headers['content-type']).toMatch(/ndjson/);
    expect(lines.accepted.length).toBeLessThan(200);
    expect(array.requests[0]?.body.startsWith('[')).toBe(true);
    expect(object.accepted.length).toBe(20_000);
    expect(object.accepted.every((q) => q.envelopes.length === 1)).toBe(true);
    const sample = lines.accepted[0]?.envelopes[0];
    expect(sample?.data.log_id).toBe(sample?.log_id);
  }, 180_000);
});
