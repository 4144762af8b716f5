/**
 * The two apps know each other: a staff member who opens the designer is told, in Indonesian,
 * that it is for analysts and is sent to the inbox (no modeler to draw in, no English 403 on
 * Deploy); an analyst finds the inbox in the designer's header and the designer in the inbox's.
 */
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { ApiClient, launchBrowser, newPage, screenshot, setupTenant, startServer, type RunningServer } from './support/index.js';
import { centre, createFromPalette, loginToDesigner, openGroup, replaceWith, select } from './support/designer-page.js';

const staff = { username: 'dewi.staf', password: 'Rahasia-staf-1', roles: ['staff'], groups: ['verifikator'] };
const analyst = { username: 'analis.dua', password: 'Rahasia-analis-4', roles: ['analyst'], groups: ['bagian-organisasi'] };

describe('designer and inbox: one for analysts, one for everyone, linked', function () {
  let server: RunningServer;
  let browser: Browser;

  before(async function () {
    server = await startServer();
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users: [staff, analyst] });
    browser = await launchBrowser();
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('given a staff member, when they sign in to the designer, then an Indonesian notice sends them to the inbox instead of the modeler', async function () {
    const page = await newPage(browser);
    await page.goto(`${server.url}/designer/index.html`);
    await page.fill('input[name=username]', staff.username);
    await page.fill('input[name=password]', staff.password);
    await page.click('button[type=submit]');
    const notice = page.locator('[data-testid=staff-notice]');
    await notice.waitFor();
    expect(await notice.locator('h1').innerText()).to.equal('Perancang proses ini untuk analis');
    expect(await page.locator('.djs-palette').count()).to.equal(0);
    expect(await page.locator('[data-action=deploy]').count()).to.equal(0);
    // The inbox is named as its own header names it: "Kotak Tugas".
    expect(await notice.innerText()).to.contain('Tugas Anda ada di Kotak Tugas.').and.not.contain('Kotak tugas');
    expect(await page.locator('[data-testid=to-inbox]').innerText()).to.equal('Buka Kotak Tugas');
    await screenshot(page, 'designer-staff-notice');
    await page.click('[data-testid=to-inbox]');
    await page.waitForURL(/\/inbox\//);
    await page.close();
  });

  it('given an analyst, then the designer links to the inbox and the inbox back to the designer', async function () {
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    await page.click('[data-nav=inbox]');
    await page.waitForURL(/\/inbox\//);
    await page.fill('input[name=username]', analyst.username);
    await page.fill('input[name=password]', analyst.password);
    await page.click('button[type=submit]');
    await page.locator('[data-nav=designer]', { hasText: 'Perancang proses' }).click();
    await page.locator('.djs-palette .entry').first().waitFor();
    await page.close();
  });

  it('given an analyst filling a user task\'s candidate groups, then the tenant\'s groups are suggested', async function () {
    const api = await ApiClient.login(server.url, analyst.username, analyst.password);
    const body = await api.expect(200, 'GET', '/api/groups?limit=500');
    const groups: string[] = (Array.isArray(body) ? body : body.items).map((g: { id: string }) => g.id);
    expect(groups).to.include('verifikator');
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const start = await centre(page, 'StartEvent_1');
    const task = await createFromPalette(page, 'create.task', start.x + 160, start.y);
    await replaceWith(page, task, 'replace-with-user-task');
    await select(page, task);
    await openGroup(page, 'assignmentDefinition');
    const input = page.locator('[data-entry-id="assignmentDefinitionCandidateGroups"] input').first();
    await input.waitFor();
    expect(await input.getAttribute('list')).to.equal('alur-tenant-groups');
    await page.waitForFunction((wanted) => [...document.querySelectorAll('#alur-tenant-groups option')].map((o) => (o as HTMLOptionElement).value).join(',') === wanted, [...groups].join(','));
    await page.close();
  });
});
