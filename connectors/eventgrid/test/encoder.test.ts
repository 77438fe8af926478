// Golden events: the exact JSON of the golden envelope in both schemas, the SDK's bytes equal the preview's, packing within 1 MB.
import { batchFromEnvelopes } from '@outflow/core';
import { startEventgridFake, type EventgridFake } from '@outflow/connector-testkit/fakes/eventgrid';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyOf, buildEvents, MAX_EVENT_BYTES, NO_USER_SUBJECT, planRequests, type PlannedEvent } from '../src/index.js';
import { connect, GOLDEN, makeBatch, never } from './fixtures.js';

const LOG_ID = GOLDEN.log_id;
const DATA = JSON.stringify(GOLDEN.data);
const cloud = { schema: 'cloudEvents' as const, source: 'urn:auth0:acme', typePrefix: 'com.auth0.log.', dataVersion: '1.0' };
const grid = { ...cloud, schema: 'eventGrid' as const, typePrefix: 'Auth0.Log.' };

const GOLDEN_CLOUD_EVENT =
  `{"id":"${LOG_ID}","source":"urn:auth0:acme","data":${DATA},"type":"com.auth0.log.fp","time":"2026-01-01T00:00:05.123Z",` +
  `"specversion":"1.0","datacontenttype":"application/json","subject":"auth0|65a1f0c2e4b0a1b2c3d4e5f7"}`;
const GOLDEN_GRID_EVENT = `{"id":"${LOG_ID}","subject":"auth0|65a1f0c2e4b0a1b2c3d4e5f7","data":${DATA},"eventType":"Auth0.Log.fp","eventTime":"2026-01-01T00:00:05.123Z","dataVersion":"1.0"}`;

let fake: EventgridFake | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('Event Grid events', () => {
  it('encodes the golden envelope as a CloudEvent exactly', () => {
    const [event] = buildEvents(batchFromEnvelopes([GOLDEN]), cloud);
    expect(event?.wire).toBe(GOLDEN_CLOUD_EVENT);
    expect(event?.size).toBe(Buffer.byteLength(GOLDEN_CLOUD_EVENT));
    expect(event?.input).toEqual({
      id: LOG_ID,
      source: 'urn:auth0:acme',
      type: 'com.auth0.log.fp',
      time: new Date('2026-01-01T00:00:05.123Z'),
      subject: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
      datacontenttype: 'application/json',
      data: GOLDEN.data,
    });
  });

  it('encodes the golden envelope as an Event Grid schema event exactly', () => {
    const [event] = buildEvents(batchFromEnvelopes([GOLDEN]), grid);
    expect(event?.wire).toBe(GOLDEN_GRID_EVENT);
    expect(bodyOf(event ? [event, event] : [])).toBe(`[${GOLDEN_GRID_EVENT},${GOLDEN_GRID_EVENT}]`);
  });

  it('leaves out subject and time it cannot fill, except the subject the Event Grid schema requires', () => {
    const batch = makeBatch(1, { user_id: undefined, date: 'yesterday' });
    const [ce] = buildEvents(batch, cloud);
    expect(ce?.input).not.toHaveProperty('subject');
    expect(ce?.input).not.toHaveProperty('time');
    expect(ce?.size).toBe(Buffer.byteLength(ce?.wire ?? '') + 40); // room for the time the SDK stamps
    const [eg] = buildEvents(batch, grid);
    expect(eg?.input).toMatchObject({ subject: NO_USER_SUBJECT });
    expect(eg?.input).not.toHaveProperty('eventTime');
  });

  for (const schema of ['cloudEvents', 'eventGrid'] as const) {
    it(`sends through the SDK exactly the bytes the preview shows (${schema})`, async () => {
      fake = await startEventgridFake({ schema });
      const connector = connect(fake.url, { schema });
      const batch = makeBatch(3);
      expect(await connector.send(batch, never())).toEqual({ status: 'success' });
      const preview = connector.preview?.(batch);
      await connector.close();
      const [req] = fake.publishRequests();
      expect(req?.text()).toBe(preview?.requests[0]?.body);
      expect(req?.text()).toBe(bodyOf(buildEvents(batch, schema === 'cloudEvents' ? cloud : grid)));
      expect(fake.events().map((e) => e.id)).toEqual(batch.logIds);
    });
  }
});

describe('packing into requests', () => {
  const sized = (sizes: number[]): PlannedEvent[] => sizes.map((size, index) => ({ index, size, wire: 'x'.repeat(size), input: {} as PlannedEvent['input'] }));

  it('keeps a batch within 1 MB in one request', () => {
    const { requests, oversized } = planRequests(buildEvents(makeBatch(50), cloud));
    expect(requests.map((r) => r.length)).toEqual([50]);
    expect(oversized).toEqual([]);
  });

  it('splits by size, counting brackets and commas, and sets apart events that can never fit', () => {
    const { requests, oversized } = planRequests(sized([40, 40, 40, 200, 17]), 100);
    // [40,40] is 2+40+1+40 = 83; a third would be 124. 17 joins the third request: 2+40+1+17 = 60.
    expect(requests.map((r) => r.map((e) => e.index))).toEqual([
      [0, 1],
      [2, 4],
    ]);
    expect(oversized.map((e) => e.index)).toEqual([3]);
  });

  it("refuses an event over Event Grid's 1 MB event limit", () => {
    const { requests, oversized } = planRequests(sized([10, MAX_EVENT_BYTES + 1]), 4 * MAX_EVENT_BYTES);
    expect(requests.flat().map((e) => e.index)).toEqual([0]);
    expect(oversized.map((e) => e.index)).toEqual([1]);
  });

  it('puts at most 5,000 events in one request', () => {
    const { requests } = planRequests(sized(Array.from({ length: 5001 }, () => 10)));
    expect(requests.map((r) => r.length)).toEqual([5000, 1]);
  });
});
