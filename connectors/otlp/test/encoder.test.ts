// Golden requests: the exact OTLP protobuf bytes and JSON text for a fixed event, checked against an independent decoder.
import { batchFromEnvelopes } from '@outflow/core';
import { envelopeAt } from '@outflow/connector-testkit';
import { decodeOtlpRequest, otlpRecordsOf, type OtlpReceivedRecord } from '@outflow/connector-testkit/fakes/otlp';
import type { RecordedRequest } from '@outflow/connector-testkit';
import { describe, expect, it } from 'vitest';
import { CONTENT_TYPES, serializeLogs, toLogRecords, type OtlpEncoding, type RecordOptions } from '../src/index.js';
import { GOLDEN_ENVELOPE, goldenBatch, OBSERVED_AT } from './fixtures.js';

/** A fixed scope version, so the golden bytes do not change with the package version. */
const FIXED_SCOPE = { name: 'outflow', version: '1.2.3' };
const OPTIONS: RecordOptions = { body: 'kvlist', serviceName: 'auth0', resourceAttributes: {}, observedAt: OBSERVED_AT };

function golden(encoding: OtlpEncoding, options: Partial<RecordOptions> = {}, batch = goldenBatch()): Buffer {
  const records = toLogRecords(batch, { ...OPTIONS, ...options }, 'acme').map((r) => ({ ...r, instrumentationScope: FIXED_SCOPE }));
  return serializeLogs(records, encoding);
}

/** What the fake receiver decodes from a body (protobufjs with the opentelemetry-proto messages, or JSON.parse). */
const decode = (body: Buffer, encoding: OtlpEncoding): OtlpReceivedRecord[] =>
  decodeOtlpRequest({ headers: { 'content-type': CONTENT_TYPES[encoding] }, body, text: () => body.toString('utf8') } as unknown as RecordedRequest);

const kv = (key: string, value: unknown) => ({ key, value: { stringValue: value } });

/** The golden event as an OTLP/JSON ExportLogsServiceRequest, key order included. */
const GOLDEN_JSON = {
  resourceLogs: [
    {
      resource: { attributes: [kv('service.name', 'auth0'), kv('auth0.tenant', 'acme'), kv('auth0.hostname', 'acme.eu.auth0.com')], droppedAttributesCount: 0 },
      scopeLogs: [
        {
          scope: FIXED_SCOPE,
          logRecords: [
            {
              timeUnixNano: '1767268800123000000',
              observedTimeUnixNano: '1767225600000000000',
              severityNumber: 13,
              severityText: 'WARN',
              body: {
                kvlistValue: {
                  values: [
                    kv('log_id', GOLDEN_ENVELOPE.log_id),
                    {
                      key: 'data',
                      value: {
                        kvlistValue: {
                          values: [
                            kv('date', '2026-01-01T12:00:00.123Z'),
                            kv('type', 'f'),
                            kv('description', 'Wrong email or password.'),
                            kv('hostname', 'acme.eu.auth0.com'),
                            kv('ip', '203.0.113.7'),
                            kv('user_name', 'ada@example.com'),
                            {
                              key: 'details',
                              value: {
                                kvlistValue: { values: [{ key: 'error', value: { kvlistValue: { values: [kv('message', 'Wrong email or password.')] } } }] },
                              },
                            },
                            kv('log_id', GOLDEN_ENVELOPE.log_id),
                          ],
                        },
                      },
                    },
                  ],
                },
              },
              attributes: [
                kv('auth0.log_id', GOLDEN_ENVELOPE.log_id),
                kv('auth0.type', 'f'),
                kv('auth0.category', 'auth.login.fail'),
                kv('auth0.description', 'Wrong email or password.'),
                kv('user.name', 'ada@example.com'),
                kv('client.address', '203.0.113.7'),
              ],
              droppedAttributesCount: 0,
            },
          ],
        },
      ],
    },
  ],
};

