// End to end on PostgreSQL: the runner stores ingested events in a shared schema and a webhook stream delivers every one.
import { join } from 'node:path';
import { dropSchemas, freshSchema, PG_URL, query, requirePostgres } from '@outflow/store-postgres/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FAST_DELIVERY, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { runOutflow } from './support/cli.js';
import { ingest, ingestMany, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';

const PASSWORD = 'e2e-Pg-Pa55word';
const schema = freshSchema('outflow_e2e');
let app: TestApp | undefined;
let rx: Receiver | undefined;

beforeAll(async () => {
  await requirePostgres();
  // Trust auth ignores the password; it is there to prove it never reaches the logs.
  const url = new URL(PG_URL);
  if (!url.password) url.password = PASSWORD;
  process.env.OUTFLOW_E2E_PG_URL = url.toString();
});
afterEach(async () => {
  await app?.stop();
  await rx?.close();
  app = undefined;
  rx = undefined;
});
afterAll(async () => {
  delete process.env.OUTFLOW_E2E_PG_URL;
  await dropSchemas();
});

const config = (rxUrl: string) => `server: { host: 127.0.0.1, port: 0 }
store: { postgres: { url: "\${OUTFLOW_E2E_PG_URL}", schema: ${schema}, poolSize: 4 } }
tokens:
  - { token: ${TOKEN}, tenant: acme, scopes: [ingest:logs, read:log_streams, create:log_streams, update:log_streams, delete:log_streams] }
egress: { allowHttp: true, allowPrivateNetworks: true }
log: { level: info }
delivery:
${FAST_DELIVERY}
streams:
  - { name: hook, type: http, tenant: acme, sink: { httpEndpoint: "${rxUrl}/hook", httpContentFormat: JSONLINES } }
`;

describe('runner on PostgreSQL', () => {
  it('ingests over HTTP into PostgreSQL and delivers every event to a webhook, across a restart', async () => {
    rx = await startReceiver();
    app = await startTestApp(config(rx.url));
    const first = await ingestMany(app.url, TOKEN, 1_000, 250);
    await rx.waitFor(() => rx!.uniqueIds().size >= 1_000);
    expect(rx.uniqueIds()).toEqual(new Set(first));
    const [stored] = await query<{ events: string; rows: string }>(`SELECT SUM(count) AS events, COUNT(*) AS rows FROM ${schema}.batches`);
    expect(Number(stored?.events)).toBe(1_000);
    expect(Number(stored?.rows)).toBe(4);
    const logs = app.logs.join('');
    expect(logs).toContain('Opened the PostgreSQL store.');
    expect(logs).not.toContain(PASSWORD);
    await app.stop();

    // A new runner on the same schema continues the log and the stream's cursor.
    app = await startTestApp(config(rx.url));
    const before = rx.ids().length;
    const second = await ingestMany(app.url, TOKEN, 200, 100);
    await rx.waitFor(() => rx!.uniqueIds().size >= 1_200);
    expect(rx.uniqueIds()).toEqual(new Set([...first, ...second]));
    expect(rx.ids().slice(before).sort()).toEqual([...second].sort());
    expect(app.logs.join('')).not.toContain(PASSWORD);
  }, 60_000);

  it('mints a token with outflow tokens into PostgreSQL, which the running runner accepts at once', async () => {
    rx = await startReceiver();
    app = await startTestApp(config(rx.url));
    const res = await runOutflow(['tokens', 'create', '--tenant', 'acme', '--scopes', 'ingest:logs', '--config', join(app.dir, 'outflow.yaml')]);
    expect(res.err).toBe('');
    expect(res.code).toBe(0);
    expect(res.out).not.toContain(PASSWORD);
    const token = /^(ofk_[A-Za-z0-9_-]{43})$/m.exec(res.out)?.[1] as string;
    expect(token).toBeDefined();
    const event = makeEvent();
    expect((await ingest(app.url, token, [event])).status).toBe(202);
    await rx.waitFor(() => rx!.uniqueIds().has(event.log_id as string));
    const [row] = await query<{ n: string }>(`SELECT COUNT(*) AS n FROM ${schema}.api_tokens WHERE tenant = 'acme'`);
    expect(Number(row?.n)).toBe(1);
  }, 60_000);
});
