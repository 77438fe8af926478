import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  changedDestinationPaths,
  configJsonSchema,
  destination,
  destinationPaths,
  operatorOnly,
  operatorOnlyFields,
  operatorOnlyPaths,
  secret,
  valueAtPath,
} from '../src/index.js';

const schema = z.strictObject({
  endpoint: destination(z.url().describe('Where to send.')),
  region: destination(z.enum(['us', 'eu']).default('us')),
  token: secret('A token.').optional(),
  target: z
    .union([z.enum(['stdout', 'stderr']), z.strictObject({ file: operatorOnly(z.string().describe('A path.'), 'it writes files on the runner') })])
    .default('stdout'),
  ambient: operatorOnly(z.boolean().optional(), "it uses the runner's own credentials"),
  timeoutMs: z.number().default(1000),
});

describe('operator-only fields', () => {
  it('are found through unions, defaults and optionals, with their reasons', () => {
    expect(operatorOnlyPaths(schema).sort()).toEqual(['ambient', 'target.file']);
    expect(operatorOnlyFields(schema)).toContainEqual({ path: 'target.file', reason: 'it writes files on the runner' });
    expect(operatorOnlyFields(schema)).toContainEqual({ path: 'ambient', reason: "it uses the runner's own credentials" });
  });

  it('keep their description and show as operatorOnly in the JSON schema', () => {
    const json = configJsonSchema(schema) as { properties: Record<string, { anyOf?: Array<{ properties?: Record<string, Record<string, unknown>> }> }> };
    const file = json.properties.target?.anyOf?.[1]?.properties?.file;
    expect(file).toMatchObject({ operatorOnly: true, description: 'A path.' });
    expect(schema.parse({ endpoint: 'https://a.example', target: { file: 'x' } }).target).toEqual({ file: 'x' });
  });
});

describe('destination fields', () => {
  it('are listed', () => {
    expect(destinationPaths(schema)).toEqual(['endpoint', 'region']);
    expect(valueAtPath({ target: { file: 'f' } }, 'target.file')).toBe('f');
    expect(valueAtPath({ target: 'stdout' }, 'target.file')).toBeUndefined();
  });

  it('change when a URL changes origin (scheme, host or port), not when only its path does', () => {
    const before = { endpoint: 'https://a.example/hook', token: 't' };
    expect(changedDestinationPaths(schema, before, { ...before, endpoint: 'https://a.example/other?x=1' })).toEqual([]);
    expect(changedDestinationPaths(schema, before, { ...before, endpoint: 'https://b.example/hook' })).toEqual(['endpoint']);
    expect(changedDestinationPaths(schema, before, { ...before, endpoint: 'http://a.example/hook' })).toEqual(['endpoint']);
    expect(changedDestinationPaths(schema, before, { ...before, endpoint: 'https://a.example:8443/hook' })).toEqual(['endpoint']);
    expect(changedDestinationPaths(schema, before, { ...before, endpoint: 'https://A.EXAMPLE:443/hook' })).toEqual([]);
  });

  it('compare non-URL fields by value, with defaults applied', () => {
    const before = { endpoint: 'https://a.example/' };
    expect(changedDestinationPaths(schema, before, { ...before, region: 'us' })).toEqual([]);
    expect(changedDestinationPaths(schema, before, { ...before, region: 'eu' })).toEqual(['region']);
    expect(changedDestinationPaths(schema, before, { ...before, timeoutMs: 5 })).toEqual([]);
  });
});
