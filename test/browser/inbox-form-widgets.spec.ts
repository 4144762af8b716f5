/**
 * form-js's own widget words in the inbox's language, on a phone: a select says "Pilih", a
 * searchable one "Cari", the date picker shows Indonesian months and weekdays with Monday first and
 * asks for "hh/bb/tttt" — and, opened on a 390 px screen, it stays on the screen (the page does not
 * scroll sideways). In English the same widgets read as form-js writes them, Sunday first.
 * Screenshots land in test-results/inbox/.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { setupTenant } from './support/api.js';
import { InboxApi } from './support/inbox-api.js';
import { PHONE, shot, signIn } from './support/inbox-browser.js';

const PASSWORD = 'Rahasia-123!';
const fixtures = join('test', 'browser', 'fixtures');

describe('inbox: form widgets in the reader\'s language, on a phone', function () {
  let server: RunningServer;
  let browser: Browser;
  let page: Page | undefined;

  before(async function () {
    const built = spawnSync(process.execPath, ['inbox/build.mjs'], { stdio: 'inherit', env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' } });
    expect(built.status, 'inbox build').to.equal(0);
    server = await startServer({ env: { DATABASE_URL: '', REDIS_URL: '' } });
    browser = await launchBrowser();
    await setupTenant(server.url, server.adminPassword, { id: 'kotawidget', name: 'Kota Widget', users: [
      { username: 'analis', password: PASSWORD, roles: ['analyst'], groups: [] },
      { username: 'lina', password: PASSWORD, roles: ['staff'], groups: ['loket'] },
    ] });
    const analyst = await InboxApi.login(server.url, 'analis', PASSWORD);
    await analyst.deploy([join(fixtures, 'form-widgets.bpmn'), join(fixtures, 'form-widgets.form')]);
  });

  after(async () => {
    await page?.context().close();
    await browser?.close();
    await server?.stop();
  });

  /** The page's width as the browser scrolls it, against the screen's. */
  const widths = (p: Page) => p.evaluate(() => ({ scroll: document.scrollingElement!.scrollWidth, screen: window.innerWidth }));

  it('given the start form on a 390 px phone, then selects and the date picker read Indonesian, the week starts on Monday, and nothing scrolls sideways', async function () {
    page = await signIn(browser, server.url, 'lina', PASSWORD, PHONE);
    await page.getByRole('link', { name: 'Mulai berkas' }).click();
    await page.locator('.service', { hasText: 'Permohonan Cuti' }).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: 'Permohonan Cuti' }).waitFor();

    const jenis = page.locator('.fjs-form-field', { has: page.getByText('Jenis cuti') });
    await expect(await jenis.locator('.fjs-select-display').textContent()).to.equal('Pilih');
    const unit = page.locator('.fjs-form-field', { has: page.getByText('Unit kerja') });
    expect(await unit.locator('input').getAttribute('placeholder')).to.equal('Cari');
    const date = page.getByLabel('Tanggal mulai');
    expect(await date.getAttribute('placeholder')).to.equal('hh/bb/tttt');

    await date.click();
    const calendar = page.locator('.flatpickr-calendar.open');
    await calendar.waitFor();
    expect((await calendar.locator('.flatpickr-weekday').allInnerTexts()).map((d) => d.trim())).to.deep.equal(['Sen', 'Sel', 'Rab', 'Kam', 'Jum', 'Sab', 'Min']);
    const months = await calendar.locator('.flatpickr-monthDropdown-month').allInnerTexts();
    expect(months).to.include.members(['Januari', 'Agustus', 'Desember']);
    await shot(page, 'form-widgets-datepicker-phone');
    const box = await calendar.boundingBox();
    expect(box!.x, 'the calendar starts on the screen').to.be.at.least(0);
    expect(box!.x + box!.width, 'and ends on it').to.be.at.most(PHONE.width);
    const { scroll, screen } = await widths(page);
    expect(scroll, 'no sideways scrolling with the date picker open').to.be.at.most(screen);

    // A choice in the calendar fills the field, as before.
    await calendar.locator('.flatpickr-day:not(.prevMonthDay):not(.nextMonthDay)', { hasText: /^15$/ }).click();
    expect(await date.inputValue()).to.match(/^15\//);
  });

  it('given the reader switches to English, then the same widgets read in English with the week from Sunday', async function () {
    // On a phone the language sits in the header's menu (ui-shared/app-header.ts).
    await page!.getByRole('button', { name: 'Menu lainnya' }).click();
    await page!.getByLabel(/Bahasa|Language/).selectOption('en');
    await page!.getByRole('heading', { level: 1, name: 'Permohonan Cuti' }).waitFor();
    const jenis = page!.locator('.fjs-form-field', { has: page!.getByText('Jenis cuti') });
    await jenis.locator('.fjs-select-display', { hasText: 'Select' }).waitFor();
    const date = page!.getByLabel('Tanggal mulai');
    expect(await date.getAttribute('placeholder')).to.equal('dd/mm/yyyy');
    await date.click();
    const calendar = page!.locator('.flatpickr-calendar.open');
    await calendar.waitFor();
    expect((await calendar.locator('.flatpickr-weekday').allInnerTexts()).map((d) => d.trim())[0]).to.equal('Sun');
    const { scroll, screen } = await widths(page!);
    expect(scroll).to.be.at.most(screen);
  });
});
