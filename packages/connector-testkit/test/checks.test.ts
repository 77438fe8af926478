// The suite's pure checks: manifest, limits, result shapes, secret leaks, status table, log style, naming.
import { DeliveryError, Secret } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import {
  camelType,
  configTypeName,
  connectorExportName,
  connectorPackageName,
  deliveryResultProblems,
  findSecretLeaks,
  healthResultProblems,
  limitsProblems,
  logMessageProblems,
  manifestProblems,
  pascalType,
  statusTable,
} from '../src/index.js';

describe('naming', () => {
  it('derives names from the type', () => {
    expect(camelType('sumo-logic')).toBe('sumoLogic');
    expect(pascalType('sumo-logic')).toBe('SumoLogic');
    expect(connectorExportName('datadog')).toBe('datadogConnector');
    expect(connectorExportName('http')).toBe('httpConnector');
    expect(connectorExportName('sumo-logic')).toBe('sumoLogicConnector');
    expect(configTypeName('http')).toBe('HttpConfig');
    expect(connectorPackageName('http')).toBe('@outflow/connector-http');
    expect(configTypeName('eventbridge')).toBe('EventbridgeConfig');
  });
});

describe('manifestProblems', () => {
  const def = { type: 'acme', apiVersion: 1 as const };
  it('accepts a matching manifest', () => {
    expect(manifestProblems(def, { name: '@outflow/connector-acme', outflowConnector: { type: 'acme', apiVersion: 1, export: 'acmeConnector' } })).toEqual([]);
  });
  it('names each mismatch', () => {
    const problems = manifestProblems({ type: 'Acme_X', apiVersion: 1 }, { name: 'acme', outflowConnector: { type: 'acme', apiVersion: 2, export: 'acme' } });
    expect(problems.join('\n')).toMatch(/kebab-case/);
    expect(problems.join('\n')).toMatch(/outflowConnector.type/);
    expect(problems.join('\n')).toMatch(/apiVersion/);
    expect(problems.join('\n')).toMatch(/export/);
    expect(problems.join('\n')).toMatch(/package name/);
    expect(manifestProblems(def, { name: '@outflow/connector-acme' })).toEqual(['package.json has no outflowConnector field']);
  });
});

describe('limitsProblems', () => {
  it('wants positive integers and maxEventBytes ≤ maxBytes', () => {
    expect(limitsProblems({ maxEvents: 100, maxBytes: 1000, maxEventBytes: 1000 })).toEqual([]);
    expect(limitsProblems({ maxEvents: 0, maxBytes: 1000, maxEventBytes: 2000 })).toHaveLength(2);
    expect(limitsProblems({ maxEvents: 1.5, maxBytes: Infinity, maxEventBytes: 10 })).toHaveLength(2);
  });
});

describe('result shapes', () => {
  it('accepts well-formed results and names malformed ones', () => {
    const error = new DeliveryError('transient', 'The destination answered HTTP 503.');
    expect(deliveryResultProblems({ status: 'success' }, 1)).toEqual([]);
    expect(deliveryResultProblems({ status: 'retryable', error, retryAfterMs: 3000 }, 1)).toEqual([]);
    expect(deliveryResultProblems({ status: 'partial', failed: [{ index: 1, retryable: true, reason: 'x' }] }, 2)).toEqual([]);
    expect(deliveryResultProblems(undefined, 1)).toHaveLength(1);
    expect(deliveryResultProblems({ status: 'retryable', error: new Error('x') }, 1).join()).toMatch(/DeliveryError/);
    expect(deliveryResultProblems({ status: 'retryable', error, retryAfterMs: -1 }, 1).join()).toMatch(/retryAfterMs/);
    expect(deliveryResultProblems({ status: 'partial', failed: [{ index: 5, retryable: true, reason: 'x' }] }, 2).join()).toMatch(/outside/);
    expect(deliveryResultProblems({ status: 'partial', failed: [] }, 2)).toHaveLength(1);
    expect(deliveryResultProblems({ status: 'ok' }, 1).join()).toMatch(/unknown status/);
    expect(healthResultProblems({ ok: true })).toEqual([]);
    expect(healthResultProblems({ ok: false, error })).toEqual([]);
    expect(healthResultProblems({ ok: 'yes' })).toHaveLength(1);
  });
});

describe('findSecretLeaks', () => {
  const secrets = ['tok-123456', 'other-secret'];
  it('finds secrets in JSON, inspect output, error messages and causes', () => {
    expect(findSecretLeaks({ a: 'Bearer tok-123456' }, secrets)).toEqual(['secretValues[0] (10 chars)']);
    const cause = Object.assign(new Error('socket hang up'), { config: { headers: { Authorization: 'other-secret' } } });
    const error = new DeliveryError('transient', 'The request failed.', {}, { cause });
    expect(findSecretLeaks({ status: 'retryable', error }, secrets)).toEqual(['secretValues[1] (12 chars)']);
  });
  it('does not flag Secret values or clean output', () => {
    expect(findSecretLeaks({ key: new Secret('tok-123456'), note: 'fine' }, secrets)).toEqual([]);
    expect(findSecretLeaks({ status: 'success' }, [])).toEqual([]);
  });
});

describe('statusTable', () => {
  it('applies overrides, skips and extra statuses', () => {
    const rows = statusTable({ 400: 'retryable', 501: 'skip', 404: 'permanent' });
    expect(rows.find((r) => r.status === 400)).toEqual({ status: 400, expected: 'retryable' });
    expect(rows.find((r) => r.status === 501)).toEqual({ status: 501, expected: 'skip' });
    expect(rows.find((r) => r.status === 404)).toEqual({ status: 404, expected: 'permanent' });
    expect(rows.find((r) => r.status === 429)).toMatchObject({ expected: 'retryable', retryAfterMs: 3000 });
  });
});

describe('logMessageProblems', () => {
  it('wants sentences ending in a period', () => {
    expect(logMessageProblems(['Request answered.', undefined])).toEqual([]);
    expect(logMessageProblems(['request answered'])).toHaveLength(1);
  });
});
