/**
 * Inbox pages for the browser tests: a signed-in page per staff user, each in its own browser
 * context so sessions never mix, and full-page screenshots in test-results/inbox/. The browser
 * itself comes from the shared support (browser.ts: Debian's Chromium, never a download).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { watchPageErrors } from './page-errors.js';

export const SHOTS = join('test-results', 'inbox');
export const DESKTOP = { width: 1366, height: 900 };
export const PHONE = { width: 390, height: 844 };
/**
 * The inbox's page, addressed by its file: the same page as `/inbox/` (engine/api/static.ts
 * redirects only the slash-less `/inbox`), and an address that stays valid if that ever changes.
 */
export const INBOX_PATH = '/inbox/index.html';

/** Opens the inbox in a fresh context and signs in through the login form, as a person would. */
export async function signIn(browser: Browser, base: string, username: string, password: string, viewport = DESKTOP): Promise<Page> {
  const phone = viewport.width < 500;
  const context = await browser.newContext({ viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta', isMobile: phone, hasTouch: phone });
  const page = await context.newPage();
  watchPageErrors(page, username);
  await page.goto(`${base}${INBOX_PATH}`);
  await page.getByLabel(/Nama pengguna|Username/).fill(username);
  await page.getByLabel(/Kata sandi|Password/).fill(password);
  await page.getByRole('button', { name: /^(Masuk|Sign in)$/ }).click();
  // The list's own heading, exactly: the login page's 'Masuk ke Kotak Tugas' also contains 'Tugas',
  // and a test that went on from there raced the sign-in (a reload lost the session not yet saved).
  await page.getByRole('heading', { level: 1, name: /^(Tugas|Tasks)$/ }).waitFor();
  await page.locator('.task-list[aria-busy=false]').waitFor({ state: 'attached' });
  return page;
}

export function shot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SHOTS, { recursive: true });
  return page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}
