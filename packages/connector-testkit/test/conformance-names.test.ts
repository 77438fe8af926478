// Conformance name and result checks: third-party package names pass; look-alike DeliveryErrors without the brand do not.
import { DeliveryError } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { deliveryResultProblems, manifestProblems, packageNameProblem } from '../src/index.js';

const manifest = { type: 'foo', apiVersion: 1, export: 'fooConnector' };
const def = { type: 'foo', apiVersion: 1 as const };

describe('connector package names', () => {
  it('accepts @acme/outflow-connector-foo, outflow-connector-foo and @outflow/connector-foo for type foo', () => {
    for (const name of ['@acme/outflow-connector-foo', 'outflow-connector-foo', '@outflow/connector-foo', '@my-org.io/outflow-connector-foo']) {
      expect(manifestProblems(def, { name, outflowConnector: manifest }), name).toEqual([]);
    }
  });

  it('refuses names that do not follow the rules, saying which names would', () => {
    for (const name of [
      'foo',
      '@acme/connector-foo',
      'outflow-connector-bar',
      '@acme/outflow-connector-foo/x',
      '@ACME/outflow-connector-foo',
      '@acme/outflow-connector-foo-extra',
      undefined,
    ]) {
      const problem = packageNameProblem(name, 'foo');
      expect(problem, String(name)).toMatch(
        /package name is .*expected "outflow-connector-foo", "@<scope>\/outflow-connector-foo" or "@outflow\/connector-foo"/,
      );
    }
  });
});

describe('delivery errors in results', () => {
  it('refuses a look-alike error (name and kind, no brand), which the platform would rewrite to invalid', () => {
    const lookAlike = Object.assign(new Error('refused'), { name: 'DeliveryError', kind: 'auth', details: {} });
    expect(deliveryResultProblems({ status: 'permanent', error: lookAlike }, 1).join()).toMatch(/not a DeliveryError made by @outflow\/core/);
    expect(deliveryResultProblems({ status: 'permanent', error: new DeliveryError('auth', 'refused') }, 1)).toEqual([]);
  });
});