/** The same event in protobuf with a string body and one configured resource attribute (hex of the exact bytes). */
const GOLDEN_PROTOBUF_HEX = [
  '0aa7060a81010a170a0c736572766963652e6e616d6512070a0561757468300a160a0c61757468302e74656e616e7412060a0461636d650a250a0e6175746830',
  '2e686f73746e616d6512130a1161636d652e65752e61757468302e636f6d0a250a1b6465706c6f796d656e742e656e7669726f6e6d656e742e6e616d6512060a',
  '0470726f64100012a0050a100a076f7574666c6f771205312e322e33128b0509c054f63d9c998618100d1a045741524e2af6020af3027b226c6f675f6964223a',
  '223930303230323630313031313230303030313233303030303030303030303031303030303030303030303030303030303030303030303432222c2264617461',
  '223a7b2264617465223a22323032362d30312d30315431323a30303a30302e3132335a222c2274797065223a2266222c226465736372697074696f6e223a2257',
  '726f6e6720656d61696c206f722070617373776f72642e222c22686f73746e616d65223a2261636d652e65752e61757468302e636f6d222c226970223a223230',
  '332e302e3131332e37222c22757365725f6e616d65223a22616461406578616d706c652e636f6d222c2264657461696c73223a7b226572726f72223a7b226d65',
  '7373616765223a2257726f6e6720656d61696c206f722070617373776f72642e227d7d2c226c6f675f6964223a22393030323032363031303131323030303031',
  '3233303030303030303030303031303030303030303030303030303030303030303030303432227d7d324a0a0c61757468302e6c6f675f6964123a0a38393030',
  '323032363031303131323030303031323330303030303030303030303130303030303030303030303030303030303030303030343232110a0a61757468302e74',
  '79706512030a016632230a0e61757468302e63617465676f727912110a0f617574682e6c6f67696e2e6661696c322f0a1161757468302e646573637269707469',
  '6f6e121a0a1857726f6e6720656d61696c206f722070617373776f72642e321e0a09757365722e6e616d6512110a0f616461406578616d706c652e636f6d321f',
  '0a0e636c69656e742e61646472657373120d0a0b3230332e302e3131332e373800590000faed51728618',
].join('');

describe('golden requests', () => {
  it('JSON: the exact OTLP/JSON text (string timestamps, kvlist body, attributes in order)', () => {
    expect(golden('json').toString('utf8')).toBe(JSON.stringify(GOLDEN_JSON));
  });

  it('protobuf: the exact bytes, a string body and a configured resource attribute', () => {
    const body = golden('protobuf', { body: 'string', resourceAttributes: { 'deployment.environment.name': 'prod' } });
    expect(body.toString('hex')).toBe(GOLDEN_PROTOBUF_HEX);
    const [record] = decode(body, 'protobuf');
    expect(record?.body).toBe(JSON.stringify(GOLDEN_ENVELOPE));
    expect(record?.resource).toEqual({
      'service.name': 'auth0',
      'auth0.tenant': 'acme',
      'auth0.hostname': 'acme.eu.auth0.com',
      'deployment.environment.name': 'prod',
    });
  });

  it('protobuf and JSON decode to the same records (nanosecond timestamps exact, nested maps, numbers)', () => {
    const batch = batchFromEnvelopes([
      GOLDEN_ENVELOPE,
      envelopeAt(GOLDEN_ENVELOPE, 7, { type: 'sapi', details: { statusCode: 200, ratio: 0.5, ok: true, list: [1, 'a'], none: null } }),
    ]);
    const fromProtobuf = decode(golden('protobuf', {}, batch), 'protobuf');
    const fromJson = decode(golden('json', {}, batch), 'json');
    expect(fromProtobuf).toEqual(fromJson);
    expect(fromProtobuf.map((r) => r.timeUnixNano)).toEqual(['1767268800123000000', '1767225607000000000']);
    expect((fromProtobuf[1]?.body as { data: { details: unknown } }).data.details).toEqual({
      statusCode: 200,
      ratio: 0.5,
      ok: true,
      list: [1, 'a'],
      none: null,
    });
  });

  it('an empty request is valid in both encodings (the healthcheck sends it)', () => {
    expect(serializeLogs([], 'protobuf').length).toBe(0);
    expect(serializeLogs([], 'json').toString()).toBe('{"resourceLogs":[]}');
    expect(otlpRecordsOf(JSON.parse('{"resourceLogs":[]}'))).toEqual([]);
  });
});
