// End to end: events ingested into the runner reach a fake Segment as track calls with messageId = log_id.
import { describe, expect, it } from 'vitest';
import { startSegmentFake } from '@outflow/connector-testkit/fakes/segment';
import { baseConfig, TOKEN } from './support/app.js';
import { useTestApp } from './support/use-test-app.js';
import { eventually } from './support/wait.js';
import { ingestMany, makeEvent } from './support/events.js';

const WRITE_KEY = 'e2e-segment-write-key-0123456789';

const t = useTestApp();

describe('segment connector end to end', () => {
  it('delivers every ingested event as a track call keyed by its log_id', async () => {
    const fake = t.closeAfter(await startSegmentFake({ writeKey: WRITE_KEY }));
    const stream = `  - { name: segment, type: segment, tenant: acme, sink: { segmentWriteKey: "${WRITE_KEY}", segmentHost: "${fake.url}" } }\n`;
    const app = await t.start(baseConfig(stream));
    const events: Array<Record<string, unknown>> = [];
    const ids = await ingestMany(app.url, TOKEN, 250, 250, () => {
      const event = makeEvent();
      events.push(event);
      return event;
    });

    await eventually(() => fake.uniqueMessageIds().size >= 250);
    expect(fake.uniqueMessageIds()).toEqual(new Set(ids));
    const byId = new Map(fake.messages().map((m) => [m.messageId, m]));
    for (const event of events) {
      const message = byId.get(event.log_id as string);
      expect(message).toMatchObject({
        type: 'track',
        userId: event.user_id,
        timestamp: event.date,
        properties: { log_id: event.log_id, type: event.type, user_name: event.user_name },
      });
      expect(typeof message?.event).toBe('string');
    }
    expect(byId.get(events.find((e) => e.type === 's')?.log_id as string)?.event).toBe('Success Login');
    // At most 100 events per request.
    const sizes = fake.requests.filter((r) => r.path === '/v1/batch').map((r) => r.json<{ batch: unknown[] }>().batch.length);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(100);
  }, 60_000);
});
