// Log records from Auth0 events: timestamps, severity from the outcome, attributes, resources per tenant and hostname.
import { batchFromEnvelopes } from '@outflow/core';
import { envelopeAt, sampleBatch } from '@outflow/connector-testkit';
import { describe, expect, it } from 'vitest';
import { isFailure, isoToHrTime, SCOPE, severityOf, toLogRecords, type RecordOptions } from '../src/index.js';
import { GOLDEN_ENVELOPE, goldenBatch, OBSERVED_AT } from './fixtures.js';

const OPTIONS: RecordOptions = { body: 'kvlist', serviceName: 'auth0', resourceAttributes: {}, observedAt: OBSERVED_AT };

describe('isoToHrTime', () => {
  it('keeps milliseconds and finer digits; unknown dates are 0 (OTLP: "unknown")', () => {
    expect(isoToHrTime('2026-01-01T12:00:00.123Z')).toEqual([1767268800, 123_000_000]);
    expect(isoToHrTime('2026-01-01T12:00:00.123456789Z')).toEqual([1767268800, 123_456_789]);
    expect(isoToHrTime('2026-01-01T12:00:00Z')).toEqual([1767268800, 0]);
    expect(isoToHrTime('2026-01-01T13:00:00.5+01:00')).toEqual([1767268800, 500_000_000]);
    expect(isoToHrTime('yesterday')).toEqual([0, 0]);
    expect(isoToHrTime(undefined)).toEqual([0, 0]);
  });
});

describe('severityOf', () => {
  it.each([
    ['s', 'INFO', 9],
    ['ss', 'INFO', 9],
    ['sapi', 'INFO', 9],
    ['seacft', 'INFO', 9],
    ['slo', 'INFO', 9],
    ['flows_execution_completed', 'INFO', 9],
    ['f', 'WARN', 13],
    ['fp', 'WARN', 13],
    ['fu', 'WARN', 13],
    ['fs', 'WARN', 13],
    ['feacft', 'WARN', 13],
    ['gd_auth_failed', 'WARN', 13],
    ['gd_otp_rate_limit_exceed', 'WARN', 13],
    ['api_limit', 'WARN', 13],
    ['limit_wc', 'WARN', 13],
    ['pwd_leak', 'WARN', 13],
    ['fapi', 'ERROR', 17],
    ['actions_execution_failed', 'ERROR', 17],
    ['custom_domain_verification_failed', 'ERROR', 17],
    ['fscim', 'ERROR', 17],
  ])('%s → %s', (type, text, number) => {
    expect(severityOf(type)).toEqual({ text, number });
  });

  it('calls every short f-code a failure, and no success code one', () => {
    expect(['f', 'fco', 'fi', 'fn', 'fv'].every((t) => isFailure(t))).toBe(true);
    expect(['s', 'ss', 'sv', 'sdu', 'w', 'cs', 'seta', 'forms_submission_succeeded'].some((t) => isFailure(t))).toBe(false);
  });
});

describe('toLogRecords', () => {
  it('one record per event, in batch order, with the Auth0 attributes and OTel semantic names', () => {
    const batch = sampleBatch(8);
    const records = toLogRecords(batch, OPTIONS, 'acme');
    expect(records.map((r) => r.attributes['auth0.log_id'])).toEqual(batch.logIds);
    expect(records.map((r) => r.attributes['auth0.type'])).toEqual(batch.types);
    const login = records[0]!;
    expect(login.attributes).toMatchObject({
      'auth0.category': 'auth.login.success',
      'user.id': 'auth0|65a1f0c2e4b0a1b2c3d4e5f6',
      'client.address': '203.0.113.10',
      'user_agent.original': expect.stringMatching(/^Mozilla/),
    });
    expect(login.hrTimeObserved).toEqual([OBSERVED_AT / 1000, 0]);
    expect(login.instrumentationScope).toBe(SCOPE);
    expect(SCOPE.name).toBe('outflow');
    expect(login.body).toEqual(batch.envelopes()[0]);
  });

  it('leaves out attributes the event does not have, and never writes empty strings', () => {
    const [record] = toLogRecords(
      batchFromEnvelopes([{ log_id: 'x1', data: { log_id: 'x1', type: 'fu', date: '2026-01-01T00:00:00Z', user_id: '', ip: 42 as unknown as string } }]),
      OPTIONS,
      'acme',
    );
    expect(record?.attributes).toEqual({ 'auth0.log_id': 'x1', 'auth0.type': 'fu', 'auth0.category': 'auth.login.fail' });
  });

  it('string body: the stored envelope text, byte for byte', () => {
    const batch = goldenBatch();
    const [record] = toLogRecords(batch, { ...OPTIONS, body: 'string' }, 'acme');
    expect(record?.body).toBe(batch.raw(0).toString('utf8'));
  });

  it('shares one resource per tenant and hostname; configured attributes override the connector’s', () => {
    const other = envelopeAt(GOLDEN_ENVELOPE, 2, { hostname: 'login.acme.com', tenant_name: 'acme-prod' });
    const batch = batchFromEnvelopes([GOLDEN_ENVELOPE, envelopeAt(GOLDEN_ENVELOPE, 1), other]);
    const records = toLogRecords(
      batch,
      { ...OPTIONS, serviceName: 'identity', resourceAttributes: { 'deployment.environment.name': 'prod', 'auth0.tenant': 'main' } },
      'acme',
    );
    expect(records[0]!.resource).toBe(records[1]!.resource);
    expect(records[2]!.resource).not.toBe(records[0]!.resource);
    expect(records[0]!.resource.attributes).toEqual({
      'service.name': 'identity',
      'auth0.tenant': 'main',
      'auth0.hostname': 'acme.eu.auth0.com',
      'deployment.environment.name': 'prod',
    });
    const plain = toLogRecords(batchFromEnvelopes([other]), OPTIONS, 'acme')[0]!;
    expect(plain.resource.attributes).toEqual({ 'service.name': 'auth0', 'auth0.tenant': 'acme-prod', 'auth0.hostname': 'login.acme.com' });
  });
});
