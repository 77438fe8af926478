// The fake OTLP receiver: content types, gzip, required headers, decoding both encodings, verdicts and answers in kind.
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ExportLogsServiceRequest, ExportLogsServiceResponse, RpcStatus } from '../src/fakes/otlp-proto.js';
import { startOtlpFake, type OtlpFake } from '../src/fakes/otlp.js';

let fake: OtlpFake;
afterEach(() => fake?.close());

const KEY = 'hc_key_0123456789';

/** An OTLP/JSON request with one resource and the given records (attributes as string key-values). */
const request = (records: Array<Record<string, string>>) => ({
  resourceLogs: [
    {
      resource: { attributes: [{ key: 'service.name', value: { stringValue: 'auth0' } }] },
      scopeLogs: [
        {
          scope: { name: 'outflow', version: '1.0.0' },
          logRecords: records.map((attrs, i) => ({
            timeUnixNano: `17672688001230000${String(i).padStart(2, '0')}`,
            observedTimeUnixNano: '1767225600000000000',
            severityNumber: 9,
            severityText: 'INFO',
            body: { kvlistValue: { values: [{ key: 'n', value: { intValue: String(i) } }] } },
            attributes: Object.entries(attrs).map(([key, v]) => ({ key, value: { stringValue: v } })),
          })),
        },
      ],
    },
  ],
});

const protobufBody = (json: object) => Buffer.from(ExportLogsServiceRequest.encode(ExportLogsServiceRequest.fromObject(json)).finish());

async function post(body: Buffer | string, headers: Record<string, string>, path = '/v1/logs') {
  const res = await fetch(`${fake.url}${path}`, { method: 'POST', headers, body });
  return { status: res.status, type: res.headers.get('content-type'), body: Buffer.from(await res.arrayBuffer()) };
}

describe('startOtlpFake', () => {
  it('decodes a gzipped protobuf request exactly (64-bit timestamps, kvlist bodies) and answers an empty protobuf response', async () => {
    fake = await startOtlpFake({ requiredHeaders: { 'x-honeycomb-team': KEY } });
    const body = gzipSync(protobufBody(request([{ 'auth0.log_id': 'a' }, { 'auth0.log_id': 'b' }])));
    const res = await post(body, { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip', 'x-honeycomb-team': KEY });
    expect(res).toMatchObject({ status: 200, type: 'application/x-protobuf' });
    expect(ExportLogsServiceResponse.toObject(ExportLogsServiceResponse.decode(res.body))).toEqual({});
    expect(fake.records()).toEqual([
      {
        timeUnixNano: '1767268800123000000',
        observedTimeUnixNano: '1767225600000000000',
        severityNumber: 9,
        severityText: 'INFO',
        body: { n: 0 },
        attributes: { 'auth0.log_id': 'a' },
        resource: { 'service.name': 'auth0' },
        scope: { name: 'outflow', version: '1.0.0' },
      },
      expect.objectContaining({ timeUnixNano: '1767268800123000001', body: { n: 1 }, attributes: { 'auth0.log_id': 'b' } }),
    ]);
  });

  it('decodes JSON and answers partialSuccess in JSON for rejected records', async () => {
    fake = await startOtlpFake({ verdict: (r) => (r.attributes.bad ? 'reject' : 'accept') });
    const res = await post(JSON.stringify(request([{ ok: '1' }, { bad: '1' }, { bad: '2' }])), { 'content-type': 'application/json' });
    expect(res.type).toBe('application/json');
    expect(JSON.parse(res.body.toString())).toEqual({ partialSuccess: { rejectedLogRecords: '2', errorMessage: '2 log records were rejected' } });
    expect(fake.records().map((r) => r.attributes)).toEqual([{ ok: '1' }]);
  });

  it('answers partialSuccess in protobuf for a protobuf request, and 400 for a request holding a refused record', async () => {
    fake = await startOtlpFake({ verdict: (r) => (r.attributes.poison ? 'refuse-request' : r.attributes.bad ? 'reject' : 'accept') });
    const partial = await post(protobufBody(request([{ bad: '1' }, { ok: '1' }])), { 'content-type': 'application/x-protobuf' });
    const decoded = ExportLogsServiceResponse.toObject(ExportLogsServiceResponse.decode(partial.body), { longs: Number });
    expect(decoded).toEqual({ partialSuccess: { rejectedLogRecords: 1, errorMessage: '1 log records were rejected' } });
    const refused = await post(protobufBody(request([{ ok: '2' }, { poison: '1' }])), { 'content-type': 'application/x-protobuf' });
    expect(refused.status).toBe(400);
    expect(RpcStatus.toObject(RpcStatus.decode(refused.body))).toMatchObject({ code: 3, message: expect.stringMatching(/refuses/) });
    expect(fake.records().map((r) => r.attributes)).toEqual([{ ok: '1' }]);
  });

  it('checks the required headers (401), the content type (415), the encoding, the body, the path and the method', async () => {
    fake = await startOtlpFake({ requiredHeaders: { 'api-key': KEY }, maxBodyBytes: 1000 });
    const json = { 'content-type': 'application/json', 'api-key': KEY };
    const ok = JSON.stringify(request([{ a: '1' }]));
    expect((await post(ok, { 'content-type': 'application/json' })).status).toBe(401);
    const wrong = await post(ok, { ...json, 'api-key': 'other' });
    expect([wrong.status, JSON.parse(wrong.body.toString())]).toEqual([401, { code: 16, message: 'invalid api-key' }]);
    expect((await post(ok, { ...json, 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post(ok, { ...json, 'content-encoding': 'br' })).status).toBe(400);
    expect((await post('{"resourceLogs": 3}', json)).status).toBe(400);
    expect((await post(Buffer.from([0xff, 0xff, 0xff]), { ...json, 'content-type': 'application/x-protobuf' })).status).toBe(400);
    expect((await post(JSON.stringify(request(Array.from({ length: 20 }, () => ({ a: '1' })))), json)).status).toBe(413);
    expect((await post(ok, json, '/v1/traces')).status).toBe(404);
    expect((await fetch(`${fake.url}/v1/logs`, { headers: json })).status).toBe(405);
    expect((await post(ok, json)).status).toBe(200);
    expect(fake.records()).toHaveLength(1);
    expect(fake.logRequests()).toHaveLength(9);
  });
});
