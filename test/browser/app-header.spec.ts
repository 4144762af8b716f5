/**
 * The designer and the inbox wear one header (ui-shared/app-header.ts): the same colours and
 * order — brand with the app's name, the app's pages, the link to the other app, who is signed in
 * (linking to "Akun saya"), the language and signing out — and each links to the other, with one
 * language for both. A member of staff sees no designer link in the inbox.
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { screenshot } from './support/index.js';
import { designerScene } from './support/designer-scene.js';
import { loginToDesigner } from './support/designer-page.js';

const analyst = { username: 'analis.kepala', password: 'Rahasia-analis-8', roles: ['analyst'], groups: ['bagian-organisasi'], displayName: 'Rina Analis' };
const staff = { username: 'sari.loket', password: 'Rahasia-sari-8', roles: ['staff'], groups: ['loket'], displayName: 'Sari' };
const admin = { username: 'admin.batang', password: 'Rahasia-admin-8', roles: ['admin'], groups: ['sekretariat'], displayName: 'Rina Kartika, S.E.' };
/** The header's height when everything stands in one row (app-header.css). */
const ONE_ROW = 52;

/** What a header shows and how it looks, to compare the two apps. */
async function headerOf(page: Page) {
  const header = page.locator('header.alur-header');
  await header.waitFor();
  // No helper functions inside: the page receives this function's text only.
  return header.evaluate((element) => {
    const mark = element.querySelector('.alur-brand-mark');
    const logout = element.querySelector('[data-action=logout]');
    return {
      order: [...element.children].map((child) => child.className),
      // What the user menu offers, in order (on a wide screen the items of .alur-more stand in the row).
      menu: [...element.querySelectorAll('.alur-user-menu > :not(.alur-menu-toggle):not(.alur-more), .alur-more > :not(.alur-more-who)')].map((child) => child.getAttribute('data-nav') ?? child.className),
      background: getComputedStyle(element).backgroundColor,
      height: Math.round(element.getBoundingClientRect().height),
      mark: mark ? getComputedStyle(mark).backgroundImage : null,
      logout: logout ? getComputedStyle(logout).borderColor : null,
      app: element.querySelector('.alur-brand-app')?.textContent,
      who: element.querySelector('.who-am-i')?.textContent,
    };
  });
}

