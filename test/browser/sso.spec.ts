/**
 * Single sign-on in a real browser (issue 12) against a real OpenID provider (oidc-provider, in
 * this process on localhost) and the real server: the inbox's *Masuk dengan SSO Jateng* leads to
 * the provider's login page and back, signed in with the groups of the claim; after the provider
 * moves the person to another group, the next sign-in shows the new one; a deactivated account and
 * an account of another tenant are refused with a clear message on the inbox's and the designer's
 * login screens; a tenant admin signs in to the designer through the same button and turns
 * passwords off for the tenant in the console (a password login is then refused, saying why).
 */
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, freePort, launchBrowser, newPage, screenshot, setupTenant, startServer, type RunningServer } from './support/index.js';
import { startProvider, type TestProvider } from '../support/oidc-provider.js';

describe('single sign-on (browser): inbox and designer through a real OpenID provider', function () {
  this.timeout(180_000);
  let server: RunningServer;
  let idp: TestProvider;
  let browser: Browser;
  let admin: ApiClient;

  before(async function () {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    idp = await startProvider(`${url}/api/auth/sso/callback`);
    server = await startServer({
      port,
      env: {
        ALUR_PUBLIC_URL: url, ALUR_OIDC_ISSUER: idp.issuer, ALUR_OIDC_CLIENT_ID: idp.clientId, ALUR_OIDC_CLIENT_SECRET: idp.clientSecret,
        ALUR_OIDC_LABEL: 'SSO Jateng', ALUR_OIDC_GROUPS_CLAIM: 'groups',
      },
    });
    await setupTenant(server.url, server.adminPassword, { id: 'semarang', name: 'Kota Semarang', users: [
      { username: 'admin.smg', password: 'Rahasia-admin-12', roles: ['admin', 'analyst'] },
      { username: 'dewi', password: 'Rahasia-dewi-12', roles: ['staff'] },
    ] });
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users: [{ username: 'rudi', password: 'Rahasia-rudi-12', roles: ['staff'] }] });
    admin = await ApiClient.login(server.url, 'admin.smg', 'Rahasia-admin-12');
    for (const id of ['verifikator', 'kepala-dinas']) await admin.expect(201, 'POST', '/api/groups', { id });
    await admin.expect(200, 'PATCH', '/api/users/dewi', { active: false });
    idp.accounts.set('siti', { preferred_username: 'siti', name: 'Siti Rahmawati', tenant: 'semarang', groups: ['verifikator'] });
    idp.accounts.set('dewi', { preferred_username: 'dewi', tenant: 'semarang', groups: [] });
    idp.accounts.set('rudi', { preferred_username: 'rudi', tenant: 'semarang', groups: [] });
    idp.accounts.set('admin.smg', { preferred_username: 'admin.smg', tenant: 'semarang', groups: [] });
    browser = await launchBrowser();
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
    await idp?.close();
  });

  /** At the provider's own login page: any password for a known login. */
  async function atProvider(page: Page, login: string): Promise<void> {
    await page.waitForURL((u) => u.href.startsWith(idp.issuer));
    await page.fill('input[name=login]', login);
    await page.fill('input[name=password]', 'sandi-di-penyedia');
    await page.click('button[type=submit]');
  }

  it('signs a person in to the inbox at the provider, and the next sign-in follows their new group', async function () {
    const page = await newPage(browser);
    await page.goto(`${server.url}/inbox/`);
    const button = page.getByRole('link', { name: 'Masuk dengan SSO Jateng' });
    await button.waitFor();
    await screenshot(page, 'sso-inbox-login');
    await button.click();
    await atProvider(page, 'siti');
    const who = page.locator('.who-am-i');
    await who.waitFor();
    expect(await who.innerText()).to.contain('Siti Rahmawati');
    expect(await who.getAttribute('data-groups')).to.equal('verifikator');
    // The one-time code left the address bar.
    expect(page.url()).not.to.contain('sso');
    await screenshot(page, 'sso-inbox-signed-in');

    // The provider moves Siti to the head's group; she signs out and in again (the provider remembers her).
    idp.accounts.set('siti', { ...idp.accounts.get('siti'), groups: ['kepala-dinas'] });
    await page.getByRole('button', { name: 'Keluar' }).click();
    await page.getByRole('link', { name: 'Masuk dengan SSO Jateng' }).click();
    await page.locator('.who-am-i[data-groups="kepala-dinas"]').waitFor();
    const siti = await admin.expect(200, 'GET', '/api/users/siti');
    expect(siti).to.include({ displayName: 'Siti Rahmawati', tenant: 'semarang' });
    expect(siti.groups).to.deep.equal(['kepala-dinas']);
    const audit = await admin.expect(200, 'GET', '/api/audit?objectType=user&objectId=siti');
    expect(audit.items[0]).to.deep.include({ action: 'changed', before: { groups: ['verifikator'] }, after: { groups: ['kepala-dinas'] } });
    await page.context().close();
  });

  it('refuses a deactivated account in the inbox, saying why', async function () {
    const page = await newPage(browser);
    await page.goto(`${server.url}/inbox/`);
    await page.getByRole('link', { name: 'Masuk dengan SSO Jateng' }).click();
    await atProvider(page, 'dewi');
    const alert = page.getByRole('alert');
    await alert.getByText('Akun dewi telah dinonaktifkan di Alur; hubungi admin Anda.').waitFor();
    await page.locator('#login-username').waitFor();
    await screenshot(page, 'sso-inbox-refused');
    await page.context().close();
  });

  it('refuses an account of another tenant in the designer, and signs a tenant admin in to it', async function () {
    const page = await newPage(browser);
    await page.goto(`${server.url}/designer/index.html`);
    await page.getByRole('link', { name: 'Masuk dengan SSO Jateng' }).click();
    await atProvider(page, 'rudi');
    await page.getByRole('alert').getByText('Akun rudi terdaftar di pemerintah daerah lain; masuklah melalui pemerintah daerah Anda sendiri.').waitFor();
    await screenshot(page, 'sso-designer-refused');
    await page.context().close();

    const next = await newPage(browser);
    await next.goto(`${server.url}/designer/index.html`);
    await next.getByRole('link', { name: 'Masuk dengan SSO Jateng' }).click();
    await atProvider(next, 'admin.smg');
    await next.waitForSelector('.djs-palette .entry');
    expect(next.url()).not.to.contain('sso');

    // The tenant admin turns passwords off in the console: a password login is then refused, saying why.
    await next.click('a[data-nav=people]');
    const ssoOnly = next.getByLabel('Hanya melalui single sign-on (SSO): kata sandi tidak dapat dipakai');
    await ssoOnly.check();
    await next.getByText('Cara masuk disimpan.').waitFor();
    await screenshot(next, 'sso-designer-sign-in-card');
    const refused = await new ApiClient(server.url).request('POST', '/api/auth/login', { username: 'admin.smg', password: 'Rahasia-admin-12' });
    expect(refused.status).to.equal(403);
    expect(refused.body.detail).to.match(/single sign-on only/);
    await ssoOnly.uncheck();
    await next.getByText('Cara masuk disimpan.').waitFor();
    await ApiClient.login(server.url, 'admin.smg', 'Rahasia-admin-12');
    await next.context().close();
  });
});
