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
      menu: [...element.querySelector('.alur-user-menu')!.children].map((child) => child.getAttribute('data-nav') ?? child.className),
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
  const scene = designerScene({ id: 'batang', name: 'Kabupaten Batang', users: [analyst, staff] });

  it('given an analyst, then the designer and the inbox show the same header and each links to the other', async function () {
    const { server, page } = scene;
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const designer = await headerOf(page);
    expect(designer.app).to.equal('Perancang Proses');
    // The tenant by its name (the login's tenantName), not its id.
    expect(designer.who).to.contain('Rina Analis').and.contain('Kabupaten Batang');
    expect(designer.menu).to.deep.equal(['inbox', 'who-am-i', 'alur-lang', 'alur-logout']);
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
    expect(inbox.menu).to.deep.equal(['designer', 'who-am-i', 'alur-lang', 'alur-logout']);
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
});
