// Config parsing: defaults, durations and sizes, ${ENV} interpolation, stable ids of config streams.
import { ConfigError } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { configStreamId, parseConfigText } from '../src/index.js';

describe('runner config', () => {
  it('fills every default from an empty file', () => {
    const c = parseConfigText('{}');
    expect(c.server).toEqual({
      host: '127.0.0.1',
      port: 8080,
      dashboard: true,
      maxBodyBytes: 5 * 1024 * 1024,
      maxEventsPerRequest: 10_000,
      parseThreads: 'auto',
      rateLimit: { management: { requestsPerMinute: 1200, burst: 200 }, ingest: { requestsPerMinute: 30_000, burst: 1000 } },
      tokenCacheTtl: 5000,
      requestTimeout: 30_000,
      headersTimeout: 10_000,
      keepAliveTimeout: 65_000,
      maxConnections: 1024,
      metrics: { enabled: false, path: '/metrics' },
    });
    expect(c.store.sqlite).toEqual({ path: './data/outflow.db', fsync: false, cacheBytes: 32 * 1024 * 1024 });
    expect(c.retention).toBe(30 * 86_400_000);
    expect(c.egress).toEqual({ allowHttp: false, allowPrivateNetworks: false });
    expect(c.delivery).toMatchObject({
      attemptsPerRound: 3,
      concurrency: 2,
      attemptBackoff: { initial: 1000, max: 10_000 },
      roundBackoff: { initial: 30_000, multiplier: 2, max: 600_000 },
      suspendAfter: 7 * 86_400_000,
      batch: { maxEvents: 500, maxBytes: 4 * 1024 * 1024 },
    });
    expect(c.connectors).toBeUndefined();
    expect(c.streams).toEqual([]);
  });

  it('parses durations and sizes, and interpolates the environment', () => {
    const c = parseConfigText(
      'retention: 7d\nserver: { maxBodyBytes: 1MB }\ndelivery: { suspendAfter: 1h30m, attemptBackoff: { initial: 250ms } }\ntokens: [ { token: "${T}", tenant: "${TEN:-main}", scopes: [ingest:logs] } ]\n',
      { T: 'secret-token-1' },
    );
    expect(c.retention).toBe(7 * 86_400_000);
    expect(c.server.maxBodyBytes).toBe(1024 * 1024);
    expect(c.delivery.suspendAfter).toBe(5_400_000);
    expect(c.delivery.attemptBackoff).toEqual({ initial: 250, max: 10_000 });
    expect(c.tokens[0]).toEqual({ token: 'secret-token-1', tenant: 'main', scopes: ['ingest:logs'] });
  });

  it('interpolates values only, typed like YAML, never comments', () => {
    const c = parseConfigText('# replace with ${NOT_SET_ANYWHERE}\nserver: { port: ${PORT}, host: "${HOST}" }\n', { PORT: '9090', HOST: '0.0.0.0' });
    expect(c.server.port).toBe(9090);
    expect(c.server.host).toBe('0.0.0.0');
    expect(() => parseConfigText('server: { port: ${NOT_SET_ANYWHERE} }\n', {})).toThrow(/line 1: environment variable NOT_SET_ANYWHERE is not set/);
  });

  it('throws a ConfigError listing each bad field by path', () => {
    let error: unknown;
    try {
      parseConfigText(
        'retention: soon\nstreams: [ { name: x, type: http, filters: [ { type: category, name: nope } ], pii_config: { log_fields: [], method: blur } } ]\n',
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const paths = (error as ConfigError).issues.map((i) => i.path);
    expect(paths).toEqual(
      expect.arrayContaining(['retention', 'streams[0].filters[0].name', 'streams[0].pii_config.log_fields', 'streams[0].pii_config.method']),
    );
  });

  it('reads the server timeouts and maxConnections, naming each bad one by path', () => {
    const c = parseConfigText('server: { requestTimeout: 1s, headersTimeout: 500ms, keepAliveTimeout: 2s, maxConnections: 8 }\n');
    expect(c.server).toMatchObject({ requestTimeout: 1000, headersTimeout: 500, keepAliveTimeout: 2000, maxConnections: 8 });
    const issues = (text: string) => {
      try {
        parseConfigText(text);
      } catch (err) {
        return (err as ConfigError).issues;
      }
      throw new Error(`accepted: ${text}`);
    };
    expect(issues('server: { requestTimeout: [1s] }\n')).toEqual([expect.objectContaining({ path: 'server.requestTimeout' })]);
    expect(issues('server: { requestTimeout: soon }\n')).toEqual([
      { path: 'server.requestTimeout', message: expect.stringContaining('"soon" is not a duration') },
    ]);
    expect(issues('server: { requestTimeout: 0 }\n')).toEqual([{ path: 'server.requestTimeout', message: 'must be more than 0' }]);
    expect(issues('server: { requestTimeout: 5s, headersTimeout: 10s }\n')).toEqual([
      { path: 'server.headersTimeout', message: 'must be at most server.requestTimeout (10000 ms > 5000 ms)' },
    ]);
    expect(issues('server: { requestTimeout: 5s }\n')).toEqual([expect.objectContaining({ path: 'server.headersTimeout' })]);
    expect(issues('server: { maxConnections: 0 }\n').map((i) => i.path)).toEqual(['server.maxConnections']);
    expect(issues('server: { keepAliveTimeout: true }\n').map((i) => i.path)).toEqual(['server.keepAliveTimeout']);
  });

  it('gives config streams a stable id per tenant and name', () => {
    expect(configStreamId('acme', 'siem')).toBe(configStreamId('acme', 'siem'));
    expect(configStreamId('acme', 'siem')).not.toBe(configStreamId('globex', 'siem'));
    expect(configStreamId('acme', 'siem')).toMatch(/^lst_[0-9a-f]{16}$/);
  });
});
