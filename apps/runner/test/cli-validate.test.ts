// `outflow validate` and `outflow connectors`: exit codes and errors that name each bad field by path.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startReceiver } from './support/receiver.js';
import { builtinConnectors } from '../src/loading/builtin.js';

/** The built-in connector types, as the CLI lists them (sorted). */
const INSTALLED = Object.values(builtinConnectors)
  .map((c) => c.type)
  .sort();

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [MAIN, ...args], { env: { ...process.env, ...env } }, (error, out, err) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, out, err });
    });
  });
}

function configFile(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'outflow-cli-'));
  const file = join(dir, 'outflow.yaml');
  writeFileSync(file, text);
  return file;
}

describe('outflow validate', () => {
  it('accepts the repository default config', async () => {
    const res = await run(['validate', '--config', fileURLToPath(new URL('../../../outflow.yaml', import.meta.url))]);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).toMatch(/is valid: 1 stream/);
  });

  it('names every bad field by its path and exits non-zero', async () => {
    const file = configFile(`server: { port: "eighty" }
retention: 30 days
tokens: [ { token: short, tenant: t, scopes: [ingest:everything] } ]
surprise: true
streams:
  - name: siem
    type: http
    sink: { httpEndpoint: "http://siem.example.com/logs", httpContentFormat: XML }
    filters: [ { type: category, name: auth.login.oops } ]
`);
    const res = await run(['validate', '--config', file]);
    expect(res.code).toBe(1);
    for (const path of [
      'server.port',
      'retention',
      'tokens[0].token',
      'tokens[0].scopes[0]',
      'streams[0].filters[0].name',
      '(root): unknown field "surprise"',
    ]) {
      expect(res.err).toContain(path);
    }
  });

  it('checks each sink with its connector: fields, egress and unknown types', async () => {
    const file = configFile(`streams:
  - { name: a, type: http, sink: { httpEndpoint: "http://siem.example.com/logs" } }
  - { name: b, type: http, sink: { httpEndpoint: "https://10.0.0.8/logs" } }
  - { name: c, type: http, sink: { httpContentFormat: JSONLINES, extra: 1 } }
  - { name: d, type: pagerduty, sink: {} }
  - { name: a, type: console }
`);
    const res = await run(['validate', '--config', file]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/streams\[0\]\.sink\.httpEndpoint: .*http:\/\//);
    expect(res.err).toMatch(/streams\[1\]\.sink\.httpEndpoint: .*private/);
    expect(res.err).toMatch(/streams\[2\]\.sink\.httpEndpoint/);
    expect(res.err).toMatch(/streams\[2\]\.sink.*extra/);
    expect(res.err).toMatch(new RegExp(`streams\\[3\\]\\.type: stream type "pagerduty" is not installed; installed types: ${INSTALLED.join(', ')}$`, 'm'));
    expect(res.err).toMatch(/streams\[4\]\.name/);
  });

  it('names a bad field of every built-in connector by its path', async () => {
    const file = configFile(`streams:
  - { name: dd, type: datadog, sink: { datadogApiKey: k-123456, datadogRegion: mars } }
  - { name: sp, type: splunk, sink: { splunkDomain: splunk.example.com, splunkToken: t-123456, splunkPort: "80a" } }
  - { name: sl, type: slack, sink: { slackBotToken: xoxb-123456, slackChannel: C1, slackColor: red } }
  - { name: sg, type: segment, sink: { segmentWriteKey: w-123456, segmentRegion: asia } }
  - { name: eb, type: eventbridge, sink: { awsRegion: us-east-1, awsAccountId: "123" } }
  - { name: lz, type: logzio, sink: { logzioToken: lztok-123456, logzioRegion: mars } }
  - { name: su, type: sumo, sink: { sumoEndpoint: "https://collectors.sumologic.com/receiver/v1/http", sumoToken: su-123456, sumoFields: { "a=b": c } } }
  - { name: pa, type: panther, sink: { pantherUrl: "https://acme.runpanther.net/http/abc", pantherAuthMethod: magic } }
  - { name: el, type: elastic, sink: { elasticNode: "https://es.example.com:9200", elasticApiKey: el-123456, elasticFlavor: solr } }
  - { name: ot, type: otlp, sink: { endpoint: "https://otel.example.com", encoding: xml } }
  - { name: mp, type: mixpanel, sink: { mixpanelProjectId: "12", mixpanelServiceAccountUsername: sa.u, mixpanelServiceAccountPassword: mp-123456, mixpanelRegion: mars } }
  - { name: eg, type: eventgrid, sink: { endpoint: "https://t.westus-1.eventgrid.azure.net/api/events", accessKey: eg-123456, schema: xml } }
  - { name: pg, type: pangea, sink: { pangeaToken: pg-123456, pangeaDomain: "not a domain" } }
  - { name: ve, type: verosint, sink: { verosintApiKey: "Bearer ve-123456" } }
  - { name: oo, type: oort, sink: { oortEndpoint: "ftp://oort.example.com/in", oortToken: oo-123456 } }
  - { name: m1, type: mdr-one, sink: { mdrOneEndpoint: "https://mdr.example.com/in", mdrOneToken: m1-123456, mdrOneContentFormat: XML } }
  - { name: pe, type: perch, sink: { perchToken: pe-123456 } }
`);
    const res = await run(['validate', '--config', file]);
    expect(res.code).toBe(1);
    for (const path of [
      'streams[0].sink.datadogRegion',
      'streams[1].sink.splunkPort',
      'streams[2].sink',
      'streams[3].sink.segmentRegion',
      'streams[4].sink.awsAccountId',
      'streams[5].sink.logzioRegion',
      'streams[6].sink.sumoFields',
      'streams[7].sink.pantherAuthMethod',
      'streams[8].sink.elasticFlavor',
      'streams[9].sink.encoding',
      'streams[10].sink.mixpanelRegion',
      'streams[11].sink.schema',
      'streams[12].sink.pangeaDomain',
      'streams[13].sink.verosintApiKey',
      'streams[14].sink.oortEndpoint',
      'streams[15].sink.mdrOneContentFormat',
      'streams[16].sink.perchEndpoint',
    ]) {
      expect(res.err).toContain(`${path}`);
    }
    expect(res.err).toMatch(/streams\[2\]\.sink.*slackColor/);
    expect(res.err).not.toContain('k-123456');
    expect(res.err).not.toContain('t-123456');
    for (const secret of [
      'lztok-123456',
      'su-123456',
      'el-123456',
      'mp-123456',
      'eg-123456',
      'pg-123456',
      've-123456',
      'oo-123456',
      'm1-123456',
      'pe-123456',
    ]) {
      expect(res.err).not.toContain(secret);
    }
  });

  it('reports unset environment variables and YAML syntax errors', async () => {
    const res = await run(['validate', '--config', configFile('tokens: [ { token: "${OUTFLOW_TEST_UNSET_TOKEN}", tenant: t, scopes: [ingest:logs] } ]\n')]);
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/OUTFLOW_TEST_UNSET_TOKEN is not set/);
    const ok = await run(['validate', '--config', configFile('tokens: [ { token: "${OUTFLOW_TEST_TOKEN}", tenant: t, scopes: [ingest:logs] } ]\n')], {
      OUTFLOW_TEST_TOKEN: 'from-the-env-123',
    });
    expect(ok.code).toBe(0);
    const yaml = await run(['validate', '--config', configFile('streams: [ { name: a\n')]);
    expect(yaml.code).toBe(1);
    expect(yaml.err).toMatch(/not valid YAML/);
    const missing = await run(['validate', '--config', '/nonexistent/outflow.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/Cannot read the configuration file/);
  });

  it('lists the installed connector types', async () => {
    const res = await run(['connectors', '--config', configFile('{}\n')]);
    expect(res.code).toBe(0);
    const types = res.out
      .trim()
      .split('\n')
      .map((l) => l.split(/\s+/)[0]);
    expect(types).toEqual(INSTALLED);
  });
});

describe('outflow validate --probe', () => {
  const PROBE_SECRET = 'Bearer cli-probe-secret-8e1f';
  const streams = (url: string, second: string) => `egress: { allowHttp: true, allowPrivateNetworks: true }
streams:
  - { name: a, type: http, sink: { httpEndpoint: "${url}/a", httpAuthorization: "${PROBE_SECRET}" } }
  - { name: b, type: http, tenant: acme, sink: { httpEndpoint: "${url}/b", httpAuthorization: "${second}" } }
`;

  it('probes every stream, prints one line each, and exits 0 when all pass', async () => {
    const rx = await startReceiver();
    try {
      rx.probeScript((r) => (r.headers.authorization === PROBE_SECRET ? undefined : { status: 401 }));
      const res = await run(['validate', '--probe', '--config', configFile(streams(rx.url, PROBE_SECRET))]);
      expect(res.err).toBe('');
      expect(res.code).toBe(0);
      expect(res.out).toMatch(/^ok +default\/a \(http\) \d+ ms: The destination answered the probe with HTTP 200\.$/m);
      expect(res.out).toMatch(/^ok +acme\/b \(http\) \d+ ms: .*200/m);
      expect(res.out).toMatch(/Probed 2 stream\(s\): 2 ok, 0 failed\./);
      expect(rx.probes.map((p) => p.path).sort()).toEqual(['/a', '/b']);
      expect(rx.requests).toHaveLength(0);
    } finally {
      await rx.close();
    }
  });

  it('exits non-zero naming the stream whose probe fails, with the error kind and no secret', async () => {
    const rx = await startReceiver();
    try {
      rx.probeScript((r) => (r.headers.authorization === PROBE_SECRET ? undefined : { status: 401 }));
      const res = await run(['validate', '--probe', '--config', configFile(streams(rx.url, 'Bearer cli-wrong-secret-33c0'))]);
      expect(res.code).toBe(1);
      expect(res.out).toMatch(/^ok +default\/a \(http\)/m);
      expect(res.out).toMatch(/^FAIL +acme\/b \(http\) \d+ ms: auth 401: /m);
      expect(res.out).toMatch(/1 ok, 1 failed/);
      expect(res.out + res.err).not.toMatch(/cli-probe-secret|cli-wrong-secret/);
    } finally {
      await rx.close();
    }
  });
});
