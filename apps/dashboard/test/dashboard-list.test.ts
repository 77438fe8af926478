// The streams list at its design point, 1,000 streams, in real Chromium: load time, search, sort, filter, paging,
// Retrying and Failing badges with the last error, and narrow windows.
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, type TestBrowser } from './support/browser';
import { startReceiver, type Receiver } from './support/receiver';
import { makeEvent, startRunner, TOKEN, type RunnerProcess } from './support/runner';

const TOTAL = 1000;
const CONSOLE = 100; // streams of the console type, for the type search
const PAUSED = 50;
const poll = { timeout: 30_000, interval: 200 };

let runner: RunnerProcess;
let receiver: Receiver;
let failing: Receiver;
let denied: Server;
let deniedUrl = '';
let browser: TestBrowser;
let page: Page;
const ids = new Map<string, string>();

const name = (i: number) => `Stream ${String(i).padStart(4, '0')}`;
const rowNames = () => page.locator('[data-testid="stream-row"] .row-link').allTextContents();
const range = async () => ((await page.getByTestId('page-range').textContent()) ?? '').trim();

async function create(body: Record<string, unknown>): Promise<string> {
  const res = await runner.api('/api/v2/log-streams', { method: 'POST', body: JSON.stringify(body) });
  if (res.status !== 200) throw new Error(`Create answered ${res.status}: ${await res.text()}`);
  const id = ((await res.json()) as { id: string }).id;
  return id;
}

beforeAll(async () => {
  receiver = await startReceiver();
  failing = await startReceiver();
  failing.failing = true;
  // A destination that refuses the credentials: retrying cannot fix it, so the stream is Failing at once.
  denied = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(401, { 'content-type': 'text/plain' }).end('bad token'));
  });
  await new Promise<void>((ok) => denied.listen(0, '127.0.0.1', ok));
  deniedUrl = `http://127.0.0.1:${(denied.address() as { port: number }).port}/hook`;
  // The 997 others come from the config file, the fast way to have many; the last ones start paused.
  const quiet = `filters: [{ type: category, name: auth.login.success }]`;
  const yaml = Array.from({ length: TOTAL - 3 }, (_, k) => {
    const i = k + 3;
    const sink = i < 3 + CONSOLE ? `type: console, sink: {}` : `type: http, sink: { httpEndpoint: "${receiver.url}" }`;
    return `  - { name: "${name(i)}", tenant: acme, ${sink}, ${quiet}${i >= TOTAL - PAUSED ? ', status: paused' : ''} }\n`;
  }).join('');
  const started = Date.now();
  runner = await startRunner({ suspendAfter: '10m', streams: yaml });
  console.info(`Started a runner with ${TOTAL - 3} config streams in ${Date.now() - started} ms.`);
  // Three API streams take every event; the others select successful logins only, and the test ingests failed ones.
  await create({ name: 'Alpha webhook', type: 'http', sink: { httpEndpoint: receiver.url } });
  await create({ name: 'Bravo retrying', type: 'http', sink: { httpEndpoint: failing.url } });
  await create({ name: 'Charlie denied', type: 'http', sink: { httpEndpoint: deniedUrl } });
  for (const s of (await (await runner.api('/api/v2/log-streams')).json()) as Array<{ id: string; name: string }>) ids.set(s.name, s.id);
  await runner.ingest(Array.from({ length: 3 }, () => makeEvent({ type: 'f', description: 'Wrong email or password.' })));
  browser = await launchBrowser({ folder: 'list' });
  page = browser.page;
  await page.goto(`${runner.url}/#token=${encodeURIComponent(TOKEN)}`);
  await page.getByRole('heading', { name: 'Log streams', exact: true }).waitFor();
}, 240_000);

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail' && page)
    await browser.screenshot(`failed-list-${ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60)}`).catch(() => {});
});

afterAll(async () => {
  await browser?.close();
  await runner?.stop();
  await receiver?.close();
  await failing?.close();
  await new Promise((ok) => denied?.close(ok));
});

