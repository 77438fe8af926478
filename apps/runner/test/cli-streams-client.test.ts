// The CLI's API client against answers a runner rarely gives: 429 with Retry-After, a proxy's HTML, silence.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createApiClient, normalizeBaseUrl } from '../src/cli/api-client.js';
import { ApiError, CliError, describeError } from '../src/cli/cli-errors.js';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((ok) => (server ? server.close(ok) : ok(undefined)));
  server = undefined;
});

/** A loopback HTTP server answering every request with `answer`; records the Authorization headers it saw. */
async function serve(answer: (res: ServerResponse) => void): Promise<{ url: string; auth: string[] }> {
  const auth: string[] = [];
  server = createServer((req, res) => {
    auth.push(String(req.headers.authorization));
    req.resume().on('end', () => answer(res));
  });
  await new Promise<void>((ok) => server!.listen(0, '127.0.0.1', ok));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, auth };
}

describe('the CLI API client', () => {
  it('sends the bearer token and reports 429 with the Retry-After wait', async () => {
    const { url, auth } = await serve((res) => {
      res.writeHead(429, { 'content-type': 'application/json', 'retry-after': '12' });
      res.end(JSON.stringify({ statusCode: 429, error: 'Too Many Requests', message: 'Global limit has been reached.', errorCode: 'too_many_requests' }));
    });
    const err = await createApiClient({ url, token: 'tok-429-abc' })
      .request('GET', '/api/v2/log-streams')
      .catch((e: unknown) => e);
    expect(auth).toEqual(['Bearer tok-429-abc']);
    expect(err).toBeInstanceOf(ApiError);
    expect(describeError(err)).toBe('Error: Global limit has been reached. (HTTP 429, too_many_requests)\n  Retry after 12 s.');
  });

  it('reports a non-JSON error body by status with an excerpt', async () => {
    const { url } = await serve((res) => {
      res.writeHead(502, { 'content-type': 'text/html' });
      res.end('<html>Bad gateway</html>');
    });
    const err = await createApiClient({ url, token: 't' })
      .request('GET', '/x')
      .catch((e: unknown) => e);
    expect(describeError(err)).toBe('Error: 502 Bad Gateway: <html>Bad gateway</html> (HTTP 502)');
  });

  it('refuses a 2xx answer that is not JSON', async () => {
    const { url } = await serve((res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html>dashboard</html>');
    });
    await expect(createApiClient({ url, token: 't' }).request('GET', '/api/v2/log-streams')).rejects.toThrow(
      `The runner at ${url} answered GET /api/v2/log-streams with a body that is not JSON.`,
    );
  });

  it('gives up on a runner that does not answer, naming the URL', async () => {
    const { url } = await serve(() => undefined);
    const err = await createApiClient({ url, token: 't', timeoutMs: 200 })
      .request('GET', '/api/v2/log-streams')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CliError);
    expect((err as Error).message).toBe(`The Outflow runner at ${url} did not answer within 0.2 s.`);
  });

  it('checks the base URL and drops credentials, query and trailing slashes from it', () => {
    expect(normalizeBaseUrl('http://user:pw@runner.internal:8080/outflow/?x=1#y')).toBe('http://runner.internal:8080/outflow');
    expect(() => normalizeBaseUrl('runner:8080')).toThrow(/must be http:\/\/ or https:\/\//);
    expect(() => normalizeBaseUrl('not a url')).toThrow(/is not a URL/);
  });
});
