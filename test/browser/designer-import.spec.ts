/**
 * The designer with files from elsewhere: a diagram and form made in Camunda Modeler (Camunda 8
 * mode, zeebe: extensions) open, lint clean, show their form in the form-js editor and deploy
 * unchanged; and the language switch turns the palette and the app's own words into English.
 */
import { expect } from 'chai';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ApiClient, launchBrowser, newPage, screenshot, setupTenant, startServer, type RunningServer } from './support/index.js';
import { fillEntry, loginToDesigner, openGroup, select } from './support/designer-page.js';

const analyst = { username: 'analis.klaten', password: 'Rahasia-analis-2', roles: ['analyst'], groups: ['bagian-organisasi'], displayName: 'Dimas Pratama' };
// The diagram's candidate group has a member, so the deployment has nothing to warn about.
const verifier = { username: 'verifikator.klaten', password: 'Rahasia-verif-2', roles: ['staff'], groups: ['verifikator-kelurahan'] };
const fixtures = path.join(import.meta.dirname, 'fixtures');

describe('designer: Camunda Modeler files and language', function () {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async function () {
    server = await startServer();
    await setupTenant(server.url, server.adminPassword, { id: 'klaten', name: 'Kabupaten Klaten', users: [analyst, verifier] });
    browser = await launchBrowser();
    // A computer set up in American English: the designer still speaks and dates in Indonesian
    page = await newPage(browser, { locale: 'en-US' });
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('given a Camunda Modeler diagram and its form, when imported and deployed, then both are deployed as drawn', async function () {
    await page.setInputFiles('[data-testid=file-input]', [path.join(fixtures, 'camunda-modeler-sku.bpmn'), path.join(fixtures, 'sku-verifikasi.form')]);
    await page.locator('[data-testid=doc-title]', { hasText: 'camunda-modeler-sku.bpmn' }).waitFor();
    await page.locator('.djs-element[data-element-id="Task_Verifikasi"]').waitFor();
    expect(await page.locator('[data-testid=issues] li.issue-error').count()).to.equal(0);

    // The user task's form opens in the form-js editor with the imported fields
    await select(page, 'Task_Verifikasi');
    await page.click('[data-action=form]');
    await page.locator('[data-testid=form-dialog] .fjs-form-field-label', { hasText: 'Nomor berkas' }).first().waitFor();
    await screenshot(page, 'designer-form-editor');
    await page.click('[data-testid=form-save]');
    await page.locator('[data-testid=form-dialog]').waitFor({ state: 'detached' });

    await page.click('[data-action=deploy]');
    await page.locator('[data-testid=status].status-success').waitFor();
    await page.locator('[data-key="surat-keterangan-usaha"] .version[data-version="1"]').waitFor();
    // Dated as the inbox dates: day, Indonesian month, year (not the browser's month-first order)
    const today = new Intl.DateTimeFormat('id-ID', { dateStyle: 'medium' }).format(new Date());
    expect(await page.locator('[data-key="surat-keterangan-usaha"] .version[data-version="1"] time').innerText()).to.equal(today);
    // "Versi 1", as Pantau writes a version.
    expect(await page.locator('[data-key="surat-keterangan-usaha"] .version[data-version="1"] span').first().innerText()).to.equal('Versi 1');
    await select(page, 'Task_Verifikasi');
    await openGroup(page, 'assignmentDefinition');
    // The status line made the canvas shorter and the palette went to two columns: nothing lies under it.
    const { paletteRight, left } = await page.evaluate(() => ({
      paletteRight: document.querySelector('.djs-palette')!.getBoundingClientRect().right,
      left: Math.min(...[...document.querySelectorAll('.djs-shape')].map((e) => e.getBoundingClientRect().left)),
    }));
    expect(left).to.be.greaterThan(paletteRight);
    expect(await page.locator('[data-testid=issues] li.issue').count()).to.equal(0);
    await screenshot(page, 'designer-imported');

    // The deployed version opens again from the list, and token simulation toggles on it
    await page.click('[data-action=new]');
    await page.locator('[data-testid=doc-title]', { hasText: 'Diagram baru (belum di-deploy)' }).waitFor();
    await page.click('[data-key="surat-keterangan-usaha"] .version[data-version="1"]');
    await page.locator('[data-testid=doc-title]', { hasText: 'Surat Keterangan Usaha — Versi 1' }).waitFor();
    await page.locator('.djs-element[data-element-id="Gateway_Keputusan"]').waitFor();
    await page.click('[data-action=simulate]');
    await page.locator('.bjs-container.simulation').waitFor();
    await page.click('[data-action=simulate]');
    await page.locator('.bjs-container.simulation').waitFor({ state: 'detached' });

    // Its form opens as deployed (read back from the server: opening a version forgets the
    // imported files), not as an empty form
    await select(page, 'Task_Verifikasi');
    await page.click('[data-action=form]');
    await page.locator('[data-testid=form-dialog] .fjs-form-field-label', { hasText: 'Nomor berkas' }).first().waitFor();
    await page.click('[data-testid=form-dialog] button:not(.btn-primary)');
    await page.locator('[data-testid=form-dialog]').waitFor({ state: 'detached' });

    // Once edited, the version says it has changes that are not deployed yet
    expect(await page.locator('[data-testid=doc-changed]').count()).to.equal(0);
    await select(page, 'Task_Verifikasi');
    await openGroup(page, 'general');
    await fillEntry(page, 'name', 'Verifikasi berkas SKU');
    await page.locator('[data-testid=doc-changed]', { hasText: 'diubah, belum di-deploy' }).waitFor();
    // A long name is cut short with an ellipsis, the marker beside it never (1440 px wide).
    await page.$eval('[data-testid=doc-title] .doc-name', (name) => { name.textContent = `Persetujuan Bangunan Gedung (PBG) — Versi 12 ${'sangat panjang '.repeat(8)}`; });
    const [titleBox, markerBox] = [await page.locator('[data-testid=doc-title]').boundingBox(), await page.locator('[data-testid=doc-changed]').boundingBox()];
    expect(markerBox!.width).to.be.greaterThan(60);
    expect(markerBox!.x + markerBox!.width, JSON.stringify({ titleBox, markerBox })).to.be.at.most(titleBox!.x + titleBox!.width + 0.5);
    await screenshot(page, 'designer-edited-long-title');

    const api = await ApiClient.login(server.url, analyst.username, analyst.password);
    const list = await api.expect(200, 'GET', '/api/process-definitions?key=surat-keterangan-usaha');
    expect(list.items).to.have.length(1);
    const xml: string = await api.expect(200, 'GET', `/api/process-definitions/${list.items[0].id}/xml`);
    expect(xml).to.contain('formId="sku-verifikasi"');
    expect(xml).to.contain('candidateGroups="verifikator-kelurahan"');
    expect(xml).to.contain('modeler:executionPlatformVersion="8.6.0"');
  });

  it('given the Indonesian default, when English is chosen, then the palette and the app speak English until switched back', async function () {
    // Its own page and diagram: this case does not lean on what the one above left open
    page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'camunda-modeler-sku.bpmn'));
    await page.locator('.djs-element[data-element-id="Task_Verifikasi"]').waitFor();
    expect(await page.getAttribute('.djs-palette .entry[data-action="create.task"]', 'aria-label')).to.equal('Buat tugas');
    await page.selectOption('[data-testid=language]', 'en');
    await page.locator('[data-action=deploy]', { hasText: 'Deploy' }).waitFor();
    await page.locator('[data-action=new]', { hasText: 'New diagram' }).waitFor();
    expect(await page.getAttribute('.djs-palette .entry[data-action="create.task"]', 'aria-label')).to.equal('Create task');
    // The diagram survived the switch, and its title follows the language
    await page.locator('.djs-element[data-element-id="Task_Verifikasi"]').waitFor();
    await page.locator('[data-testid=doc-title]', { hasText: 'File: camunda-modeler-sku.bpmn' }).waitFor();

    await page.reload();
    await page.locator('[data-action=new]', { hasText: 'New diagram' }).waitFor();
    await page.selectOption('[data-testid=language]', 'id');
    await page.locator('[data-action=new]', { hasText: 'Diagram baru' }).waitFor();
  });
});
