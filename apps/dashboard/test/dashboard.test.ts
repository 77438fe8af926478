// The dashboard in real Chromium against a spawned runner and a real HTTP receiver on 127.0.0.1.
import type { Page } from 'playwright-core';
import { codesOf } from '@outflow/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { startReceiver, type Receiver } from './support/receiver';
import { makeEvent, startRunner, TOKEN, type RunnerProcess } from './support/runner';

let runner: RunnerProcess;
let receiver: Receiver;
let browser: TestBrowser;
let page: Page;
let streamId = '';
const sent: string[] = [];

const poll = { timeout: 20_000, interval: 200 };
const text = async (testId: string) => ((await page.getByTestId(testId).first().textContent()) ?? '').trim();
const number = async (testId: string) => Number((await text(testId)).replace(/[^\d]/g, ''));
async function ingest(n: number, overrides: Record<string, unknown> = {}): Promise<string[]> {
  const events = Array.from({ length: n }, () => makeEvent(overrides));
  await runner.ingest(events);
  const ids = events.map((e) => e.log_id as string);
  sent.push(...ids);
  return ids;
}
async function streamStatus(): Promise<string> {
  return ((await (await runner.api(`/api/v2/log-streams/${streamId}`)).json()) as { status: string }).status;
}

beforeAll(async () => {
  receiver = await startReceiver();
  runner = await startRunner();
  browser = await launchBrowser();
  page = browser.page;
});

