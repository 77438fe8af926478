// No token and no sink secret appears in the runner's logs (at trace level) after a full create/patch/get/health/ingest cycle.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken, mintTokenSecret } from '../src/server/token-secret.js';
import { baseConfig, startTestApp, TOKEN, TOKEN_B, type TestApp } from './support/app.js';
import { ingest, makeEvent } from './support/events.js';
import { startReceiver, type Receiver } from './support/receiver.js';
import { eventually } from './support/wait.js';

const FIRST_SECRET = 'Bearer sink-secret-first-8f3a1c';
const SECOND_SECRET = 'Bearer sink-secret-second-27d9be';
const WRONG_TOKEN = 'wrong-token-d41d8cd98f';
const MINTED = mintTokenSecret();

let app: TestApp;
let rx: Receiver;
beforeAll(async () => {
  rx = await startReceiver();
  app = await startTestApp(baseConfig('').replace('log: { level: warn }', 'log: { level: trace }'));
  await app.store.tokens.create({
    id: 'tok_0123456789abcdef',
    hash: hashToken(MINTED),
    tenant: 'acme',
    name: 'logs test',
    scopes: ['read:log_streams', 'update:log_streams', 'ingest:logs'],
    createdAt: Date.now(),
    expiresAt: null,
  });
});
afterAll(async () => {
  await app?.stop();
  await rx?.close();
});

describe('secrets in logs', () => {
  it('never logs a token or a sink secret, while logging the cycle itself', async () => {
    // The destination fails the first requests (so failures are logged), then accepts.
    let failures = 0;
    rx.script(() => (failures++ < 2 ? { status: 503 } : undefined));
    const created = await app.api('/api/v2/log-streams', {
      method: 'POST',
      body: JSON.stringify({
        name: 'siem',
        type: 'http',
        sink: { httpEndpoint: `${rx.url}/siem`, httpContentFormat: 'JSONLINES', httpAuthorization: FIRST_SECRET },
      }),
    });
    expect(created.status).toBe(200);
    const createdText = await created.text();
    const { id } = JSON.parse(createdText) as { id: string };
    const patched = await app.api(`/api/v2/log-streams/${id}`, {
      token: MINTED,
      method: 'PATCH',
      body: JSON.stringify({ sink: { httpAuthorization: SECOND_SECRET } }),
    });
    expect(patched.status).toBe(200);
    const patchedText = await patched.text();
    expect((await app.api(`/api/v2/log-streams/${id}`, { token: MINTED })).status).toBe(200);
    expect((await ingest(app.url, MINTED, [makeEvent(), makeEvent()])).status).toBe(202);
    expect((await ingest(app.url, TOKEN, [makeEvent()])).status).toBe(202);
    await rx.waitFor(() => rx.uniqueIds().size === 3);
    // The worker logs the accepted batch after its cursor commit, which follows the receiver's answer.
    await eventually(() => app.logs.join('').includes('The destination accepted a batch.'), 10_000, 'The accepted batch was not logged in time.');
    expect(rx.accepted[0]?.headers.authorization).toBe(SECOND_SECRET);
    const health = await app.api(`/api/v2/log-streams/${id}/health`);
    expect(health.status).toBe(200);
    expect((await app.api(`/api/v2/log-streams/${id}`, { token: WRONG_TOKEN })).status).toBe(401);
    expect((await app.api(`/api/v2/log-streams/${id}`, { token: TOKEN_B })).status).toBe(404);

    const logs = app.logs.join('');
    // The logs describe what happened (so the absence below means something) ...
    expect(logs).toContain('Outflow is listening.');
    expect(logs).toContain('A delivery attempt failed.');
    expect(logs).toContain('The destination accepted a batch.');
    expect(logs).toContain(id);
    // ... and hold no secret in any form.
    for (const secret of [TOKEN, TOKEN_B, MINTED, WRONG_TOKEN, hashToken(MINTED), hashToken(TOKEN), FIRST_SECRET, SECOND_SECRET, 'sink-secret']) {
      expect(logs).not.toContain(secret);
    }
    // Nor do the API's answers.
    const answers = [createdText, patchedText, await health.text(), await (await app.api(`/api/v2/log-streams/${id}`)).text()].join('\n');
    expect(answers).not.toContain('sink-secret');
  });
});
