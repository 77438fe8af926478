// The dashboard's files at `/`: content types, cache headers, index.html for its routes to browsers only, no escape from the folder, API untouched.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from '../src/server/static-route.js';

let dir: string;
let server: Server;
let url: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'outflow-static-'));
  mkdirSync(join(dir, 'dist', 'assets'), { recursive: true });
  writeFileSync(join(dir, 'dist', 'index.html'), '<!doctype html><title>Outflow</title>');
  writeFileSync(join(dir, 'dist', 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(dir, 'dist', 'favicon.svg'), '<svg/>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the dashboard folder');
  const serve = createStaticHandler(join(dir, 'dist'));
  server = createServer((req, res) => {
    void serve(req, res).then((served) => {
      if (!served) res.writeHead(599).end('not static');
    });
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((ok) => server.close(ok));
  rmSync(dir, { recursive: true, force: true });
});

describe('static route', () => {
  it('serves index.html at / and for app routes to browsers, never cached for long', async () => {
    for (const path of ['/', '/streams', '/streams/lst_1/health', '/streams/new']) {
      const res = await fetch(url + path, { headers: { accept: 'text/html,*/*;q=0.8' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(await res.text()).toContain('<title>Outflow</title>');
    }
  });

  it('serves hashed assets as immutable with their content type, and HEAD without a body', async () => {
    const js = await fetch(`${url}/assets/index-abc123.js`);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect(await js.text()).toBe('console.log(1)');
    const svg = await fetch(`${url}/favicon.svg`, { method: 'HEAD' });
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect(svg.headers.get('content-length')).toBe('6');
    expect(await svg.text()).toBe('');
  });

  it('leaves API paths, other methods, missing files and paths outside the folder to the API router', async () => {
    for (const path of [
      '/api/v2/log-streams',
      '/api/v2/connectors',
      '/v1/logs',
      '/health',
      '/assets/missing.js',
      '/missing.png',
      '/../secret.txt',
      '/%2e%2e/secret.txt',
    ]) {
      const res = await fetch(url + path);
      expect({ path, status: res.status }).toEqual({ path, status: 599 });
    }
    expect((await fetch(`${url}/`, { method: 'POST' })).status).toBe(599);
  });

  it('leaves paths that are not dashboard routes, and clients that do not ask for HTML, to the API router', async () => {
    const html = { accept: 'text/html' };
    for (const path of ['/metrics', '/ready', '/readyz', '/livez', '/status', '/version', '/foo', '/streams/lst_1/nope', '/streams/a/b/c']) {
      const res = await fetch(url + path, { headers: html });
      expect({ path, status: res.status }).toEqual({ path, status: 599 });
    }
    for (const accept of ['application/json', '*/*', '']) {
      const res = await fetch(`${url}/streams/new`, { headers: { accept } });
      expect({ accept, status: res.status }).toEqual({ accept, status: 599 });
    }
    // Files are files: a browser or not, an existing file is served.
    expect((await fetch(`${url}/favicon.svg`, { headers: { accept: 'application/json' } })).status).toBe(200);
  });
});
