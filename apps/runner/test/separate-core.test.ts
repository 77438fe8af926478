// A connector installed outside the repo with its OWN copy of @outflow/core: its auth errors stay auth and its secrets are redacted.
import { mkdtempSync, realpathSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as workspaceCore from '@outflow/core';
import { copyBuiltCore } from '@outflow/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConnectors } from '../src/loading/package-loader.js';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { writePackage } from './support/connector-package.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { readUntil } from './support/wait.js';

const TOKEN_VALUE = 'sepcore-secret-5b1e9f7c';

/** Plain ESM, built against its own core: a real request, a 401 becomes DeliveryError('auth') whose message (badly) holds the token. */
const CONNECTOR = `import { defineConnector, DeliveryError, secret } from '@outflow/core';
import { z } from 'zod';
export const sepcoreConnector = defineConnector({
  type: 'sepcore',
  displayName: 'Separate core',
  configSchema: z.object({ url: z.string(), token: secret('API token') }),
  limits: { maxEvents: 100, maxBytes: 1000000, maxEventBytes: 100000 },
  create(ctx, config) {
    return {
      async healthcheck() { return { ok: true }; },
      async send(batch, signal) {
        const body = Array.from({ length: batch.length }, (_, i) => batch.raw(i).toString('utf8')).join('\\n');
        const res = await fetch(config.url, { method: 'POST', headers: { authorization: 'Bearer ' + config.token.reveal() }, body, signal });
        await res.text();
        if (res.status === 401) {
          ctx.logger.warn({ token: config.token }, 'The fixture destination refused the token.');
          return { status: 'permanent', error: new DeliveryError('auth', 'The destination refused the token ' + config.token.reveal() + ' (HTTP 401).', { status: 401 }) };
        }
        return { status: 'success' };
      },
      async close() {},
    };
  },
});
`;

interface Health {
  records: Array<{ kind: string; errorKind?: string; status?: number; message: string }>;
  deadLetters: number;
  deadLettered: number;
}

let root: string;
let app: TestApp;
let rx: Receiver;
let coreCopy: string;

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), 'outflow-separate-core-')));
  coreCopy = copyBuiltCore(root);
  writePackage(join(root, 'node_modules', 'outflow-connector-sepcore'), {
    pkg: {
      name: 'outflow-connector-sepcore',
      exports: { '.': { import: './lib/index.mjs' } },
      peerDependencies: { '@outflow/core': '^0.1.0' },
      outflowConnector: { type: 'sepcore', apiVersion: 1, export: 'sepcoreConnector' },
    },
    files: { 'lib/index.mjs': CONNECTOR },
  });
  rx = await startReceiver();
  rx.script(() => ({ status: 401 }));
  const yaml = baseConfig(`  - { name: sep, type: sepcore, tenant: acme, sink: { url: "${rx.url}/in", token: "${TOKEN_VALUE}" } }\n`)
    .replace('log: { level: warn }', 'log: { level: trace }')
    .replace('streams:\n', 'connectors: [outflow-connector-sepcore]\nstreams:\n');
  app = await startTestApp(yaml, undefined, root);
}, 30_000);
afterAll(async () => {
  await app?.stop();
  await rx?.close();
});

describe('a connector with its own copy of @outflow/core', () => {
  it('loads a definition whose classes come from the separate copy', async () => {
    const [loaded] = await loadConnectors(['outflow-connector-sepcore'], root);
    const copy = (await import(pathToFileURL(join(coreCopy, 'dist', 'index.js')).href)) as typeof workspaceCore;
    expect(copy.DeliveryError).not.toBe(workspaceCore.DeliveryError);
    const config = loaded!.definition.configSchema.parse({ url: 'http://127.0.0.1:1/', token: TOKEN_VALUE });
    expect((config as { token: unknown }).token instanceof workspaceCore.Secret).toBe(false);
    expect(workspaceCore.collectSecrets(config)).toEqual([TOKEN_VALUE]);
  });

  it('keeps the auth classification (no bisection, no dead letters) and never shows the secret', async () => {
    expect((await ingest(app.url, TOKEN, [makeEvent(), makeEvent(), makeEvent()])).status).toBe(202);
    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>;
    const id = list.find((s) => s.name === 'sep')?.id as string;
    const read = async () => (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as Health;
    const failed = (h: Health) => h.records.filter((r) => r.kind === 'delivery_failed');
    // Two failed rounds: an auth failure is retried as a whole batch, round after round.
    const health = await readUntil(read, (h) => failed(h).length >= 2 || h.deadLetters > 0, 20_000);
    expect(failed(health).map((r) => r.errorKind)).toEqual(failed(health).map(() => 'auth'));
    expect(failed(health).length).toBeGreaterThanOrEqual(2);
    expect(health.deadLetters).toBe(0);
    expect(health.deadLettered).toBe(0);
    // Every request carried the whole batch of 3 (never split into halves).
    expect(rx.requests.length).toBeGreaterThanOrEqual(2);
    for (const req of rx.requests) expect(req.body.split('\n').filter(Boolean)).toHaveLength(3);
    expect(rx.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN_VALUE}`);

    const healthText = JSON.stringify(health);
    expect(healthText).toContain('The destination refused the token');
    const streamText = await (await app.api(`/api/v2/log-streams/${id}`)).text();
    expect(streamText).toContain('sepcore');
    const logs = app.logs.join('');
    expect(logs).toContain('The fixture destination refused the token.');
    for (const [where, text] of [
      ['health', healthText],
      ['stream answer', streamText],
      ['logs', logs],
    ] as const) {
      expect(text.includes(TOKEN_VALUE), `secret in ${where}`).toBe(false);
    }
  }, 30_000);
});
