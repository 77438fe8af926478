// Issue 11 item 5 end to end: all 167 catalog events in one request, each delivered to exactly the stream of its category.
import { readFileSync } from 'node:fs';
import { CATEGORIES } from '@outflow/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, catalogEvent, UNTYPED_DETAILS } from '@outflow/ingest/testing';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { readUntil } from './support/wait.js';

/** Auth0's code → filter category map (auth0/docs-v2 tenant-logs folders), as the reference gives it. */
const CODE_TO_CATEGORY = (
  JSON.parse(readFileSync(new URL('./fixtures/auth0-code-to-category.json', import.meta.url), 'utf8')) as { codeToCategory: Record<string, string> }
).codeToCategory;

let app: TestApp;
let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
  const streams = CATEGORIES.map(
    (c) =>
      `  - { name: "cat-${c}", type: http, tenant: acme, filters: [ { type: category, name: "${c}" } ], sink: { httpEndpoint: "${rx.url}/${c}", httpContentFormat: JSONLINES } }\n`,
  ).join('');
  app = await startTestApp(baseConfig(streams));
});
afterAll(async () => {
  await app?.stop();
  await rx?.close();
});

describe('the Tenant Log Catalog through ingest and category streams', () => {
  it('accepts one event of each of the 167 codes in one request and delivers each to exactly its category stream', async () => {
    const codes = Object.keys(CATALOG);
    expect(codes).toHaveLength(167);
    const events = codes.map((code, i) => catalogEvent(code, `9002026120700000000${String(i).padStart(3, '0')}`));
    expect(UNTYPED_DETAILS.map((c) => typeof events[codes.indexOf(c)]!.details)).toEqual(UNTYPED_DETAILS.map(() => 'string'));
    const res = await fetch(`${app.url}/v1/logs`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify(events),
    });
    expect([res.status, await res.json()]).toEqual([202, { accepted: 167 }]);

    // Expected: by category path, the log_ids of its codes (a code with no category goes to no category stream).
    const want = new Map<string, Set<string>>(CATEGORIES.map((c) => [c, new Set<string>()]));
    events.forEach((e, i) => {
      const category = CODE_TO_CATEGORY[codes[i]!];
      if (category !== undefined) want.get(category)!.add(e.log_id as string);
    });
    const got = () => {
      const by = new Map<string, Map<string, unknown>>(CATEGORIES.map((c) => [c, new Map<string, unknown>()]));
      for (const r of rx.accepted) for (const env of r.envelopes) by.get(decodeURIComponent(r.path.slice(1)))?.set(env.log_id, env.data);
      return by;
    };
    await rx.waitFor(() => [...want].every(([c, ids]) => [...ids].every((id) => got().get(c)!.has(id))));

    // Every stream has passed every event (delivered or filtered out), so a wrong delivery would be here by now.
    const list = (await (await app.api('/api/v2/log-streams')).json()) as Array<{ id: string }>;
    expect(list).toHaveLength(CATEGORIES.length);
    const lags = await readUntil(
      () => Promise.all(list.map(async (s) => ((await (await app.api(`/api/v2/log-streams/${s.id}/health`)).json()) as { lagEvents: number }).lagEvents)),
      (all) => all.every((n) => n === 0),
      30_000,
    );
    expect(lags).toEqual(list.map(() => 0));

    const delivered = got();
    for (const c of CATEGORIES) expect([c, [...delivered.get(c)!.keys()].sort()]).toEqual([c, [...want.get(c)!].sort()]);
    const byId = new Map(events.map((e) => [e.log_id as string, e]));
    for (const [, m] of delivered) for (const [id, data] of m) expect(data).toEqual(byId.get(id));
    expect(rx.accepted.map((r) => decodeURIComponent(r.path.slice(1))).filter((p) => !(CATEGORIES as readonly string[]).includes(p))).toEqual([]);
    expect([...delivered.values()].reduce((n, m) => n + m.size, 0)).toBe(167);
  });
});
