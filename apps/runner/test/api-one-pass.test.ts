// Creating a stream through the API reports its field errors and its sink's errors together, in one answer.
import { afterEach, describe, expect, it } from 'vitest';
import { baseConfig, startTestApp, type TestApp } from './support/app.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

describe('POST /api/v2/log-streams validation', () => {
  it('names the bad filter and every bad sink field in one 400', async () => {
    app = await startTestApp(baseConfig(''));
    const res = await app.api('/api/v2/log-streams', {
      method: 'POST',
      body: JSON.stringify({
        name: 'siem',
        type: 'http',
        filters: [{ type: 'category', name: 'auth.login.oops' }],
        sink: { httpEndpoint: 'ftp://siem.example.com/logs', httpContentFormat: 'XML' },
      }),
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ path: string }> };
    const paths = body.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['filters[0].name', 'sink.httpEndpoint', 'sink.httpContentFormat']));
  });

  it('still answers a body with only field errors as before', async () => {
    app = await startTestApp(baseConfig(''));
    const res = await app.api('/api/v2/log-streams', { method: 'POST', body: JSON.stringify({ type: 'http', sink: 'nope' }) });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: Array<{ path: string }> };
    expect(body.errors.map((e) => e.path)).toEqual(['sink']);
  });
});