describe('designer and inbox: one header, linking to each other', function () {
  const scene = designerScene({ id: 'batang', name: 'Kabupaten Batang', users: [analyst, staff, admin] });

  it('given an analyst, then the designer and the inbox show the same header and each links to the other', async function () {
    const { server, page } = scene;
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const designer = await headerOf(page);
    expect(designer.app).to.equal('Perancang Proses');
    // The tenant by its name (the login's tenantName), not its id.
    expect(designer.who).to.contain('Rina Analis').and.contain('Kabupaten Batang');
    expect(designer.menu).to.deep.equal(['who-am-i', 'inbox', 'alur-lang', 'alur-logout']);
    expect(await page.locator('.who-am-i').getAttribute('href')).to.equal('/inbox/#/akun');
    await screenshot(page, 'header-designer');

    await page.click('[data-nav=inbox]');
    await page.waitForURL(/\/inbox\//);
    await page.fill('input[name=username]', analyst.username);
    await page.fill('input[name=password]', analyst.password);
    await page.click('button[type=submit]');
    await page.locator('.who-am-i').waitFor();
    const inbox = await headerOf(page);
    expect(inbox.app).to.equal('Kotak Tugas');
    expect(inbox.menu).to.deep.equal(['who-am-i', 'designer', 'alur-lang', 'alur-logout']);
    expect(inbox.order).to.deep.equal(['alur-skip', ...designer.order.filter((name) => name !== 'alur-skip')]);
    for (const key of ['background', 'height', 'mark', 'logout', 'who'] as const) expect(inbox[key], key).to.equal(designer[key]);
    await screenshot(page, 'header-inbox');

    // One language for both: English chosen in the inbox holds in the designer.
    await page.selectOption('[data-testid=language]', 'en');
    await page.locator('[data-nav=designer]', { hasText: 'Process designer' }).click();
    await page.locator('.djs-palette .entry').first().waitFor();
    expect(await page.locator('[data-action=logout]').innerText()).to.equal('Sign out');
    await page.selectOption('[data-testid=language]', 'id');
    await page.locator('[data-action=logout]', { hasText: 'Keluar' }).waitFor();
  });

  it('given no one signed in, then both sign-in pages wear the same header: brand and language picker, no user menu', async function () {
    const { server, browser } = scene;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${server.url}/designer/index.html`);
    await page.locator('input[name=username]').waitFor();
    const designer = await headerOf(page);
    expect(designer.app).to.equal('Perancang Proses');
    expect(designer.menu).to.deep.equal(['alur-lang']);
    expect(await page.locator('.login-card h1').innerText()).to.equal('Masuk ke Alur');
    await screenshot(page, 'login-designer');
    // The picker in the header translates the sign-in form, and the choice holds in the inbox.
    await page.selectOption('[data-testid=language]', 'en');
    await page.locator('.login-card h1', { hasText: 'Sign in to Alur' }).waitFor();
    expect(await page.locator('[data-testid=language]').count()).to.equal(1);
    await page.selectOption('[data-testid=language]', 'id');
    await page.locator('.login-card h1', { hasText: 'Masuk ke Alur' }).waitFor();

    await page.goto(`${server.url}/inbox/index.html`);
    await page.locator('input[name=username]').waitFor();
    const inbox = await headerOf(page);
    expect(inbox.menu).to.deep.equal(['alur-lang']);
    for (const key of ['background', 'height', 'mark', 'order'] as const) expect(inbox[key], key).to.deep.equal(designer[key]);
    await screenshot(page, 'login-inbox');
    await context.close();
  });

  it('given a member of staff, then the inbox header has no designer link, and the language follows the picker', async function () {
    const { server, browser } = scene;
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'id-ID' });
    const page = await context.newPage();
    await page.goto(`${server.url}/inbox/index.html`);
    await page.fill('input[name=username]', staff.username);
    await page.fill('input[name=password]', staff.password);
    await page.click('button[type=submit]');
    await page.locator('.who-am-i').waitFor();
    expect((await headerOf(page)).menu).to.deep.equal(['who-am-i', 'alur-lang', 'alur-logout']);
    await page.selectOption('[data-testid=language]', 'en');
    await page.locator('[data-action=logout]', { hasText: 'Sign out' }).waitFor();
    expect((await headerOf(page)).app).to.equal('Task inbox');
    await page.selectOption('[data-testid=language]', 'id');
    await page.locator('[data-action=logout]', { hasText: 'Keluar' }).click();
    await page.locator('input[name=username]').waitFor();
    await context.close();
  });

  /** How the header stands: its height, whether its pages scroll, and what lies outside its row. */
  async function rowOf(page: Page) {
    return page.locator('header.alur-header').evaluate((header) => {
      const box = header.getBoundingClientRect();
      const nav = header.querySelector('.alur-nav') as HTMLElement;
      const shown = [...header.querySelectorAll('.alur-brand, .alur-nav-link, .alur-user-menu a, .alur-user-menu select, .alur-user-menu button')]
        .filter((item) => (item as HTMLElement).offsetParent !== null && getComputedStyle(item).visibility !== 'hidden');
      return {
        height: Math.round(box.height),
        navScrolls: nav.scrollWidth > nav.clientWidth,
        // Below or beside the row; a page link the strip scrolls to is beside it on purpose (navScrolls says so).
        outside: shown.filter((item) => {
          const r = item.getBoundingClientRect();
          return r.top < box.top || r.bottom > box.bottom || (!item.closest('.alur-nav') && r.right > document.documentElement.clientWidth);
        })
          .map((item) => item.textContent || item.className),
        shown: shown.map((item) => item.getAttribute('data-nav') ?? item.className),
      };
    });
  }

  async function signedIn(app: 'designer' | 'inbox', user: { username: string; password: string }, width: number): Promise<Page> {
    const phone = width < 500;
    const context = await scene.browser.newContext({ viewport: { width, height: 844 }, locale: 'id-ID', isMobile: phone, hasTouch: phone });
    const page = await context.newPage();
    await page.goto(`${scene.server.url}/${app}/index.html`);
    await page.fill('input[name=username]', user.username);
    await page.fill('input[name=password]', user.password);
    await page.click('button[type=submit]');
    await page.locator('.who-am-i').waitFor();
    return page;
  }

  it('given an admin on a 1440 px screen, then the designer\'s header is one row with every admin page in it, and so is the inbox\'s', async function () {
    const designer = await signedIn('designer', admin, 1440);
    await designer.locator('[data-nav=people]').waitFor();
    const row = await rowOf(designer);
    expect(row.shown).to.include.members(['designer', 'pantau', 'packs', 'people', 'calendar', 'registers', 'inbox']);
    expect(row, 'designer at 1440 px').to.include({ height: ONE_ROW, navScrolls: false });
    expect(row.outside, 'outside the row').to.deep.equal([]);
    await screenshot(designer, 'header-designer-admin-1440');
    await designer.click('[data-nav=inbox]');
    await designer.fill('input[name=username]', admin.username);
    await designer.fill('input[name=password]', admin.password);
    await designer.click('button[type=submit]');
    await designer.locator('.who-am-i').waitFor();
    const inbox = await rowOf(designer);
    expect(inbox, 'inbox at 1440 px').to.include({ height: ONE_ROW, navScrolls: false });
    expect(inbox.outside, 'outside the row').to.deep.equal([]);
    await designer.context().close();
  });

  it('given a 390 px phone, then both headers are one row: the account badge and a menu holding the other app, the language and signing out', async function () {
    for (const app of ['inbox', 'designer'] as const) {
      const page = await signedIn(app, analyst, 390);
      const row = await rowOf(page);
      expect(row.height, `${app} header on a phone`).to.equal(ONE_ROW);
      expect(row.outside, `${app}: outside the row`).to.deep.equal([]);
      expect(row.shown, `${app}: in the row`).to.include.members(['who-am-i', 'alur-menu-toggle']).and.not.include('alur-logout');
      // The inbox's one page stays in view; the designer's pages scroll sideways in their strip.
      if (app === 'inbox') expect(row.navScrolls, 'inbox pages').to.equal(false);
      await screenshot(page, `header-${app}-phone`);

      const toggle = page.getByRole('button', { name: 'Menu lainnya' });
      await toggle.click();
      expect(await toggle.getAttribute('aria-expanded')).to.equal('true');
      await page.getByRole('button', { name: 'Keluar' }).waitFor();
      // The badge shows initials only; the open menu names the person and the tenant.
      expect(await page.locator('.alur-more-who').innerText()).to.contain('Rina Analis').and.contain('Kabupaten Batang');
      expect(await page.locator('[data-testid=language]').isVisible()).to.equal(true);
      expect(await page.locator(`[data-nav=${app === 'inbox' ? 'designer' : 'inbox'}]`).isVisible()).to.equal(true);
      expect((await rowOf(page)).height, 'the open menu drops down, the row stays').to.equal(ONE_ROW);
      await screenshot(page, `header-${app}-phone-menu`);
      await page.keyboard.press('Escape');
      await page.getByRole('button', { name: 'Keluar' }).waitFor({ state: 'hidden' });
      expect(await toggle.evaluate((button) => document.activeElement === button), 'focus back on the menu button').to.equal(true);
      // A choice in the menu works from there: the language switches the whole page.
      await toggle.click();
      await page.locator('[data-testid=language]').selectOption('en');
      await page.locator('[data-action=logout]', { hasText: 'Sign out' }).waitFor({ state: 'attached' });
      await page.context().close();
    }
  });
});
