// One path from stream to connector: the worker, the test send and the preview hand the connector the same batches.
import { DELIVERY_DEFAULTS, resolveOptions } from '@outflow/delivery';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/index.js';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { ingest } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';

let app: TestApp | undefined;
let rx: Receiver | undefined;
afterEach(async () => {
  await app?.stop();
  await rx?.close();
  app = undefined;
  rx = undefined;
});

type Envelope = { log_id: string; data: Record<string, unknown> };

const at = (i: number) => `2026-01-01T10:00:0${i}.000Z`;
const EVENTS = [
  { date: at(0), type: 's', description: 'in', user_name: 'alice', details: { email: 'alice@example.com' } },
  { date: at(1), type: 'f', description: 'filtered out', user_name: 'bob', email: 'bob@example.com' },
  { date: at(2), type: 's', description: 'in', username: 'carol', email: 'carol@example.com' },
  { date: at(3), type: 'fp', description: 'filtered out', user_name: 'dave' },
  { date: at(4), type: 's', description: 'in', email: 'erin@example.com', nested: [{ user_name: 'erin' }] },
];
const FILTERS = [{ type: 'category', name: 'auth.login.success' }];
const PII = { log_fields: ['username', 'email'], method: 'hash' };

describe('one path from stream to connector', () => {
  it('gives the worker, the test send and the preview the same batches for a stream with filters and PII', async () => {
    rx = await startReceiver();
    app = await startTestApp(baseConfig(''));
    const sink = { httpEndpoint: `${rx.url}/one`, httpContentFormat: 'JSONLINES' };

    const res = await app.api('/api/v2/log-streams/preview', {
      method: 'POST',
      body: JSON.stringify({ type: 'http', sink, events: EVENTS, filters: FILTERS, pii_config: PII }),
    });
    expect(res.status).toBe(200);
    const shown = (await res.json()) as { events: Array<Record<string, unknown>>; requests: Array<{ body: string }> };
    const previewed = shown.requests.flatMap((r) =>
      r.body
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as Envelope),
    );
    expect(previewed.map((e) => e.data.description)).toEqual(['in', 'in', 'in']);
    expect(JSON.stringify(previewed)).not.toMatch(/alice|carol|erin|example\.com/);

    const created = await app.api('/api/v2/log-streams', {
      method: 'POST',
      body: JSON.stringify({ name: 'one', type: 'http', sink, filters: FILTERS, pii_config: PII }),
    });
    expect(created.status).toBe(200);
    const { id } = (await created.json()) as { id: string };
    expect((await ingest(app.url, TOKEN, shown.events)).status).toBe(202);
    await rx.waitFor(() => rx!.uniqueIds().size === 3);
    const delivered = rx.accepted.flatMap((r) => r.envelopes).sort((a, b) => (a.log_id < b.log_id ? -1 : 1));
    expect(delivered).toEqual(previewed);

    // The test send of the first event sends what the worker sent for it, PII applied the same way.
    const sentBefore = rx.requests.length;
    const test = await app.api(`/api/v2/log-streams/${id}/test`, { method: 'POST', body: JSON.stringify({ event: shown.events[0] }) });
    const answer = (await test.json()) as { ok: boolean; event: Record<string, unknown> };
    expect(answer.ok).toBe(true);
    expect(answer.event).toEqual(previewed[0]?.data);
    expect(rx.requests.slice(sentBefore).flatMap((r) => r.envelopes)).toEqual([previewed[0]]);
  });

  it('uses delivery\u2019s defaults for the runner config\u2019s delivery block (concurrency 2)', () => {
    const config = parseConfigText('');
    expect(config.delivery.concurrency).toBe(DELIVERY_DEFAULTS.concurrency);
    expect(config.delivery.concurrency).toBe(2);
    expect(config.retention).toBe(DELIVERY_DEFAULTS.retention);
    // What the runner hands delivery (container.ts) resolves to delivery's defaults, field by field.
    expect(resolveOptions({ ...config.delivery, retention: config.retention })).toEqual(DELIVERY_DEFAULTS);
  });
});
