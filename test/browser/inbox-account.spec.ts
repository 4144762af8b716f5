/**
 * "Akun saya" in a real browser (issue 12): a member of staff opens their account from the
 * header, corrects their display name and e-mail (an invalid address is refused at its field),
 * and changes their password — a wrong current password and a mistyped repetition are refused at
 * their fields, the change then works with the new password only. Indonesian first, English on
 * switching; the header link stays on a phone.
 */
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ApiClient, launchBrowser, setupTenant, startServer, type RunningServer } from './support/index.js';
import { PHONE, shot, signIn } from './support/inbox-browser.js';

describe('inbox (browser): my account', function () {
  this.timeout(180_000);
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiClient;

  before(async function () {
    server = await startServer();
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users: [
      { username: 'admin.batang', password: 'Rahasia-admin-12', roles: ['admin'] },
      { username: 'sari', password: 'Rahasia-sari-12', roles: ['staff'], groups: ['verifikator'], displayName: 'Sari', jabatan: 'Verifikator Berkas' },
    ] });
    admin = await ApiClient.login(server.url, 'admin.batang', 'Rahasia-admin-12');
    browser = await launchBrowser();
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('lets a person correct their own name and e-mail, and change their password with the current one', async function () {
    const page = await signIn(browser, server.url, 'sari', 'Rahasia-sari-12');
    await page.locator('a.who-am-i').click();
    await page.getByRole('heading', { level: 1, name: 'Akun saya' }).waitFor();
    const name = page.getByLabel('Nama tampilan');
    expect(await name.inputValue()).to.equal('Sari');
    expect(await page.locator('.account-fixed').innerText()).to.contain('Verifikator Berkas').and.to.contain('verifikator');

    await name.fill('Sari Wulandari, S.E.');
    await page.getByLabel('E-mail').fill('sari@');
    await page.getByRole('button', { name: 'Simpan data diri' }).click();
    await page.locator('#account-email-error', { hasText: 'Alamat e-mail tidak valid.' }).waitFor();
    await page.getByLabel('E-mail').fill('sari@batangkab.go.id');
    await page.getByRole('button', { name: 'Simpan data diri' }).click();
    await page.getByText('Data diri disimpan.').waitFor();
    await page.locator('a.who-am-i', { hasText: 'Sari Wulandari, S.E.' }).waitFor();
    expect(await admin.expect(200, 'GET', '/api/users/sari')).to.include({ displayName: 'Sari Wulandari, S.E.', email: 'sari@batangkab.go.id', jabatan: 'Verifikator Berkas' });

    await page.getByLabel('Kata sandi saat ini').fill('bukan-sandinya');
    await page.getByLabel('Kata sandi baru', { exact: true }).fill('Sandi-baru-sari-1');
    await page.getByLabel('Ulangi kata sandi baru').fill('Sandi-baru-sari-2');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.locator('#account-again-error', { hasText: 'Ulangan kata sandi baru tidak sama.' }).waitFor();
    await page.getByLabel('Ulangi kata sandi baru').fill('Sandi-baru-sari-1');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.locator('#account-current-error', { hasText: 'Kata sandi saat ini salah.' }).waitFor();
    await shot(page, 'account-refused-desktop');
    await page.getByLabel('Kata sandi saat ini').fill('Rahasia-sari-12');
    await page.getByRole('button', { name: 'Ganti kata sandi' }).click();
    await page.getByText('Kata sandi diganti. Sesi Anda di perangkat lain telah diakhiri.').waitFor();
    expect(await page.getByLabel('Kata sandi saat ini').inputValue()).to.equal('');
    await shot(page, 'account-desktop');
    // This page's session goes on; the new password signs in, the old one no longer does.
    await ApiClient.login(server.url, 'sari', 'Sandi-baru-sari-1');
    expect((await new ApiClient(server.url).request('POST', '/api/auth/login', { username: 'sari', password: 'Rahasia-sari-12' })).status).to.equal(401);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Akun saya' }).waitFor();

    await page.locator('#lang').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'My account' }).waitFor();
    expect(await page.getByLabel('Display name').inputValue()).to.equal('Sari Wulandari, S.E.');
    await page.getByRole('button', { name: 'Change password' }).waitFor();
    await page.locator('#lang').selectOption('id');
    await page.context().close();
  });

  it('keeps the account link in the header on a phone', async function () {
    const page = await signIn(browser, server.url, 'sari', 'Sandi-baru-sari-1', PHONE);
    const link = page.locator('a.who-am-i');
    expect(await link.isVisible()).to.equal(true);
    await link.click();
    await page.getByRole('heading', { level: 1, name: 'Akun saya' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, 'no sideways scrolling').to.be.at.most(0);
    await shot(page, 'account-phone');
    await page.context().close();
  });
});
