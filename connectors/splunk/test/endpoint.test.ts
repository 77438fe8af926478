// splunkDomain/splunkPort/splunkScheme → the HEC base URL, and the egress checks at creation.
import { ConfigError } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { hecBaseUrl, splunkConnector } from '../src/index.js';
import { makeContext, parseConfig, TOKEN } from './fixtures.js';

const url = (splunkDomain: string, extra: { splunkPort?: string; splunkScheme?: 'http' | 'https' } = {}) =>
  hecBaseUrl({ splunkDomain, splunkScheme: extra.splunkScheme ?? 'https', splunkPort: extra.splunkPort });

describe('HEC base URL', () => {
  it.each([
    [url('splunk.example.com'), 'https://splunk.example.com:8088'],
    [url('splunk.example.com', { splunkPort: '443' }), 'https://splunk.example.com:443'],
    [url('splunk.example.com.', { splunkScheme: 'http' }), 'http://splunk.example.com:8088'],
    [url('10.0.0.5', { splunkPort: '8443' }), 'https://10.0.0.5:8443'],
    [url('https://http-inputs-acme.splunkcloud.com'), 'https://http-inputs-acme.splunkcloud.com'],
    [url('https://hec.example.com', { splunkPort: '8443' }), 'https://hec.example.com:8443'],
    [url('http://127.0.0.1:18088/', { splunkPort: '9999', splunkScheme: 'https' }), 'http://127.0.0.1:18088'],
    [url('https://proxy.example.com/splunk/'), 'https://proxy.example.com/splunk'],
  ])('%s', (got, expected) => {
    expect(got).toBe(expected);
  });

  it('refuses plain http unless the runner allows it, naming splunkDomain', () => {
    const config = parseConfig({ splunkDomain: 'splunk.example.com', splunkToken: TOKEN, splunkScheme: 'http' });
    const create = () => splunkConnector.create(makeContext({ allowHttp: false, allowPrivateNetworks: false }), config);
    expect(create).toThrow(ConfigError);
    try {
      create();
    } catch (err) {
      expect((err as ConfigError).issues[0]).toMatchObject({ path: 'splunkDomain', message: expect.stringMatching(/http:\/\//) });
    }
  });

  it('refuses a loopback HEC unless private networks are allowed', () => {
    const config = parseConfig({ splunkDomain: '127.0.0.1', splunkToken: TOKEN });
    expect(() => splunkConnector.create(makeContext({ allowHttp: true, allowPrivateNetworks: false }), config)).toThrow(/private, loopback/);
    return splunkConnector.create(makeContext(), config).close();
  });
});
