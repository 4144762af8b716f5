/**
 * Headless Chromium for the inbox tests (Debian's /usr/bin/chromium driven by playwright-core;
 * never a downloaded browser), and a signed-in page per staff user, each in its own context so
 * their sessions never mix. Screenshots go to test-results/inbox/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const SHOTS = join('test-results', 'inbox');
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };
/**
 * The inbox's page. Addressed as index.html because the server's `/inbox` → `/inbox/` redirect
 * currently also matches `/inbox/` itself (express 5 non-strict routing) and loops.
 */
export const INBOX_PATH = '/inbox/index.html';

export function launchInboxBrowser(): Promise<Browser> {
  mkdirSync(SHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** Opens the inbox in a fresh context and signs in through the login form, as a person would. */
export async function signIn(browser: Browser, base: string, username: string, password: string,
  viewport = DESKTOP, locale = 'id-ID'): Promise<Page> {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Asia/Jakarta', isMobile: viewport.width < 500, hasTouch: viewport.width < 500 });
  const page = await context.newPage();
  page.on('pageerror', (error) => { console.error(`[${username}] page error:`, error.message); });
  await page.goto(`${base}${INBOX_PATH}`);
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/Kata sandi|Password/).fill(password);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /Tugas|Tasks/ }).waitFor();
  return page;
}

export function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
