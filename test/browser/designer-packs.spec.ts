/**
 * The pack admin page in a real browser: a regency admin uploads Semarang's pack, maps each of
 * its roles to a local group picked from the tenant's groups, reads the dry-run report (missing
 * connectors, processes to add), imports it, and the processes are deployed with the local
 * groups written into their assignments.
 */
import { expect } from 'chai';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { readPackFolder, zipFiles } from '../../engine/packs/index.js';
import { roleUses } from '../../engine/packs/roles.js';
import { loginToDesigner } from './support/designer-page.js';
import { ApiClient, launchBrowser, newPage, screenshot, setupTenant, startServer, type RunningServer } from './support/index.js';

const packDir = path.join(import.meta.dirname, '..', '..', 'processes', 'semarang');

describe('designer: pack admin', function () {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let workDir: string;
  let zipPath: string;
  let roles: string[];

  before(async function () {
    // The pack as a zip, built from the repo's folder without touching it
    const pack = await readPackFolder(packDir);
    roles = JSON.parse(pack.files.get('pack.json')!.toString('utf8')).roles.map((role: { key: string }) => role.key);
    workDir = mkdtempSync(path.join(tmpdir(), 'alur-pack-'));
    zipPath = path.join(workDir, 'semarang-layanan.zip');
    writeFileSync(zipPath, await zipFiles(pack.files));

    server = await startServer();
    // Batang's own groups: one per pack role, named the Batang way
    const admin = { username: 'admin.batang', password: 'Rahasia-admin-3', roles: ['admin', 'analyst'], groups: roles.map((role) => `btg-${role}`) };
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users: [admin] });
    browser = await launchBrowser();
    page = await newPage(browser);
    await loginToDesigner(page, server.url, admin.username, admin.password);
    await page.click('a[data-nav=packs]');
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
    rmSync(workDir, { recursive: true, force: true });
  });

  it('given Semarang\'s pack, when every role is mapped and the dry run passes, then importing deploys it with the local groups', async function () {
    // The file field speaks the page's language (not the browser's "Choose File / No file chosen"):
    // a labelled button that opens the file dialog, and the chosen file's name beside it.
    const picker = page.locator('[data-testid=pack-import] .file-picker').first();
    expect(await picker.locator('.file-picker-label').innerText()).to.equal('Berkas paket (.zip)');
    expect(await picker.locator('label.file-picker-button').innerText()).to.equal('Pilih berkas…');
    expect(await page.locator('[data-testid=pack-file-name]').innerText()).to.equal('Belum ada berkas dipilih');
    expect((await page.locator('[data-testid=pack-file]').boundingBox())!.width, 'the browser\'s own file input is hidden').to.be.at.most(1);
    await screenshot(page, 'designer-pack-file-picker');
    // When the zip is chosen with the button, the first check asks for the role mapping
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), picker.locator('label.file-picker-button').click()]);
    await chooser.setFiles(zipPath);
    await page.locator('[data-testid=pack-file-name]', { hasText: path.basename(zipPath) }).waitFor();
    await page.waitForFunction((count) => document.querySelectorAll('[data-testid=role-mapping] select[data-role]').length === count, roles.length);
    await screenshot(page, 'designer-pack-roles');

    for (const role of roles) await page.selectOption(`[data-testid=role-mapping] select[data-role="${role}"]`, `btg-${role}`);
    await page.click('[data-action=dry-run]');
    await page.locator('[data-testid=pack-report] .status-success').waitFor();
    expect(await page.locator('[data-testid=report-unmapped] li').count()).to.equal(0);
    expect(await page.locator('[data-testid=report-processes] li').count()).to.be.greaterThan(0);
    await screenshot(page, 'designer-pack-dry-run');

    const api = await ApiClient.login(server.url, 'admin.batang', 'Rahasia-admin-3');
    expect((await api.expect(200, 'GET', '/api/process-definitions')).items).to.have.length(0);

    // When imported, the processes are deployed in Batang with Batang's groups
    await page.click('[data-action=import]');
    await page.locator('[data-testid=pack-report] .report[data-deployed=true] .status-success').waitFor();
    const definitions = (await api.expect(200, 'GET', '/api/process-definitions')).items;
    expect(definitions.length).to.be.greaterThan(0);
    const xmls: string[] = await Promise.all(definitions.map((d: { id: string }) => api.expect(200, 'GET', `/api/process-definitions/${d.id}/xml`)));
    // Every role the pack names in an assignment or as starters is Batang's group now, and no
    // Semarang role is left there; a role a form chooses at run time goes through the map
    const pack = await readPackFolder(packDir);
    const sourceUses = (await Promise.all([...pack.files.entries()].filter(([name]) => name.endsWith('.bpmn'))
      .map(([name, content]) => roleUses(content.toString('utf8'), name)))).flat();
    const deployedUses = (await Promise.all(xmls.map((xml, index) => roleUses(xml, `deployed-${index}.bpmn`)))).flat();
    const named = (uses: typeof sourceUses) => new Set(uses.filter((use) => !use.dynamic).flatMap((use) => use.keys));
    const expected = [...named(sourceUses)].map((role) => `btg-${role}`).sort();
    expect([...named(deployedUses)].sort(), 'groups named in the deployed assignments').to.deep.equal(expected);
    expect(expected.length).to.be.greaterThan(5);
    expect(deployedUses.filter((use) => use.dynamic).length).to.equal(sourceUses.filter((use) => use.dynamic).length);
    if (deployedUses.some((u) => u.dynamic)) expect(xmls.join('\n')).to.contain('get value(');

    // And the pack exports again
    // And the pack is listed with its version, and exports again from that list
    const listed = page.locator('[data-testid=installed-packs] tr[data-pack="semarang-layanan"]');
    await listed.waitFor();
    expect(await listed.innerText()).to.contain('1.0.0');
    // The report reads in Indonesian: each process by its name, 'baru' rather than '(added)'
    expect(await page.locator('[data-testid=report-processes]').innerText()).to.contain('— baru').and.not.contain('(added)');
    await listed.scrollIntoViewIfNeeded();
    await screenshot(page, 'designer-packs-installed');
    const download = page.waitForEvent('download');
    await page.click('[data-action=export][data-pack="semarang-layanan"]');
    expect((await download).suggestedFilename()).to.equal('semarang-layanan.zip');
  });

  it('given a pack whose pack.json breaks its schema, then the report lists each problem by file and field in the chosen language', async function () {
    const pack = await readPackFolder(packDir);
    const manifest = JSON.parse(pack.files.get('pack.json')!.toString('utf8'));
    delete manifest.publisher.name;
    pack.files.set('pack.json', Buffer.from(JSON.stringify({ ...manifest, version: 2 })));
    const broken = path.join(workDir, 'rusak.zip');
    writeFileSync(broken, await zipFiles(pack.files));
    await page.setInputFiles('[data-testid=pack-file]', broken);
    const errors = page.locator('[data-testid=pack-report] [data-testid=report-errors] li');
    await errors.first().waitFor();
    expect(await page.locator('[data-testid=pack-report] .report-headline').innerText()).to.equal('Paket ditolak: 2 masalah.');
    expect(await errors.allInnerTexts()).to.have.members(['pack.json [publisher.name]: Nama penerbit (publisher.name) wajib diisi', 'pack.json [version]: Versi paket (version) harus berupa teks']);
    await page.locator('[data-testid=pack-report]').scrollIntoViewIfNeeded();
    await screenshot(page, 'designer-pack-refused');

    // In English, once switched in the header, the same refusal reads in English
    await page.selectOption('[data-testid=language]', 'en');
    await page.click('a[data-nav=packs]');
    await page.setInputFiles('[data-testid=pack-file]', broken);
    await errors.first().waitFor();
    expect(await page.locator('[data-testid=pack-report] .report-headline').innerText()).to.equal('Pack refused: 2 problems.');
    expect(await errors.allInnerTexts()).to.include('pack.json [version]: Pack version (version) must be text');
    await page.selectOption('[data-testid=language]', 'id');
  });
});
