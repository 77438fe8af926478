// `outflow tokens` against a running runner on the same SQLite store: minted tokens work at once, revoked ones stop.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { createManualClock, type ManualClock } from '@outflow/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, type TestApp } from './support/app.js';
import { runOutflow } from './support/cli.js';
import { ingest, makeEvent } from './support/events.js';

let app: TestApp;
let clock: ManualClock;
let config: string;
beforeAll(async () => {
  clock = createManualClock(Date.now());
  app = await startTestApp(baseConfig('').replace('server: { host: 127.0.0.1, port: 0 }', 'server: { host: 127.0.0.1, port: 0, tokenCacheTtl: 5s }'), clock);
  config = join(app.dir, 'outflow.yaml');
});
afterAll(async () => app?.stop());

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

async function mint(args: string[]): Promise<{ id: string; token: string; out: string }> {
  const res = await runOutflow(['tokens', 'create', ...args, '--config', config]);
  expect(res.err).toBe('');
  expect(res.code).toBe(0);
  const token = /^(ofk_[A-Za-z0-9_-]{43})$/m.exec(res.out)?.[1];
  const id = /\b(tok_[0-9a-f]{16})\b/.exec(res.out)?.[1];
  if (!token || !id) throw new Error(`Unexpected output of tokens create: ${res.out}`);
  return { id, token, out: res.out };
}

describe('outflow tokens with a running runner', { timeout: 120_000 }, () => {
  let ci: { id: string; token: string; out: string };

  it('prints a new token once, with its id, and the running runner accepts it at once', async () => {
    ci = await mint(['--tenant', 'acme', '--scopes', 'ingest:logs,read:log_streams', '--name', 'CI deploy']);
    expect(ci.out.split(ci.token)).toHaveLength(2);
    expect(ci.out).not.toContain(sha256(ci.token));
    expect(ci.out).toContain('tenant "acme"');
    const list = await fetch(`${app.url}/api/v2/log-streams`, { headers: bearer(ci.token) });
    expect(list.status).toBe(200);
    expect(list.headers.get('x-ratelimit-limit')).toMatch(/^\d+$/);
    const sent = await ingest(app.url, ci.token, [makeEvent(), makeEvent()]);
    expect(sent.status).toBe(202);
    expect((await app.store.events.bounds('acme')).lastSeq).toBeGreaterThan(0);
    expect((await app.store.events.bounds('globex')).lastSeq).toBe(0);
  });

  it('grants only the minted scopes and only the minted tenant', async () => {
    const create = await fetch(`${app.url}/api/v2/log-streams`, {
      method: 'POST',
      headers: { ...bearer(ci.token), 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'console', sink: {} }),
    });
    expect(create.status).toBe(403);
    expect(((await create.json()) as { message: string }).message).toContain('create:log_streams');
    const globex = await mint(['--tenant', 'globex', '--scopes', 'create:log_streams,read:log_streams']);
    const made = await fetch(`${app.url}/api/v2/log-streams`, {
      method: 'POST',
      headers: { ...bearer(globex.token), 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'console', sink: {} }),
    });
    expect(made.status).toBe(200);
    const { id } = (await made.json()) as { id: string };
    expect((await fetch(`${app.url}/api/v2/log-streams/${id}`, { headers: bearer(ci.token) })).status).toBe(404);
    expect(((await (await fetch(`${app.url}/api/v2/log-streams`, { headers: bearer(ci.token) })).json()) as unknown[]).length).toBe(0);
  });

  it('lists tokens with their last use and never shows a token or its hash', async () => {
    // Last use is written when a lookup reaches the store: once per cache period.
    await clock.advance(6000);
    expect((await fetch(`${app.url}/api/v2/log-streams`, { headers: bearer(ci.token) })).status).toBe(200);
    const table = await runOutflow(['tokens', 'list', '--config', config]);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/^ID\s+TENANT\s+NAME\s+SCOPES\s+CREATED\s+LAST USED\s+EXPIRES\s+STATUS$/m);
    expect(table.out).toContain(ci.id);
    expect(table.out).toContain('CI deploy');
    const json = await runOutflow(['tokens', 'list', '--tenant', 'acme', '--json', '--config', config]);
    const tokens = JSON.parse(json.out) as Array<Record<string, unknown>>;
    expect(tokens.map((t) => t.id)).toEqual([ci.id]);
    expect(tokens[0]).toMatchObject({ tenant: 'acme', name: 'CI deploy', scopes: ['ingest:logs', 'read:log_streams'], expiresAt: null, revokedAt: null });
    expect(Date.parse(tokens[0]?.lastUsedAt as string)).toBeGreaterThan(0);
    for (const out of [table.out, json.out]) {
      expect(out).not.toContain(ci.token);
      expect(out).not.toContain(ci.token.slice(4));
      expect(out).not.toContain(sha256(ci.token));
    }
    expect(Object.keys(tokens[0] ?? {})).not.toContain('hash');
  });

  it('stops accepting a revoked token once the lookup cache period has passed, without a restart', async () => {
    const revoke = await runOutflow(['tokens', 'revoke', ci.id, '--config', config]);
    expect(revoke.code).toBe(0);
    expect(revoke.out).toContain(`Revoked API token ${ci.id}`);
    await clock.advance(5001);
    const res = await fetch(`${app.url}/api/v2/log-streams`, { headers: bearer(ci.token) });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ errorCode: 'invalid_token', message: 'Invalid token: it was revoked.' });
    expect((await ingest(app.url, ci.token, [makeEvent()])).status).toBe(401);
    const again = await runOutflow(['tokens', 'revoke', ci.id, '--config', config]);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already revoked');
    const listed = JSON.parse((await runOutflow(['tokens', 'list', '--json', '--config', config])).out) as Array<{ id: string; revokedAt: string | null }>;
    expect(listed.find((t) => t.id === ci.id)?.revokedAt).not.toBeNull();
  });

  it('refuses an expired token', async () => {
    const short = await mint(['--tenant', 'acme', '--scopes', 'read:log_streams', '--expires', '1h']);
    expect((await fetch(`${app.url}/api/v2/log-streams`, { headers: bearer(short.token) })).status).toBe(200);
    await clock.advance(3_600_000 + 60_000);
    const res = await fetch(`${app.url}/api/v2/log-streams`, { headers: bearer(short.token) });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { message: string }).message).toBe('Invalid token: it expired.');
  });

  it('names a bad argument and stores nothing', async () => {
    const before = (await app.store.tokens.list()).length;
    const bad = await runOutflow(['tokens', 'create', '--tenant', 'acme', '--scopes', 'read:log_streams,write:everything', '--config', config]);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('--scopes: unknown scope "write:everything"');
    const noTenant = await runOutflow(['tokens', 'create', '--scopes', 'read:log_streams', '--config', config]);
    expect(noTenant.err).toContain('--tenant is required');
    const expires = await runOutflow(['tokens', 'create', '--tenant', 'acme', '--scopes', 'read:log_streams', '--expires', 'soon', '--config', config]);
    expect(expires.err).toContain('--expires');
    const unknown = await runOutflow(['tokens', 'revoke', 'tok_0000000000000000', '--config', config]);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No API token with id tok_0000000000000000');
    expect(await app.store.tokens.list()).toHaveLength(before);
  });
});
