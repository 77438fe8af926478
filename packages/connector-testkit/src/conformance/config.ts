// Config: valid and invalid configs, unknown fields, JSON Schema, and secrets hidden once parsed.
import { inspect } from 'node:util';
import { configJsonSchema, secretPaths, type ConnectorDefinition } from '@outflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeServer } from '../fake-server.js';
import { findSecretLeaks } from './leaks.js';
import type { ResolvedOptions } from './options.js';

/** Dotted path of a zod issue path (`httpCustomHeaders.0.header`). */
export function dottedPath(path: readonly PropertyKey[]): string {
  return path.map((k) => String(k)).join('.');
}

function valueAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined;
  return node;
}

export function describeConfig<C>(definition: ConnectorDefinition<C>, options: ResolvedOptions): void {
  describe('config', () => {
    const schema = definition.configSchema;
    let fake: FakeServer;
    let valid: Record<string, unknown>;
    beforeAll(async () => {
      fake = await options.startFake();
      valid = options.validConfig(fake);
    });
    afterAll(() => fake.close());

    it('validConfig parses', () => {
      const result = schema.safeParse(valid);
      expect(result.success, result.success ? '' : inspect(result.error.issues)).toBe(true);
    });

    for (const { config, path } of options.invalidConfigs) {
      it(`an invalid config names the field ${path}`, () => {
        const result = schema.safeParse(config);
        expect(result.success, 'the invalid config parsed').toBe(false);
        const paths = result.success ? [] : result.error.issues.map((i) => dottedPath(i.path));
        expect(paths).toContain(path);
      });
    }

    it('rejects an unknown field', () => {
      const result = schema.safeParse({ ...valid, outflowUnknownField: true });
      expect(result.success).toBe(false);
    });

    it('has a JSON Schema for docs and forms', () => {
      const json = configJsonSchema(schema);
      expect(json.type).toBe('object');
    });

    it('marks every secret with secret() and hides it once parsed', () => {
      const paths = secretPaths(schema);
      if (options.secretValues.length > 0) expect(paths.length, 'secretValues given but the schema has no secret() field').toBeGreaterThan(0);
      const raw = JSON.stringify(valid);
      for (const s of options.secretValues) expect(raw.includes(s), 'every secretValue appears in validConfig').toBe(true);
      const parsed = schema.parse(valid);
      for (const path of paths) {
        const v = valueAt(parsed, path);
        // A secret field is a Secret, or a map of them (e.g. headers whose every value is secret).
        const values = v && typeof v === 'object' && !('reveal' in v) ? Object.values(v) : v === undefined ? [] : [v];
        for (const each of values) expect(typeof (each as { reveal?: unknown }).reveal, `${path} parses to a Secret`).toBe('function');
      }
      const json = JSON.stringify(parsed);
      const shown = inspect(parsed, { depth: 10 });
      for (const s of options.secretValues) {
        expect(json.includes(s), 'a secret shows in JSON.stringify(config)').toBe(false);
        expect(shown.includes(s), 'a secret shows in util.inspect(config)').toBe(false);
      }
      expect(findSecretLeaks(parsed, options.secretValues)).toEqual([]);
    });
  });
}
