// Launches Debian's Chromium through playwright-core with a fresh profile; fails loudly when it is missing.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const RESULTS = resolve(import.meta.dirname, '../../test-results');

export interface TestBrowser {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors (CSP violations included), minus failed API answers the app handles. */
  errors: string[];
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/** `folder`: a subfolder of test-results for this file's screenshots, so test files do not wipe each other's. */
export async function launchBrowser(options: { folder?: string } = {}): Promise<TestBrowser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Install Debian's chromium package (apt-get install -y chromium); .ci/run installs it when it is missing.`,
    );
  }
  const profile = mkdtempSync(join(tmpdir(), 'outflow-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1280, height: 900 },
  });
  context.setDefaultTimeout(15_000);
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const watch = (p: Page) => {
    p.on('pageerror', (err) => errors.push(`page error: ${err.message}`));
    p.on('console', (msg) => {
      if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) errors.push(`console: ${msg.text()}`);
    });
  };
  watch(page);
  context.on('page', watch);
  // Only this run's screenshots: the folder's own .png files go, other test files' subfolders stay.
  const folder = options.folder ? join(RESULTS, options.folder) : RESULTS;
  mkdirSync(folder, { recursive: true });
  for (const f of readdirSync(folder)) if (f.endsWith('.png')) rmSync(join(folder, f), { force: true });
  return {
    context,
    page,
    errors,
    async screenshot(name) {
      const path = join(folder, `${name}.png`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
