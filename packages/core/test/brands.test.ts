// Brands across copies of core: errors, secrets and definitions from a second copy are recognised; JSON and inspect never show a secret.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  collectSecrets,
  ConfigError,
  definitionApiVersion,
  DeliveryError,
  isConfigError,
  isDeliveryError,
  isEgressError,
  isSecret,
  revealSecret,
  Secret,
} from '../src/index.js';
import type * as CoreModule from '../src/index.js';
import { copyBuiltCore } from '../src/testing/core-copy.js';

type Core = typeof CoreModule;
let root: string;
let other: Core;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'outflow-core-copy-'));
  const dir = copyBuiltCore(root);
  other = (await import(pathToFileURL(join(dir, 'dist', 'index.js')).href)) as Core;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('brands across copies of core', () => {
  it('the copy is really another module (its classes differ)', () => {
    expect(other.DeliveryError).not.toBe(DeliveryError);
    expect(new other.DeliveryError('auth', 'x') instanceof DeliveryError).toBe(false);
  });

  it('isDeliveryError recognises a DeliveryError of the other copy, keeping its kind', () => {
    const foreign: unknown = new other.DeliveryError('auth', 'The destination refused the credentials.', { status: 401 });
    expect(isDeliveryError(foreign)).toBe(true);
    expect(other.isDeliveryError(new DeliveryError('throttled', 'slow down'))).toBe(true);
    expect(isDeliveryError(foreign) && foreign.kind).toBe('auth');
  });

  it('isDeliveryError refuses look-alikes: plain errors, objects with a kind, an unknown kind', () => {
    expect(isDeliveryError(Object.assign(new Error('x'), { kind: 'auth', name: 'DeliveryError' }))).toBe(false);
    expect(isDeliveryError({ kind: 'auth', message: 'x' })).toBe(false);
    expect(isDeliveryError(null)).toBe(false);
    const branded = Object.defineProperty({ kind: 'weird' }, Symbol.for('outflow.delivery-error'), { value: true });
    expect(isDeliveryError(branded)).toBe(false);
  });

  it('the brand is not enumerable: JSON and keys of a DeliveryError are unchanged', () => {
    const err = new other.DeliveryError('auth', 'no', { status: 401 });
    expect(JSON.parse(JSON.stringify(err))).toEqual({ name: 'DeliveryError', kind: 'auth', message: 'no', status: 401 });
    expect(Object.keys(err)).not.toContain(Symbol.for('outflow.delivery-error'));
  });

  it('isConfigError and isEgressError recognise the other copy', () => {
    expect(isConfigError(new other.ConfigError('bad', [{ path: 'a', message: 'b' }]))).toBe(true);
    expect(other.isConfigError(new ConfigError('bad'))).toBe(true);
    expect(isConfigError(new Error('bad'))).toBe(false);
    const refused = (() => {
      try {
        other.createEgressGuard({ allowHttp: false, allowPrivateNetworks: false }).checkUrl('http://example.com/');
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(isEgressError(refused)).toBe(true);
    expect(isEgressError(Object.assign(new Error('x'), { name: 'EgressError' }))).toBe(false);
  });

  it('secrets of the other copy are recognised, revealed and collected, never shown by JSON or inspect', () => {
    const parsed = z.object({ token: other.secret(), nested: z.object({ key: other.secret() }) }).parse({ token: 'tok-123456', nested: { key: 'key-abcdef' } });
    expect(parsed.token instanceof Secret).toBe(false);
    expect(isSecret(parsed.token)).toBe(true);
    expect(revealSecret(parsed.token)).toBe('tok-123456');
    expect(collectSecrets(parsed).sort()).toEqual(['key-abcdef', 'tok-123456']);
    expect(JSON.stringify(parsed)).not.toMatch(/tok-123456|key-abcdef/);
    expect(inspect(parsed, { depth: 5, showHidden: true })).not.toMatch(/tok-123456|key-abcdef/);
    expect(other.collectSecrets({ a: new Secret('mine-9876') })).toEqual(['mine-9876']);
    expect(isSecret({ reveal: () => 'x' })).toBe(false);
    expect(revealSecret('plain')).toBe('plain');
  });

  it('defineConnector brands a definition with its API version; a plain object carries none', () => {
    const def = other.defineConnector({
      type: 'foo',
      displayName: 'Foo',
      configSchema: z.object({}),
      limits: { maxEvents: 1, maxBytes: 10, maxEventBytes: 10 },
      create: () => {
        throw new Error('unused');
      },
    });
    expect(definitionApiVersion(def)).toBe(1);
    expect(definitionApiVersion({ ...def })).toBeUndefined();
    expect(Object.getOwnPropertySymbols(def)).toEqual([Symbol.for('outflow.connector-definition')]);
    expect(Object.keys(def)).toEqual(Object.keys({ ...def }));
  });
});