// A failed step leaves a screenshot of what the browser showed, next to the others.
afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page) await browser.screenshot(`failed-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await runner?.stop();
  await receiver?.close();
});

describe('dashboard', () => {
  it('is served by the runner at / with SPA fallback, cache headers and no token', async () => {
    const browser = { headers: { accept: 'text/html' } };
    const index = await fetch(`${runner.url}/`, browser);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-type')).toContain('text/html');
    const html = await index.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const js = await fetch(`${runner.url}${asset}`);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    const deep = await fetch(`${runner.url}/streams/lst_unknown/health`, browser);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toBe(html);
    expect((await fetch(`${runner.url}/assets/missing.js`)).status).toBe(404);
    // Only browsers get the page; other paths are not the dashboard's.
    expect((await fetch(`${runner.url}/streams/lst_unknown/health`)).status).toBe(404);
    expect((await fetch(`${runner.url}/metrics`, browser)).status).toBe(404);
    expect((await fetch(`${runner.url}/api/v2/log-streams`)).status).toBe(401);
  });

  it('signs in with a token typed on the keyboard, refusing a wrong one', async () => {
    await page.goto(runner.url);
    await page.getByLabel('API token').fill('not-a-valid-token');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent(), poll).toContain('not valid');
    await browser.screenshot('sign-in');
    await page.getByLabel('API token').fill(TOKEN);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Log streams', exact: true }).waitFor();
    await page.getByText('No log streams yet').waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('outflow.token'))).toBe(TOKEN);
  });

  it('signs in from a #token= fragment and removes it from the address bar', async () => {
    const other = await browser.context.newPage();
    await other.goto(`${runner.url}/#token=${encodeURIComponent(TOKEN)}`);
    await other.getByRole('heading', { name: 'Log streams', exact: true }).waitFor();
    expect(new URL(other.url()).hash).toBe('');
    await other.close();
  });

  it('tests the connection of an unsaved sink from the create form, saving nothing', async () => {
    await page.getByRole('button', { name: /Create your first stream/ }).click();
    await page.locator('.service-card[data-type="http"]').click();
    const button = page.getByRole('button', { name: 'Test connection' });
    await button.waitFor();
    // Disabled until the required fields are filled.
    expect(await button.isDisabled()).toBe(true);
    await page.locator('#sink-httpEndpoint').fill(receiver.url);
    const probesBefore = receiver.probes();
    await button.click();
    const result = page.getByTestId('connection-test').locator('.notice');
    await expect.poll(() => result.textContent(), poll).toMatch(/^Connection OK \(\d+ ms\)\.$/);
    expect(receiver.probes()).toBe(probesBefore + 1);
    receiver.failing = true;
    await button.click();
    await expect.poll(() => result.textContent(), poll).toMatch(/^Connection failed: transient \(HTTP 500 · \d+ ms\)/);
    receiver.failing = false;
    await browser.screenshot('create-connection-test');
    // A sink the API refuses is named, as create would name it.
    await page.locator('#sink-httpEndpoint').fill('ftp://x');
    await button.click();
    await expect.poll(() => result.textContent(), poll).toContain('sink.httpEndpoint');
    expect(receiver.requests).toHaveLength(0);
    expect(await (await runner.api('/api/v2/log-streams')).json()).toEqual([]);
    await page.goto(runner.url);
    await page.getByText('No log streams yet').waitFor();
  });

  it('shows a card for every installed connector, and warns when PII masking hides what Verosint needs', async () => {
    const types = ((await (await runner.api('/api/v2/connectors')).json()) as Array<{ type: string }>).map((c) => c.type);
    await page.getByRole('button', { name: /Create your first stream/ }).click();
    await page.locator('.service-card').first().waitFor();
    expect(await page.locator('.service-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-type')))).toEqual(types);
    await page.locator('.service-card[data-type="verosint"]').click();
    await expect.poll(() => page.locator('#sink-verosintEndpoint').inputValue(), poll).toBe('https://api.verosint.com/v1/signalprint/logs');
    const warning = page.locator('.pii-warning');
    expect(await warning.count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Phone' }).check();
    expect(await warning.count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Email' }).check();
    await expect
      .poll(() => warning.textContent(), poll)
      .toBe('This destination needs Email unmasked: Verosint links sign-ins to people by email and user name, so masking them breaks its detections.');
    await page.getByRole('checkbox', { name: 'Username' }).check();
    await expect.poll(() => warning.textContent(), poll).toContain('needs Email and Username unmasked');
    await browser.screenshot('create-verosint-pii-warning');
    await page.goto(runner.url);
    await page.getByText('No log streams yet').waitFor();
  });

  it('creates a webhook stream through the generated form, with a payload preview that follows the format', async () => {
    await page.getByRole('button', { name: /Create your first stream/ }).click();
    await page.locator('.service-card[data-type="http"]').click();
    // The form comes from the connector's schema: labels, defaults, help, secrets as password fields.
    await expect.poll(() => page.locator('#sink-httpContentFormat').inputValue(), poll).toBe('JSONLINES');
    expect(await page.locator('#sink-httpAuthorization').getAttribute('type')).toBe('password');
    // The removed httpTimeoutMs is no longer a field of the form.
    expect(await page.locator('#sink-httpTimeoutMs').count()).toBe(0);
    await page.getByText('Payload URL that receives the POST requests').waitFor();
    // Validation messages land on the field: a missing value locally, a bad one from the API.
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Receiver webhook');
    await page.getByRole('button', { name: 'Create stream' }).click();
    await expect.poll(() => page.locator('[data-field="httpEndpoint"] .field-error').textContent(), poll).toBe('Required.');
    // The first bad field gets the focus, scrolled into view; no banner stands in for it.
    const focused = () => page.evaluate(() => document.activeElement?.id ?? '');
    const inView = () =>
      page.evaluate(() => {
        const r = document.querySelector('#sink-httpEndpoint')?.getBoundingClientRect();
        return !!r && r.top >= 0 && r.bottom <= window.innerHeight;
      });
    await expect.poll(focused, poll).toBe('sink-httpEndpoint');
    expect(await inView()).toBe(true);
    expect(await page.locator('.create-main .notice-error').count()).toBe(0);
    // Both missing: the name comes first.
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('');
    await page.getByRole('button', { name: 'Create stream' }).click();
    await expect.poll(focused, poll).toBe('stream-name');
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Receiver webhook');
    await page.locator('#sink-httpEndpoint').fill('not a url');
    await page.getByRole('button', { name: 'Create stream' }).click();
    await expect.poll(() => page.locator('[data-field="httpEndpoint"] .field-error').textContent(), poll).toContain('URL');
    await expect.poll(focused, poll).toBe('sink-httpEndpoint');
    expect(await inView()).toBe(true);
    expect(await page.locator('.create-main .notice-error').count()).toBe(0);
    await browser.screenshot('create-focus-bad-field');
    await page.locator('#sink-httpEndpoint').fill(receiver.url);
    await page.locator('#sink-httpAuthorization').fill('Bearer first-secret');
    // JSONLINES: one envelope per line, not a JSON array.
    const preview = page.getByTestId('payload-preview');
    await expect.poll(async () => ((await preview.textContent()) ?? '').trim().split('\n').length, poll).toBeGreaterThan(1);
    const lines = ((await preview.textContent()) ?? '').trim();
    expect(lines.charAt(0)).toBe('{');
    expect(lines).toContain('"log_id"');
    // Pretty-printed: each JSON Lines document indented.
    expect(lines).toContain('\n  "log_id": ');
    expect(await page.locator('.preview-line .url').textContent()).toBe(receiver.url);
    await page.locator('#sink-httpContentFormat').selectOption('JSONARRAY');
    await expect.poll(async () => ((await preview.textContent()) ?? '').trim().charAt(0), poll).toBe('[');
    expect(((await preview.textContent()) ?? '').trim()).not.toBe(lines);
    expect(((await preview.textContent()) ?? '').trim()).toMatch(/^\[\n  \{\n    "log_id": /);
    // The sample events match the chosen filters: failed logins only, so every one yields part of the request.
    const head = page.locator('.preview-head');
    await page.getByRole('checkbox', { name: 'Login - Failure' }).check();
    await expect.poll(() => head.textContent(), poll).toContain('3 sample events → 1 request');
    const failed = new Set(codesOf('auth.login.fail'));
    await expect
      .poll(async () => (JSON.parse((await preview.textContent()) ?? '[]') as Array<{ data: { type: string } }>).map((e) => failed.has(e.data.type)), poll)
      .toEqual([true, true, true]);
    await browser.screenshot('create-preview-filtered');
    await page.getByRole('checkbox', { name: 'Login - Failure' }).uncheck();
    await expect.poll(() => head.textContent(), poll).toContain('3 sample events → 1 request');
    await page.getByRole('checkbox', { name: 'Authentication', exact: true }).check();
    await page.locator('.preview:not([data-busy])').waitFor();
    await browser.screenshot('create-form');
    await page.getByRole('checkbox', { name: 'Authentication', exact: true }).uncheck();
    await page.getByRole('button', { name: 'Create stream' }).click();
    await page.getByRole('heading', { name: 'Receiver webhook' }).waitFor();
    streamId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2] as string);
    expect(streamId).toMatch(/^lst_/);
    const created = (await (await runner.api(`/api/v2/log-streams/${streamId}`)).json()) as { type: string; sink: Record<string, unknown> };
    expect(created.type).toBe('http');
    expect(created.sink).toMatchObject({ httpEndpoint: receiver.url, httpContentFormat: 'JSONARRAY', httpAuthorization: '[REDACTED]' });
  });

  it('shows the delivered count and the last delivery update as events arrive', async () => {
    expect(await number('delivered-count')).toBe(0);
    expect(await text('last-success')).toBe('Never');
    const ids = await ingest(5);
    await expect.poll(() => number('delivered-count'), poll).toBe(5);
    await expect.poll(() => text('last-success'), poll).not.toBe('Never');
    expect(receiver.logIds()).toEqual(ids);
    expect(receiver.requests.at(-1)?.headers.authorization).toBe('Bearer first-secret');
    await expect.poll(async () => Number((await page.getByTestId('delivery-chart').getAttribute('data-delivered')) ?? 0), poll).toBe(5);
    // The stream's metrics: its counters and a link to the Prometheus endpoint.
    await expect.poll(() => number('metric-delivered'), poll).toBe(5);
    expect(await page.getByTestId('metrics-link').getAttribute('href')).toBe('/metrics');
    await browser.screenshot('stream-metrics');
    await page.getByRole('link', { name: 'Log streams' }).first().click();
    const row = page.locator(`[data-stream-id="${streamId}"]`);
    await expect.poll(() => row.getByTestId('last-delivery').textContent(), poll).not.toMatch(/Never|…/);
    expect(await row.getByTestId('status-badge').textContent()).toBe('Active');
    // The last delivery comes with the list; the lag with the row's own health call.
    await expect.poll(() => row.getByTestId('lag').textContent(), poll).toBe('Up to date');
    await browser.screenshot('streams-list');
    await row.getByRole('link', { name: 'Receiver webhook' }).click();
  });

  it('shows the settings with the secret masked, and replaces it', async () => {
    await page.getByRole('link', { name: 'Settings' }).click();
    const secretField = page.locator('#settings-httpAuthorization');
    expect(await secretField.inputValue()).toBe('');
    expect(await secretField.getAttribute('placeholder')).toContain('stored');
    expect(await page.locator('#settings-httpEndpoint').inputValue()).toBe(receiver.url);
    expect(await page.content()).not.toContain('first-secret');
    // Saving other changes keeps the stored secret.
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('Receiver webhook 2');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Settings saved.').waitFor();
    await page.getByRole('heading', { name: 'Receiver webhook 2' }).waitFor();
    await ingest(1);
    await expect.poll(() => receiver.logIds().length, poll).toBe(sent.length);
    expect(receiver.requests.at(-1)?.headers.authorization).toBe('Bearer first-secret');
    // A typed value replaces it.
    await secretField.fill('Bearer second-secret');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Settings saved.').waitFor();
    expect(await secretField.inputValue()).toBe('');
    await browser.screenshot('settings');
    await ingest(1);
    await expect.poll(() => receiver.logIds().length, poll).toBe(sent.length);
    expect(receiver.requests.at(-1)?.headers.authorization).toBe('Bearer second-secret');
    await page.getByRole('link', { name: 'Health' }).click();
  });

  it('shows the receiver failures in the health tab, the suspension and its reason, and restarts', async () => {
    receiver.failing = true;
    await ingest(3);
    const rows = page.getByTestId('error-row');
    await expect.poll(() => rows.count(), poll).toBeGreaterThan(0);
    const first = ((await rows.first().textContent()) ?? '').toLowerCase();
    expect(first).toContain('delivery failed');
    expect(first).toContain('500');
    await expect.poll(() => number('failed-count'), poll).toBeGreaterThan(0);
    await expect.poll(() => number('lag'), poll).toBe(3);
    await expect.poll(async () => Number((await page.getByTestId('delivery-chart').getAttribute('data-failed')) ?? 0), poll).toBeGreaterThan(0);
    await browser.screenshot('health');
    // Failing for longer than delivery.suspendAfter (4 s here) suspends the stream, with the reason shown.
    await expect.poll(() => page.getByTestId('status-badge').first().textContent(), poll).toBe('Suspended');
    await page.getByText(/^Suspended: /).waitFor();
    expect(await streamStatus()).toBe('suspended');
    await page.getByRole('link', { name: 'Log streams' }).first().click();
    const row = page.locator(`[data-stream-id="${streamId}"]`);
    await row.locator('.status-reason').waitFor();
    expect(((await row.locator('.status-reason').textContent()) ?? '').length).toBeGreaterThan(5);
    await browser.screenshot('streams-list-suspended');
    await row.getByRole('link').first().click();
    receiver.failing = false;
    await page.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => page.getByTestId('status-badge').first().textContent(), poll).toBe('Active');
    await expect.poll(() => number('delivered-count'), poll).toBe(sent.length);
    await expect.poll(() => number('lag'), poll).toBe(0);
  });

  it('pauses and resumes the stream', async () => {
    await page.getByRole('button', { name: 'Pause' }).click();
    await expect.poll(() => page.getByTestId('status-badge').first().textContent(), poll).toBe('Paused');
    expect(await streamStatus()).toBe('paused');
    const before = receiver.logIds().length;
    const ids = await ingest(2);
    await expect.poll(() => number('lag'), poll).toBe(2);
    expect(receiver.logIds().length).toBe(before);
    await page.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(() => page.getByTestId('status-badge').first().textContent(), poll).toBe('Active');
    expect(await streamStatus()).toBe('active');
    await expect.poll(() => receiver.logIds().slice(-2), poll).toEqual(ids);
    await expect.poll(() => number('delivered-count'), poll).toBe(sent.length);
  });

  it('lists dead letters with the reason and redrives them', async () => {
    receiver.rejecting = true;
    const ids = await ingest(2);
    await expect.poll(() => number('dead-letter-count'), poll).toBe(2);
    await page.getByRole('link', { name: 'Dead letters' }).click();
    const table = page.getByRole('table', { name: 'Dead letters' });
    await expect.poll(() => table.locator('tbody tr').count(), poll).toBe(2);
    expect(await table.textContent()).toContain('400');
    await browser.screenshot('dead-letters');
    receiver.rejecting = false;
    await page.getByRole('button', { name: 'Redrive all' }).click();
    await page.getByText(/Redriving 2 events/).waitFor();
    await page.getByText('No dead letters').waitFor({ timeout: 20_000 });
    await expect.poll(() => receiver.logIds().slice(-2).sort(), poll).toEqual([...ids].sort());
    await page.getByRole('link', { name: 'Health' }).click();
    await expect.poll(() => number('dead-letter-count'), poll).toBe(0);
  });

  it('sends a test event through the stream and shows what the destination answered', async () => {
    const before = receiver.requests.length;
    await page.getByRole('button', { name: 'Send test event' }).click();
    await page.getByText(/Test event delivered/).waitFor();
    expect(receiver.requests.length).toBe(before + 1);
    expect(sent).not.toContain(receiver.logIds().at(-1));
  });

  it('replays from a date', async () => {
    const before = receiver.logIds().length;
    await page.getByRole('button', { name: 'Replay' }).click();
    await page.getByText(/Replaying events recorded since/).waitFor();
    await expect.poll(() => receiver.logIds().length, poll).toBe(before + sent.length);
    // Two requests may be in flight at once (delivery.concurrency), so arrival order may differ from log order.
    expect(receiver.logIds().slice(before).sort()).toEqual([...sent].sort());
  });

  it('deletes the stream after confirmation', async () => {
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    expect((await runner.api(`/api/v2/log-streams/${streamId}`)).status).toBe(200);
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete stream' }).click();
    await page.getByText('No log streams yet').waitFor();
    expect((await runner.api(`/api/v2/log-streams/${streamId}`)).status).toBe(404);
  });

  it('creates a stream that starts from a past date and delivers the events since then', async () => {
    const before = receiver.logIds().length;
    await page.getByRole('button', { name: /Create your first stream/ }).click();
    await page.locator('.service-card[data-type="http"]').click();
    await page.getByRole('textbox', { name: 'Name', exact: true }).fill('From an hour ago');
    await page.locator('#sink-httpEndpoint').fill(receiver.url);
    await page.locator('label.segment', { hasText: 'From a date' }).click();
    expect(await page.getByRole('radio', { name: 'From a date' }).isChecked()).toBe(true);
    // Older than the retention (30 days): refused on the field.
    await page.locator('#start-from').fill('2020-01-01T00:00');
    await page.getByRole('button', { name: 'Create stream' }).click();
    await expect.poll(() => page.locator('#start-from ~ .field-error').textContent(), poll).toContain('retention');
    await page.locator('#start-from').fill(new Date(Date.now() - 3600_000 - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 16));
    await page.getByRole('button', { name: 'Create stream' }).click();
    await page.getByRole('heading', { name: 'From an hour ago' }).waitFor();
    await expect.poll(() => receiver.logIds().length, poll).toBe(before + sent.length);
    expect(receiver.logIds().slice(before).sort()).toEqual([...sent].sort());
  });

  it('lists the runners with the streams each delivers, and each stream page names its runner', async () => {
    const answer = (await (await runner.api('/api/v2/runners')).json()) as {
      mode: string;
      runners: Array<{ id: string; pid: number; streams: Array<{ name: string }> }>;
    };
    expect(answer.mode).toBe('single');
    const me = answer.runners[0] as { id: string; pid: number; streams: Array<{ name: string }> };
    expect(me.streams.map((s) => s.name)).toEqual(['From an hour ago']);
    await page.goto(runner.url);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Runners' }).click();
    await page.getByRole('heading', { name: 'Runners', exact: true }).waitFor();
    const row = page.getByTestId('runner-row');
    await expect.poll(() => row.count(), poll).toBe(1);
    expect(await row.getAttribute('data-runner-id')).toBe(me.id);
    expect(await row.textContent()).toContain(String(me.pid));
    expect(await text('runner-streams')).toBe('From an hour ago');
    expect(await text('runner-heartbeat')).toMatch(/^\d+\.\d s ago$/);
    expect(await text('runners-mode')).toContain('One runner delivers every active stream');
    await browser.screenshot('runners');
    await row.getByRole('link', { name: 'From an hour ago' }).click();
    await page.getByRole('heading', { name: 'From an hour ago' }).waitFor();
    await expect.poll(() => text('stream-runner'), poll).toBe(`· Delivered by ${me.id}`);
    await browser.screenshot('stream-runner');
  });

  it('stays readable in a narrow window', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${runner.url}/streams/new`);
    await page.locator('.service-card[data-type="http"]').waitFor();
    await browser.screenshot('narrow-create');
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - Math.min(window.innerWidth, document.documentElement.clientWidth));
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.goto(runner.url);
    await page.locator('[data-testid="stream-row"]').first().waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await browser.screenshot('narrow-list');
    await page.getByRole('link', { name: 'From an hour ago' }).click();
    await page.getByTestId('delivery-chart').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await browser.screenshot('narrow-health');
  });

  it('ran without page errors or content-security-policy violations', () => {
    expect(browser.errors).toEqual([]);
  });
});
