/**
 * Launches the machine's Chromium (/usr/bin/chromium, or CHROMIUM_PATH) headless through
 * playwright-core, with a fresh profile every time. Never downloads a browser.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { watchPageErrors } from './page-errors.js';

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page of a new browser context (own cookies and storage) at a desktop size. */
export async function newPage(browser: Browser, options: { width?: number; height?: number; locale?: string } = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: options.height ?? 900 },
    locale: options.locale ?? 'id-ID',
    acceptDownloads: true,
  });
  const page = await context.newPage();
  // An uncaught exception in the page fails the test (page-errors-hook.ts).
  watchPageErrors(page);
  return page;
}

export const screenshotDir = path.resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'browser');

/** Saves a full-window screenshot as test-results/browser/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}
