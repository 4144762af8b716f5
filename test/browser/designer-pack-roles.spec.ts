/**
 * The pack screen takes a role map as a file (issue 12): a regency admin uploads Semarang's pack
 * and Batang's `batang.roles.json`; every role is filled in from the file, a group the map names
 * but the tenant lacks is flagged and created on the spot, and the dry run then passes.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readPackFolder, zipFiles } from '../../engine/packs/index.js';
import { loginToDesigner } from './support/designer-page.js';
import { ApiClient, launchBrowser, newPage, setupTenant, startServer, type RunningServer } from './support/index.js';

const packDir = path.join(import.meta.dirname, '..', '..', 'processes', 'semarang');

describe('designer: pack import with an uploaded role map', function () {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let workDir: string;

  before(async function () {
    server = await startServer();
    browser = await launchBrowser();
    workDir = mkdtempSync(path.join(tmpdir(), 'alur-roles-'));
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('given a role map naming one group Batang lacks, when it is created on the spot, then the dry run passes with the map\'s groups', async function () {
    const pack = await readPackFolder(packDir);
    const roles: string[] = JSON.parse(pack.files.get('pack.json')!.toString('utf8')).roles.map((role: { key: string }) => role.key);
    const zipPath = path.join(workDir, 'semarang-layanan.zip');
    writeFileSync(zipPath, await zipFiles(pack.files));
    const mapPath = path.join(workDir, 'batang.roles.json');
    writeFileSync(mapPath, JSON.stringify(Object.fromEntries(roles.map((role) => [role, `btg-${role}`]))));
    // Batang has a group for every role but the first
    const [missing, ...present] = roles;
    const admin = { username: 'admin.batang', password: 'Rahasia-admin-3', roles: ['admin', 'analyst'], groups: present.map((role) => `btg-${role}`) };
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users: [admin] });
    page = await newPage(browser);
    await loginToDesigner(page, server.url, admin.username, admin.password);
    await page.click('a[data-nav=packs]');

    await page.setInputFiles('[data-testid=roles-file]', mapPath);
    await page.setInputFiles('[data-testid=pack-file]', zipPath);
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=role-mapping] select[data-role]').length === count, roles.length);
    for (const role of present) expect(await page.inputValue(`[data-testid=role-mapping] select[data-role="${role}"]`)).to.equal(`btg-${role}`);

    const create = page.locator(`[data-action=create-group][data-group="btg-${missing}"]`);
    await create.click();
    await create.waitFor({ state: 'detached' });
    expect(await page.inputValue(`[data-testid=role-mapping] select[data-role="${missing}"]`)).to.equal(`btg-${missing}`);

    await page.click('[data-action=dry-run]');
    await page.locator('[data-testid=pack-report] .status-success').waitFor();
    const api = await ApiClient.login(server.url, admin.username, admin.password);
    const groups = (await api.expect(200, 'GET', '/api/groups')).items.map((g: { id: string }) => g.id);
    expect(groups).to.include(`btg-${missing}`);
    const audit = (await api.expect(200, 'GET', '/api/audit?objectType=group')).items;
    expect(audit[0]).to.deep.include({ actor: 'admin.batang', objectId: `btg-${missing}`, action: 'created' });
  });
});