describe('streams list with 1,000 streams', () => {
  it('has all 1,000 in the API', async () => {
    expect(((await (await runner.api('/api/v2/log-streams')).json()) as unknown[]).length).toBe(TOTAL);
  });

  it('renders the first page in under 1 s from navigation to rows visible (median of three loads)', async () => {
    // In the page: performance.now() counts from the navigation's start; checked every animation frame.
    const times: number[] = [];
    const wall: number[] = [];
    for (let run = 0; run < 3; run++) {
      await page.goto('about:blank');
      const start = Date.now();
      await page.goto(runner.url, { waitUntil: 'commit' });
      const shown = await page.waitForFunction(
        () => {
          const rows = document.querySelectorAll('[data-testid="stream-row"]');
          return rows.length === 25 && (rows[24] as HTMLElement).offsetHeight > 0 && performance.now();
        },
        undefined,
        { polling: 'raf', timeout: 15_000 },
      );
      times.push(Math.round((await shown.jsonValue()) as number));
      wall.push(Date.now() - start);
    }
    console.info(`List of ${TOTAL} streams: rows visible ${times.join(', ')} ms after navigation start (test-side wall clock ${wall.join(', ')} ms).`);
    // The median of three loads: the machine running the tests is shared, so one load can stall on another process.
    expect([...times].sort((a, b) => a - b)[1]).toBeLessThan(1000);
    const calls = await page.evaluate(() =>
      (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((e) => !e.name.includes('/health'))
        .map((e) => `${new URL(e.name).pathname}${new URL(e.name).search} ${Math.round(e.startTime)}→${Math.round(e.responseEnd)} ms`),
    );
    console.info(`Requests of the last load (ms from navigation start):\n${calls.join('\n')}`);
    expect(await page.locator('[data-testid="stream-row"]').count()).toBe(25);
    expect(await range()).toBe('1–25 of 1,000');
    expect(await page.getByTestId('page-number').textContent()).toBe('Page 1 of 40');
    expect(await rowNames()).toEqual(['Alpha webhook', 'Bravo retrying', 'Charlie denied', ...Array.from({ length: 22 }, (_, k) => name(k + 3))]);
    await browser.screenshot('streams-list-1000');
  });

  it('pages forward and back', async () => {
    await page.getByRole('button', { name: 'Next ›' }).click();
    expect(await range()).toBe('26–50 of 1,000');
    expect((await rowNames())[0]).toBe(name(25));
    await page.getByRole('button', { name: '‹ Previous' }).click();
    expect((await rowNames())[0]).toBe('Alpha webhook');
    expect(await page.getByRole('button', { name: '‹ Previous' }).isDisabled()).toBe(true);
  });

  it('searches by name and by type', async () => {
    const search = page.getByRole('searchbox', { name: 'Search log streams' });
    await search.fill('stream 0999');
    await expect.poll(rowNames, poll).toEqual([name(999)]);
    expect(await range()).toBe('1–1 of 1');
    await search.fill('console');
    await expect.poll(range, poll).toBe(`1–25 of ${CONSOLE}`);
    expect(await page.locator('[data-testid="stream-row"] .service-name').first().textContent()).toContain('console');
    await search.fill('no such stream');
    await page.getByText('No streams match').waitFor();
    await search.fill('');
    await expect.poll(range, poll).toBe('1–25 of 1,000');
  });

  it('sorts by name descending and by status, problems first', async () => {
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('name-desc');
    await expect.poll(async () => (await rowNames())[0], poll).toBe(name(999));
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('status');
    await expect.poll(async () => (await rowNames()).slice(0, 2), poll).toEqual(['Charlie denied', 'Bravo retrying']);
    await page.getByRole('combobox', { name: 'Sort by' }).selectOption('name');
  });

  it('shows Retrying and Failing with the last error, and filters by status', async () => {
    const status = page.getByRole('combobox', { name: 'Status filter' });
    await expect.poll(() => status.locator('option[value="retrying"]').textContent(), poll).toBe('Retrying (1)');
    await expect.poll(() => status.locator('option[value="failing"]').textContent(), poll).toBe('Failing (1)');
    expect(await status.locator('option[value="paused"]').textContent()).toBe(`Paused (${PAUSED})`);
    expect(await status.locator('option[value="active"]').textContent()).toBe(`Active (${TOTAL - PAUSED - 2})`);
    await status.selectOption('retrying');
    await expect.poll(rowNames, poll).toEqual(['Bravo retrying']);
    const bravo = page.locator(`[data-stream-id="${ids.get('Bravo retrying')}"]`);
    expect(await bravo.getByTestId('status-badge').textContent()).toBe('Retrying');
    expect(await bravo.getByTestId('status-reason').textContent()).toContain('500');
    await status.selectOption('failing');
    await expect.poll(rowNames, poll).toEqual(['Charlie denied']);
    const charlie = page.locator(`[data-stream-id="${ids.get('Charlie denied')}"]`);
    expect(await charlie.getByTestId('status-badge').textContent()).toBe('Failing');
    expect(await charlie.getByTestId('status-reason').textContent()).toContain('401');
    await browser.screenshot('streams-list-failing');
    await status.selectOption('paused');
    await expect.poll(range, poll).toBe(`1–25 of ${PAUSED}`);
    expect(await page.locator('[data-testid="stream-row"][data-status="paused"]').count()).toBe(25);
    await status.selectOption('active');
    await expect.poll(async () => (await rowNames())[0], poll).toBe('Alpha webhook');
    const alpha = page.locator(`[data-stream-id="${ids.get('Alpha webhook')}"]`);
    expect(await alpha.getByTestId('status-badge').textContent()).toBe('Active');
    await expect.poll(() => alpha.getByTestId('last-delivery').textContent(), poll).not.toMatch(/Never|…/);
    await status.selectOption('all');
  });

  it("shows the last error on a failing stream's page, with its metrics", async () => {
    await page.goto(`${runner.url}/streams/${ids.get('Bravo retrying')}`);
    await expect.poll(() => page.getByTestId('status-badge').first().textContent(), poll).toBe('Retrying');
    await page.getByText(/^Retrying: the latest delivery round failed: The destination answered HTTP 500/).waitFor();
    expect(await page.getByTestId('metrics-link').getAttribute('href')).toBe('/metrics');
    await expect.poll(async () => Number(await page.getByTestId('metric-failed').textContent()), poll).toBeGreaterThan(0);
    await browser.screenshot('stream-retrying');
    await page.goto(`${runner.url}/streams/${ids.get('Charlie denied')}`);
    await expect.poll(() => page.getByTestId('status-badge').first().textContent(), poll).toBe('Failing');
    await page.getByText(/^Failing: .*401/).waitFor();
  });

  it('fits a 375 px window: no page overflow, the list collapses to cards', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.goto(runner.url);
    await page.locator('[data-testid="stream-row"]').nth(24).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    expect(await page.locator('.table-streams thead').isVisible()).toBe(false);
    await page.getByRole('combobox', { name: 'Status filter' }).selectOption('failing');
    await expect.poll(rowNames, poll).toEqual(['Charlie denied']);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await browser.screenshot('narrow-list');
    await page.goto(`${runner.url}/streams/${ids.get('Charlie denied')}`);
    await page.getByTestId('metrics-card').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await browser.screenshot('narrow-stream');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('ran without page errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
