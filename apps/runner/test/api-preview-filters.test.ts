// The preview's sample events match the stream's filters; the list's include=delivery shows how the latest round went.
import { codesOf } from '@outflow/core';
import { describe, expect, it } from 'vitest';
import { baseConfig, TOKEN } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { readUntil } from './support/wait.js';
import { useTestApp } from './support/use-test-app.js';

const t = useTestApp();

interface Preview {
  events: Array<{ type: string }>;
  requests: Array<{ body: string }>;
}

describe('preview samples and list delivery state', () => {
  it('draws the sample events from the codes the filters select, so none are filtered out', async () => {
    const app = await t.start(baseConfig(''));
    const ask = async (body: Record<string, unknown>) =>
      (await (await app.api('/api/v2/log-streams/preview', { method: 'POST', body: JSON.stringify(body) })).json()) as Preview;
    const sink = { httpEndpoint: 'http://127.0.0.1:9/hook' };
    const failed = new Set(codesOf('auth.login.fail'));
    const byCategory = await ask({ type: 'http', sink, filters: [{ type: 'category', name: 'auth.login.fail' }], count: 5 });
    expect(byCategory.events).toHaveLength(5);
    expect(byCategory.events.every((e) => failed.has(e.type))).toBe(true);
    expect(byCategory.requests[0]?.body.trimEnd().split('\n')).toHaveLength(5);
    // The same filters give the same samples.
    expect(await ask({ type: 'http', sink, filters: [{ type: 'category', name: 'auth.login.fail' }], count: 5 })).toEqual(byCategory);
    const byType = await ask({
      type: 'http',
      sink,
      filters: [
        { type: 'type', name: 'sapi' },
        { type: 'type', name: 'fp' },
      ],
      count: 4,
    });
    expect(byType.events.map((e) => e.type).every((c) => c === 'sapi' || c === 'fp')).toBe(true);
    expect(byType.requests[0]?.body.trimEnd().split('\n')).toHaveLength(4);
    // Without filters: the usual tenant mix, as before.
    expect((await ask({ type: 'http', sink, count: 3 })).events).toHaveLength(3);
  });

  it('adds each stream delivery state to the list with include=delivery, and nothing without it', async () => {
    const rx = await t.receiver();
    const app = await t.start(baseConfig(''));
    rx.script(() => ({ status: 500 }));
    const created = await app.api('/api/v2/log-streams', {
      method: 'POST',
      body: JSON.stringify({ name: 'hook', type: 'http', sink: { httpEndpoint: `${rx.url}/hook` } }),
    });
    expect(created.status).toBe(200);
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    type Item = { name: string; delivery?: { failingSince: string | null; lastError: { kind: string; status?: number } | null; workerState: string | null } };
    const list = async (q: string) => (await (await app.api(`/api/v2/log-streams${q}`)).json()) as Item[];
    const item = (
      await readUntil(
        () => list('?include=delivery'),
        (l) => !!l[0]?.delivery?.failingSince && !!l[0].delivery.lastError,
      )
    )[0];
    expect(item?.delivery?.failingSince).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(item?.delivery?.lastError).toMatchObject({ kind: 'transient', status: 500 });
    expect(item?.delivery?.workerState).toEqual(expect.any(String));
    expect((await list(''))[0]).not.toHaveProperty('delivery');
  });
});
