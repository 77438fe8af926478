// Malformed percent-encoding in a request's path or query: 400 in the API's error shape, before auth, nothing logged.
import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { badPercentEncoding } from '../src/server/request-target.js';
import { baseConfig, startTestApp, TOKEN, type TestApp } from './support/app.js';

let app: TestApp | undefined;
afterEach(async () => {
  await app?.stop();
  app = undefined;
});

/** Sends the path exactly as written (fetch would be free to normalise it). */
function get(url: string, path: string, token?: string): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(`${url}`, { path, method: 'GET', headers: token ? { authorization: `Bearer ${token}` } : {} }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('malformed percent-encoding', () => {
  it('answers 400 naming the bad escape for route params, static paths and query strings, with or without a token', async () => {
    app = await startTestApp(baseConfig(''));
    const cases: Array<[string, string, string]> = [
      ['/api/v2/log-streams/%E0%A4%A', 'path', '%E0%A4%A'],
      ['/api/v2/log-streams/%', 'path', '%'],
      ['/api/v2/log-streams/%FF/health', 'path', '%FF'],
      ['/%E0%A4%A', 'path', '%E0%A4%A'],
      ['/api/v2/log-streams?from=%ZZ', 'query string', '%ZZ'],
      ['/api/v2/log-streams/lst_0123456789abcdef/dead-letters?limit=10&from=%C3', 'query string', '%C3'],
    ];
    for (const [path, where, bad] of cases) {
      for (const token of [undefined, TOKEN]) {
        const { status, body } = await get(app.url, path, token);
        expect({ path, token: !!token, status }).toEqual({ path, token: !!token, status: 400 });
        expect(body).toEqual({
          statusCode: 400,
          error: 'Bad Request',
          message: `The request ${where} has malformed percent-encoding at "${bad}": use %XX escapes of valid UTF-8.`,
          errorCode: 'malformed_uri',
        });
      }
    }
    // Well-formed escapes still route as before.
    expect((await get(app.url, '/api/v2/log-streams/%6C%73%74_none', TOKEN)).status).toBe(404);
    expect((await get(app.url, '/api/v2/log-streams?limit=%31', TOKEN)).status).toBe(200);
    const logs = app.logs.join('');
    expect(logs).not.toContain('A request failed unexpectedly.');
    expect(logs).not.toContain('URIError');
  });

  it('finds the first malformed escape, including escapes that are not UTF-8', () => {
    expect(badPercentEncoding('/a%20b/%C3%A9?x=%E2%82%AC')).toBeNull();
    expect(badPercentEncoding('/plain')).toBeNull();
    expect(badPercentEncoding('/%E0%A4%A')).toBe('%E0%A4%A');
    expect(badPercentEncoding('/a%')).toBe('%');
    expect(badPercentEncoding('/a%2')).toBe('%2');
    expect(badPercentEncoding('/ok%20then%G1')).toBe('%G1');
    expect(badPercentEncoding('/%C3x%A9')).toBe('%C3');
    expect(badPercentEncoding('/%ED%A0%80')).toBe('%ED%A0%80'); // a UTF-16 surrogate is not UTF-8
  });
});
