// Config: store.sqlite or store.postgres (exactly one), the PostgreSQL URL kept as a secret.
import { ConfigError, Secret } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { parseConfigText } from '../src/index.js';

const PASSWORD = 'pg-Pa55word-xyz';

describe('store config', () => {
  it('takes store.postgres with its URL from the environment, as a secret, with defaults', () => {
    const c = parseConfigText('store: { postgres: { url: "${OUTFLOW_PG_URL}" } }\n', { OUTFLOW_PG_URL: `postgres://outflow:${PASSWORD}@db:5432/outflow` });
    expect(c.store.sqlite).toBeUndefined();
    expect(c.store.postgres?.schema).toBe('outflow');
    expect(c.store.postgres?.poolSize).toBe(10);
    expect(c.store.postgres?.url).toBeInstanceOf(Secret);
    expect(c.store.postgres?.url.reveal()).toBe(`postgres://outflow:${PASSWORD}@db:5432/outflow`);
    expect(JSON.stringify(c)).not.toContain(PASSWORD);
  });

  it('takes schema and poolSize', () => {
    const c = parseConfigText('store: { postgres: { url: "postgres://db/x", schema: runners_eu, poolSize: 4 } }\n', {});
    expect(c.store.postgres).toMatchObject({ schema: 'runners_eu', poolSize: 4 });
  });

  it('refuses both stores or none, naming store', () => {
    const both = () => parseConfigText('store: { sqlite: {}, postgres: { url: "postgres://db/x" } }\n', {});
    const none = () => parseConfigText('store: {}\n', {});
    for (const parse of [both, none]) {
      expect(parse).toThrow(ConfigError);
      expect(parse).toThrow(/store: set exactly one of store\.sqlite and store\.postgres/);
    }
  });

  it('refuses a bad schema name or pool size, naming the field, and never echoes the URL', () => {
    expect(() => parseConfigText('store: { postgres: { url: "postgres://db/x", schema: "Bad-Name" } }\n', {})).toThrow(/store\.postgres\.schema/);
    expect(() => parseConfigText('store: { postgres: { url: "postgres://db/x", poolSize: 0 } }\n', {})).toThrow(/store\.postgres\.poolSize/);
    try {
      parseConfigText(`store: { postgres: { url: "postgres://u:${PASSWORD}@db/x", extra: 1 } }\n`, {});
      expect.unreachable();
    } catch (error) {
      expect(String((error as Error).message)).toMatch(/store\.postgres/);
      expect(JSON.stringify(error)).not.toContain(PASSWORD);
      expect(String((error as Error).message)).not.toContain(PASSWORD);
    }
  });
});
