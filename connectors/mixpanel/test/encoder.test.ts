// Golden Mixpanel events: the exact /import body for a fixed event, names, identity, $insert_id, time and ip.
import { createHash } from 'node:crypto';
import { batchFromEnvelopes } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { DISALLOWED_IDS, encodeImport, EVENT_NAMES, eventNameOf, identityOf, insertIdOf, mixpanelEvent, timeOf } from '../src/index.js';
import { envelopeAt, GOLDEN, LOG_ID, parseConfig, PROJECT_ID, SECRET, USERNAME } from './fixtures.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const config = parseConfig({ mixpanelProjectId: PROJECT_ID, mixpanelServiceAccountUsername: USERNAME, mixpanelServiceAccountPassword: SECRET });

const GOLDEN_BODY =
  '[{"event":"Failed Login (wrong password)","properties":{"time":1767225605123,"distinct_id":"auth0|65a1f0c2e4b0a1b2c3d4e5f7",' +
  '"$user_id":"auth0|65a1f0c2e4b0a1b2c3d4e5f7","$insert_id":"eb2f3b07e8fe16ff67930f3f71a1866499da",' +
  '"log_id":"90020260101000005123000000000000000000000000000000000042","date":"2026-01-01T00:00:05.123Z","type":"fp",' +
  '"description":"Wrong password","connection":"Username-Password-Authentication","client_id":"AaiyAPdpYdesoKnqjj8HJqRn4T5titww",' +
  '"client_name":"Acme Web","ip":"198.51.100.23","user_agent":"Chrome 120.0.0 / Mac OS X 10.15.7","user_id":"auth0|65a1f0c2e4b0a1b2c3d4e5f7",' +
  '"user_name":"bob@example.com","details.error.message":"Wrong password."}}]';

describe('the /import request', () => {
  it('encodes the golden event as these exact bytes, to the US host with strict=1 and project_id, gzipped, Basic auth', () => {
    const [request, ...more] = encodeImport(batchFromEnvelopes([GOLDEN]), config);
    expect(more).toHaveLength(0);
    expect(request?.body).toBe(GOLDEN_BODY);
    expect(request).toMatchObject({
      method: 'POST',
      url: `https://api.mixpanel.com/import?strict=1&project_id=${PROJECT_ID}`,
      compress: 'gzip',
      indices: [0],
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Basic ${Buffer.from(`${USERNAME}:${SECRET}`).toString('base64')}`,
        'User-Agent': expect.stringMatching(/^outflow\//),
      },
    });
  });

  it('keeps the batch order, one event per envelope', () => {
    const batch = batchFromEnvelopes([envelopeAt(0), envelopeAt(1, { type: 's' }), envelopeAt(2, { type: 'slo' })]);
    const [request] = encodeImport(batch, config);
    const events = JSON.parse(String(request?.body)) as Array<{ event: string; properties: { log_id: string; $insert_id: string } }>;
    expect(events.map((e) => e.event)).toEqual(['Failed Login (wrong password)', 'Success Login', 'Success Logout']);
    expect(events.map((e) => e.properties.log_id)).toEqual(batch.logIds);
    expect(events.map((e) => e.properties.$insert_id)).toEqual(batch.logIds.map(insertIdOf));
  });
});

describe('event fields', () => {
  it('derives $insert_id as the first 36 hex digits of SHA-256(log_id): Mixpanel-valid and the same on every resend', () => {
    expect(insertIdOf(LOG_ID)).toBe(sha(LOG_ID).slice(0, 36));
    expect(insertIdOf(LOG_ID)).toMatch(/^[a-f0-9]{36}$/);
    expect(insertIdOf(LOG_ID)).toBe(insertIdOf(LOG_ID));
    expect(insertIdOf(`${LOG_ID}1`)).not.toBe(insertIdOf(LOG_ID));
    expect(insertIdOf('')).toHaveLength(36);
  });

  it('names events from the type code, then the description, then the code', () => {
    expect(Object.keys(EVENT_NAMES)).toHaveLength(182);
    expect(eventNameOf({ ...GOLDEN.data, type: 's' })).toBe('Success Login');
    expect(eventNameOf({ ...GOLDEN.data, type: 'brand_new_code', description: 'Something  new\nhappened' })).toBe('Something new happened');
    expect(eventNameOf({ ...GOLDEN.data, type: 'brand_new_code', description: null })).toBe('brand_new_code');
    expect(Buffer.byteLength(eventNameOf({ ...GOLDEN.data, type: 'x', description: 'é'.repeat(300) }))).toBeLessThanOrEqual(255);
  });

  it('sends time in milliseconds from the date, and no time when the date does not parse', () => {
    expect(timeOf(GOLDEN.data)).toBe(Date.UTC(2026, 0, 1, 0, 0, 5, 123));
    expect(mixpanelEvent(GOLDEN).properties.time).toBe(1767225605123);
    expect(timeOf({ ...GOLDEN.data, date: 'yesterday' })).toBeUndefined();
    expect(mixpanelEvent(envelopeAt(0, { date: 'yesterday' })).properties).not.toHaveProperty('time');
  });

  it('uses user_id as distinct_id and $user_id', () => {
    expect(identityOf(GOLDEN)).toEqual({ distinct_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7', $user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7' });
  });

  it('gives anonymous events a deterministic $device_id from the ip, else the client, else the log_id', () => {
    const byIp = identityOf(envelopeAt(1, { user_id: undefined }));
    const device = `auth0-ip-${sha('198.51.100.23').slice(0, 32)}`;
    expect(byIp).toEqual({ distinct_id: `$device:${device}`, $device_id: device });
    expect(identityOf(envelopeAt(2, { user_id: '' }))).toEqual(byIp);
    const client = `auth0-client-${sha('AaiyAPdpYdesoKnqjj8HJqRn4T5titww').slice(0, 32)}`;
    expect(identityOf(envelopeAt(3, { user_id: undefined, ip: '' }))).toEqual({ distinct_id: `$device:${client}`, $device_id: client });
    const bare = envelopeAt(4, { user_id: undefined, ip: undefined, client_id: undefined });
    expect(identityOf(bare).$device_id).toBe(`auth0-log-${sha(bare.log_id).slice(0, 32)}`);
  });

  it('treats a user_id Mixpanel would refuse as absent', () => {
    expect(DISALLOWED_IDS.size).toBe(17);
    for (const bad of ['null', 'undefined', 'Unknown', '0', '-1', '{}'])
      expect(identityOf(envelopeAt(1, { user_id: bad })).distinct_id).toMatch(/^\$device:auth0-ip-/);
  });

  it('turns geolocation off with ip 0 when the event has no ip (Mixpanel would locate the Outflow server)', () => {
    expect(mixpanelEvent(envelopeAt(0, { ip: undefined })).properties.ip).toBe(0);
    expect(mixpanelEvent(GOLDEN).properties.ip).toBe('198.51.100.23');
  });

  it('keeps the reserved properties when the event has fields of the same names', () => {
    const { properties } = mixpanelEvent(envelopeAt(0, { time: 'noon', distinct_id: 'x', $insert_id: 'y' }));
    expect(properties.time).toBe(Date.UTC(2026, 0, 1));
    expect(properties.distinct_id).toBe('auth0|65a1f0c2e4b0a1b2c3d4e5f7');
    expect(properties.$insert_id).toMatch(/^[a-f0-9]{36}$/);
  });
});
