// Regions → Datadog sites → intake and API hosts; the endpoint override; egress checks of both.
import { ConfigError } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { datadogBaseUrls, datadogConnector, DATADOG_REGIONS } from '../src/index.js';
import { API_KEY, makeContext, parseConfig } from './fixtures.js';

describe('datadog regions', () => {
  it.each([
    ['us', 'https://http-intake.logs.datadoghq.com', 'https://api.datadoghq.com'],
    ['eu', 'https://http-intake.logs.datadoghq.eu', 'https://api.datadoghq.eu'],
    ['us3', 'https://http-intake.logs.us3.datadoghq.com', 'https://api.us3.datadoghq.com'],
    ['us5', 'https://http-intake.logs.us5.datadoghq.com', 'https://api.us5.datadoghq.com'],
    ['ap1', 'https://http-intake.logs.ap1.datadoghq.com', 'https://api.ap1.datadoghq.com'],
    ['ap2', 'https://http-intake.logs.ap2.datadoghq.com', 'https://api.ap2.datadoghq.com'],
    ['uk1', 'https://http-intake.logs.uk1.datadoghq.com', 'https://api.uk1.datadoghq.com'],
    ['gov', 'https://http-intake.logs.ddog-gov.com', 'https://api.ddog-gov.com'],
  ] as const)('%s → %s', (region, intake, api) => {
    expect(datadogBaseUrls(region)).toEqual({ intake, api });
  });

  it('covers every region of the schema, Auth0 regions included', () => {
    expect(DATADOG_REGIONS).toEqual(expect.arrayContaining(['us', 'eu', 'us3', 'us5', 'ap1', 'gov']));
    for (const r of DATADOG_REGIONS) expect(datadogBaseUrls(r).intake).toMatch(/^https:\/\/http-intake\.logs\./);
  });

  it('an endpoint replaces both bases, without a trailing slash, keeping a path prefix', () => {
    expect(datadogBaseUrls('eu', 'http://127.0.0.1:8125/')).toEqual({ intake: 'http://127.0.0.1:8125', api: 'http://127.0.0.1:8125' });
    expect(datadogBaseUrls('us', 'https://proxy.example/datadog//')).toEqual({ intake: 'https://proxy.example/datadog', api: 'https://proxy.example/datadog' });
  });

  it('checks the endpoint against the egress policy when the connector is created', () => {
    const strict = makeContext({ allowHttp: false, allowPrivateNetworks: false });
    const create = (endpoint: string) => () => datadogConnector.create(strict, parseConfig({ datadogApiKey: API_KEY, datadogEndpoint: endpoint }));
    expect(create('http://dd-proxy.example')).toThrow(ConfigError);
    try {
      create('https://127.0.0.1:9999')();
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).issues[0]).toMatchObject({ path: 'datadogEndpoint', message: expect.stringMatching(/private, loopback/) });
    }
    // The public Datadog sites pass the strict policy.
    const conn = datadogConnector.create(strict, parseConfig({ datadogApiKey: API_KEY, datadogRegion: 'eu' }));
    return conn.close();
  });
});
