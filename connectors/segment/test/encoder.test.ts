// Golden track calls: messageId = log_id, identity, readable event name, timestamp, properties and context.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, eventNameOf, messageIdOf, trackMessage } from '../src/index.js';
import { envelopeAt, GOLDEN, LOG_ID } from './fixtures.js';

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('track encoding', () => {
  it('encodes the golden envelope exactly', () => {
    expect(trackMessage(GOLDEN)).toEqual({
      messageId: LOG_ID,
      userId: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
      event: 'Failed Login (wrong password)',
      timestamp: '2026-01-01T00:00:05.123Z',
      properties: {
        log_id: LOG_ID,
        date: '2026-01-01T00:00:05.123Z',
        type: 'fp',
        description: 'Wrong password',
        connection: 'Username-Password-Authentication',
        client_id: 'AaiyAPdpYdesoKnqjj8HJqRn4T5titww',
        client_name: 'Acme Web',
        ip: '198.51.100.23',
        user_agent: 'Chrome 120.0.0 / Mac OS X 10.15.7',
        user_id: 'auth0|65a1f0c2e4b0a1b2c3d4e5f7',
        user_name: 'bob@example.com',
        details: { error: { message: 'Wrong password.' } },
      },
      context: { ip: '198.51.100.23', userAgent: 'Chrome 120.0.0 / Mac OS X 10.15.7' },
    });
  });

  it('names events from the type code, then the description, then the code', () => {
    expect(EVENT_NAMES.s).toBe('Success Login');
    expect(eventNameOf({ ...GOLDEN.data, type: 's' })).toBe('Success Login');
    expect(eventNameOf({ ...GOLDEN.data, type: 'seacft' })).toBe('Successful Exchange of Authorization Code for Access Token');
    expect(eventNameOf({ ...GOLDEN.data, type: 'brand_new_code', description: 'Something  new\nhappened' })).toBe('Something new happened');
    expect(eventNameOf({ ...GOLDEN.data, type: 'brand_new_code', description: null })).toBe('brand_new_code');
    // Every known code has its own name, so Segment can tell the events apart.
    expect(new Set(Object.values(EVENT_NAMES)).size).toBe(Object.keys(EVENT_NAMES).length);
  });

  it('derives a deterministic anonymousId from the IP, else from the log_id, when there is no user_id', () => {
    const byIp = trackMessage(envelopeAt(1, { user_id: undefined }));
    expect(byIp).toMatchObject({ anonymousId: `auth0-ip-${sha('198.51.100.23').slice(0, 32)}` });
    expect(byIp).not.toHaveProperty('userId');
    expect(trackMessage(envelopeAt(2, { user_id: '' })).anonymousId).toBe(byIp.anonymousId);
    const bare = envelopeAt(3, { user_id: undefined, ip: undefined, user_agent: undefined });
    expect(trackMessage(bare)).toMatchObject({ anonymousId: `auth0-log-${sha(bare.log_id).slice(0, 32)}`, context: {} });
    expect(trackMessage(bare)).toEqual(trackMessage(bare));
  });

  it('keeps messageIds under 100 characters', () => {
    expect(messageIdOf(LOG_ID)).toBe(LOG_ID);
    const long = 'x'.repeat(150);
    expect(messageIdOf(long)).toBe(`sha256-${sha(long)}`);
    expect(messageIdOf(long).length).toBeLessThan(100);
  });

  it('omits timestamp when the event has no date', () => {
    expect(trackMessage(envelopeAt(0, { date: '' }))).not.toHaveProperty('timestamp');
  });
});
