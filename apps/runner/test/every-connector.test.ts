// One stream of every installed connector type, created through the management API, each delivering the same events to its fake.
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { baseConfig, TOKEN } from './support/app.js';
import { EVERY_CONNECTOR, type Destination } from './support/every-connector-table.js';
import { ingestMany, makeEvent } from './support/events.js';
import { useTestApp } from './support/use-test-app.js';
import { readUntil } from './support/wait.js';

const TOTAL = 50;
const FAILURE_KINDS = new Set(['delivery_failed', 'dead_lettered', 'events_lost', 'suspended', 'probe_failed']);

interface Health {
  status: string;
  delivered: number;
  failed: number;
  deadLettered: number;
  records: Array<{ kind: string; message: string }>;
  worker: { lastError: unknown };
}

const t = useTestApp();

describe('every installed connector type', () => {
  it('creates one API stream per type and each delivers all ingested events to its fake, with no failure recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'outflow-e2e-'));
    mkdirSync(join(dir, 'files'));
    const yaml = baseConfig('').replace(
      'egress: { allowHttp: true, allowPrivateNetworks: true }',
      'egress: { allowHttp: true, allowPrivateNetworks: true, fileRoot: ./files }',
    );
    const app = await t.start(yaml, { dir });

    // The table covers exactly the installed types: a new connector without a row fails here.
    const installed = (await (await app.api('/api/v2/connectors')).json()) as Array<{ type: string }>;
    const types = Object.keys(EVERY_CONNECTOR);
    const withoutRow = installed.map((c) => c.type).filter((type) => !types.includes(type));
    const notInstalled = types.filter((type) => !installed.some((c) => c.type === type));
    expect({ withoutRow, notInstalled }, 'installed types without a row in EVERY_CONNECTOR, and rows for types not installed').toEqual({
      withoutRow: [],
      notInstalled: [],
    });

    const started = await Promise.all(types.map((type) => EVERY_CONNECTOR[type]!.start({ fileRoot: join(dir, 'files') })));
    const destinations = new Map<string, Destination>(types.map((type, i) => [type, t.closeAfter(started[i]!)]));

    const ids = new Map<string, string>();
    for (const [type, destination] of destinations) {
      const res = await app.api('/api/v2/log-streams', { method: 'POST', body: JSON.stringify({ name: `every-${type}`, type, sink: destination.sink }) });
      const body = (await res.json()) as { id: string; type: string; status: string };
      expect(res.status, `creating the ${type} stream answered ${res.status}: ${JSON.stringify(body)}`).toBe(200);
      expect(body, type).toMatchObject({ type, status: 'active' });
      ids.set(type, body.id);
    }

    const events: Array<Record<string, unknown>> = [];
    await ingestMany(app.url, TOKEN, TOTAL, TOTAL, () => {
      const event = makeEvent();
      events.push(event);
      return event;
    });
    const expected = (d: Destination) => new Set(events.map((e) => String(e[d.key ?? 'log_id'])));
    const missing = (d: Destination) => {
      const got = new Set(d.received());
      return [...expected(d)].filter((k) => !got.has(k)).length;
    };
    const pending = await readUntil(
      async () => [...destinations].filter(([, d]) => missing(d) > 0).map(([type]) => type),
      (p) => p.length === 0,
      45_000,
    );
    expect(pending, 'types whose fake has not received every event').toEqual([]);
    for (const [type, d] of destinations) {
      const row = EVERY_CONNECTOR[type]!;
      expect(new Set(d.received()), `${type} → ${row.fake}: the ${d.key ?? 'log_id'}s received`).toEqual(expected(d));
    }

    // Each stream's health: every event counted as delivered, none failed or dead-lettered, no failed attempt (not even one retried), no failure record.
    for (const [type, id] of ids) {
      const health = await readUntil(
        async () => (await (await app.api(`/api/v2/log-streams/${id}/health`)).json()) as Health,
        (h) => h.delivered >= TOTAL,
        10_000,
      );
      expect(
        { status: health.status, delivered: health.delivered, failed: health.failed, deadLettered: health.deadLettered, lastError: health.worker.lastError },
        `${type} stream health: ${JSON.stringify(health.records)}`,
      ).toEqual({ status: 'active', delivered: TOTAL, failed: 0, deadLettered: 0, lastError: null });
      expect(
        health.records.filter((r) => FAILURE_KINDS.has(r.kind)),
        `${type} stream failure records`,
      ).toEqual([]);
    }
  }, 90_000);
});
