/**
 * The canvas as a newcomer meets it: a blank diagram says how to start drawing (until something
 * is drawn), and an opened diagram fits the free canvas right of the palette, so no element
 * hides under the palette.
 */
import { expect } from 'chai';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { ApiClient, launchBrowser, newPage, screenshot, setupTenant, startServer, type RunningServer } from './support/index.js';
import { centre, createFromPalette, loginToDesigner, openGroup, replaceWith, select } from './support/designer-page.js';

const analyst = { username: 'analis.kanvas', password: 'Rahasia-analis-5', roles: ['analyst'], groups: ['bagian-organisasi'] };
const fixtures = path.join(import.meta.dirname, 'fixtures');

describe('designer: the canvas for a newcomer', function () {
  let server: RunningServer;
  let browser: Browser;

  before(async function () {
    server = await startServer();
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users: [analyst] });
    browser = await launchBrowser();
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('given a blank diagram, then a hint says how to start and no error is shown, and both change once something is drawn', async function () {
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const hint = page.locator('[data-testid=canvas-hint]');
    await hint.waitFor();
    expect(await hint.innerText()).to.contain('Mulai menggambar');
    // The lint has run (its counter exists) but a blank diagram shows no marker, counter or issue.
    await page.locator('.bjsl-button').waitFor({ state: 'attached' });
    expect(await page.locator('.bjsl-overlay:visible, .bjsl-button:visible').count()).to.equal(0);
    expect(await page.locator('[data-testid=issues] li.issue').count()).to.equal(0);
    expect(await page.locator('[data-testid=issues]').innerText()).to.contain('Tidak ada masalah.');
    await screenshot(page, 'designer-blank-hint');
    const start = await centre(page, 'StartEvent_1');
    await createFromPalette(page, 'create.task', start.x + 160, start.y);
    await hint.waitFor({ state: 'hidden' });
    // Something drawn: the lint speaks again, on the canvas and in the list, each problem once —
    // the engine's findings, without bpmnlint's own words for the same ones.
    await page.locator('[data-testid=issues] li.issue-error').first().waitFor();
    await page.locator('.bjsl-button').waitFor({ state: 'visible' });
    const listed = await page.locator('[data-testid=issues] li.issue .issue-message').allInnerTexts();
    // Written from the server's catalog, each starting with a capital letter as the server's do.
    expect(listed).to.include('Event mulai memerlukan alur keluar');
    for (const message of listed) expect(message.charAt(0), message).to.equal(message.charAt(0).toUpperCase());
    for (const repeated of ['Elemen belum tersambung', 'Proses belum memiliki event selesai', 'Elemen berakhir tanpa event selesai']) expect(listed).to.not.include(repeated);
    await page.close();
  });

  it('given a diagram opened from a file, then every element lies right of the palette, inside the canvas', async function () {
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'camunda-modeler-sku.bpmn'));
    await page.locator('.djs-element[data-element-id="Task_Verifikasi"]').waitFor();
    const { paletteRight, canvasRight, left, right } = await page.evaluate(() => {
      const palette = document.querySelector('.djs-palette')!.getBoundingClientRect();
      const canvas = document.querySelector('.canvas')!.getBoundingClientRect();
      const shapes = [...document.querySelectorAll('.djs-shape .djs-visual')].map((e) => e.getBoundingClientRect());
      return { paletteRight: palette.right, canvasRight: canvas.right, left: Math.min(...shapes.map((b) => b.left)), right: Math.max(...shapes.map((b) => b.right)) };
    });
    expect(left).to.be.greaterThan(paletteRight);
    expect(right).to.be.lessThan(canvasRight);
    await screenshot(page, 'designer-opened-fitted');
    await page.close();
  });

  it('given a process with a very long name, when its version is opened, then the title is cut with an ellipsis (whole name as tooltip) and every toolbar button stays on screen', async function () {
    const name = `Permohonan Persetujuan Bangunan Gedung untuk Rumah Tinggal Tunggal dan Deret di Wilayah Kabupaten Batang ${'beserta lampiran teknis '.repeat(4)}`.trim();
    const xml = readFileSync(path.join(fixtures, 'due-dates.bpmn'), 'utf8').replaceAll('tenggat-contoh', 'judul-panjang').replace('name="Tenggat contoh"', `name="${name}"`);
    const api = await ApiClient.login(server.url, analyst.username, analyst.password);
    const form = new FormData();
    form.append('f', new Blob([xml], { type: 'application/xml' }), 'judul-panjang.bpmn');
    await api.expect(201, 'POST', '/api/deployments', form);
    for (const width of [1440, 1024]) {
      const page = await newPage(browser, { width, height: 800 });
      await loginToDesigner(page, server.url, analyst.username, analyst.password);
      await page.click('[data-key="judul-panjang"] .version[data-version="1"]');
      await page.locator('[data-testid=doc-title]', { hasText: 'Versi 1' }).waitFor();
      const title = page.locator('[data-testid=doc-title]');
      await screenshot(page, `designer-long-title-${width}`);
      expect(await title.getAttribute('title')).to.equal(`${name} — Versi 1`);
      const cut = await page.$eval('[data-testid=doc-title] .doc-name', (el) => ({ overflow: getComputedStyle(el.parentElement!).textOverflow, clipped: el.parentElement!.scrollWidth > el.parentElement!.clientWidth }));
      expect(cut, `${width}px`).to.deep.equal({ overflow: 'ellipsis', clipped: true });
      for (const action of ['new', 'form', 'simulate', 'deploy']) {
        const box = (await page.locator(`[data-action=${action}]`).boundingBox())!;
        expect(box.x + box.width, `${action} at ${width}px`).to.be.at.most(width);
        // Where there is room (1440 px), on the title's line rather than pushed below it.
        const titleBox = (await title.boundingBox())!;
        if (width === 1440) expect(Math.abs(box.y + box.height / 2 - (titleBox.y + titleBox.height / 2)), `${action} beside the title at ${width}px`).to.be.lessThan(box.height);
      }
      await page.close();
    }
  });

  it('given a diagram the lint finds errors in, when Deploy is pressed, then it asks first, and declining sends nothing', async function () {
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const start = await centre(page, 'StartEvent_1');
    await createFromPalette(page, 'create.task', start.x + 160, start.y);
    await page.locator('[data-testid=issues] li.issue-error').first().waitFor();
    let asked = '';
    page.once('dialog', (dialog) => { asked = dialog.message(); void dialog.dismiss(); });
    let sent = false;
    page.on('request', (request) => { if (request.url().includes('/api/deployments')) sent = true; });
    await page.click('[data-action=deploy]');
    await page.waitForFunction(() => true);
    expect(asked).to.match(/^Diagram masih memiliki \d+ kesalahan\. Tetap kirim ke server\?$/);
    expect(sent).to.equal(false);
    await page.close();
  });

  for (const lang of ['id', 'en'] as const) {
    it(`given a finding the live lint and a refused deploy both make, then the issues list shows it once, the server's (${lang})`, async function () {
      const page = await newPage(browser);
      await page.goto(`${server.url}/designer/index.html`);
      await page.selectOption('[data-testid=language]', lang);
      await page.fill('input[name=username]', analyst.username);
      await page.fill('input[name=password]', analyst.password);
      await page.click('button[type=submit]');
      await page.waitForSelector('.djs-palette .entry');
      const start = await centre(page, 'StartEvent_1');
      await createFromPalette(page, 'create.task', start.x + 160, start.y);
      await page.locator('[data-testid=issues] li.issue-error').first().waitFor();
      // Each listed finding as (catalog key, element, where it came from).
      const listed = () => page.locator('[data-testid=issues] li.issue').evaluateAll((items) => items.map((li) => ({
        key: li.getAttribute('data-key'), element: li.getAttribute('data-element'), rule: li.getAttribute('data-rule'), message: li.querySelector('.issue-message')?.textContent ?? '',
      })));
      const lint = (await listed()).filter((issue) => issue.key);
      expect(lint.length, 'the engine rules report their catalog keys').to.be.greaterThan(0);

      page.once('dialog', (dialog) => void dialog.accept());
      await page.click('[data-action=deploy]');
      await page.locator('[data-testid=issues] li.issue[data-rule=server]').first().waitFor();
      const after = await listed();
      const refused = after.filter((issue) => issue.rule === 'server');
      // The same findings, found twice, are listed once: as the server's, in the chosen language.
      const both = lint.filter((l) => refused.some((s) => s.key === l.key && s.element === l.element));
      expect(both.length, 'findings both made').to.be.greaterThan(0);
      for (const finding of both) {
        const rows = after.filter((issue) => issue.key === finding.key && issue.element === finding.element);
        expect(rows.map((row) => row.rule), `${finding.key} on ${finding.element}`).to.deep.equal(['server']);
      }
      const startRow = after.find((issue) => issue.element === 'StartEvent_1' && issue.rule === 'server');
      expect(startRow?.message).to.match(lang === 'id' ? /alur keluar/ : /outgoing/);
      // The note on the unnamed start event says the finding only: the element is where it stands,
      // so not "Event mulai StartEvent_1: …" (the server's `detail`), and as a sentence.
      const note = await page.locator('.djs-overlays[data-container-id="StartEvent_1"] .alur-server-error-note').first().innerText();
      expect(note).to.match(lang === 'id' ? /^Event mulai memerlukan alur keluar/ : /^A start event needs an outgoing/);
      expect(note).to.not.contain('StartEvent_1');
      // The list names the unnamed start event by its kind, not by its id.
      const startName = await page.locator('[data-testid=issues] li.issue[data-rule=server][data-element="StartEvent_1"] .issue-element').innerText();
      expect(startName).to.equal(lang === 'id' ? 'Event mulai tanpa nama' : 'Start event (unnamed)');
      await screenshot(page, `designer-issues-once-${lang}`);
      await page.close();
    });
  }

  it('given a user task, when a day is picked beside the due-date FEEL box, then the task\'s dueDate is that day at 16:00 WIB', async function () {
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const start = await centre(page, 'StartEvent_1');
    const task = await createFromPalette(page, 'create.task', start.x + 160, start.y);
    await replaceWith(page, task, 'replace-with-user-task');
    await select(page, task);
    await openGroup(page, 'assignmentDefinition');
    // Day-first in Indonesian, Monday first (a native date input follows the browser: 12/31/2026).
    const picker = page.getByLabel('Tenggat (pilih tanggal)');
    expect(await picker.getAttribute('placeholder')).to.equal('hh/bb/tttt');
    await picker.click();
    expect(await page.locator('.flatpickr-calendar.open .flatpickr-weekday').first().textContent()).to.match(/^\s*Sen\s*$/);
    await picker.fill('31/12/2026');
    await picker.press('Enter');
    await page.waitForFunction(() => (document.querySelector('[data-entry-id="alur-due-date-picker"] input') as HTMLInputElement)?.value === '2026-12-31');
    expect(await picker.inputValue()).to.equal('31/12/2026');
    const download = page.waitForEvent('download');
    await page.click('[data-action=download]');
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(file!, 'utf8')).to.contain('dueDate="2026-12-31T16:00:00+07:00"');
    await screenshot(page, 'designer-due-date-picker');
    await page.close();
  });

  it('given Indonesian, when the simulation runs and a task is selected, then the simulation and the panel controls speak Indonesian and the speed bar leaves the lint pill visible', async function () {
    const page = await newPage(browser);
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    await page.setInputFiles('[data-testid=file-input]', path.join(fixtures, 'camunda-modeler-sku.bpmn'));
    await page.locator('.djs-element[data-element-id="Task_Verifikasi"]').waitFor();
    await select(page, 'Task_Verifikasi');
    await page.locator('[data-testid=properties] .bio-properties-panel-group-header').first().waitFor();
    const { simulationId } = await import('../../designer/src/i18n/simulation-id.js');
    const { libraryId } = await import('../../designer/src/i18n/bpmn-id-library.js');
    /** Every title, aria-label and text inside `selector`. */
    const words = (selector: string) => page.$$eval(selector, (roots) => roots.flatMap((root) => [root, ...root.querySelectorAll('*')].flatMap((node) =>
      [node.getAttribute('title'), node.getAttribute('aria-label'), ...[...node.childNodes].filter((child) => child.nodeType === 3).map((child) => child.textContent)]
        .map((text) => text?.trim() ?? '').filter(Boolean))));
    const panel = await words('[data-testid=properties] .bio-properties-panel');
    // No library English left: a text the library table translates to something else is English still showing.
    expect(panel.filter((text) => (text in libraryId && libraryId[text] !== text) || /^List contains/.test(text))).to.deep.equal([]);
    expect(panel).to.include('Buka/tutup bagian');
    await page.click('[data-action=simulate]');
    await page.locator('.bts-set-animation-speed:not(.hidden)').waitFor();
    await page.locator('.bts-toggle-simulation-log, .bts-palette .bts-entry[title*="log"]').first().click().catch(() => undefined);
    const simulation = await words('[data-testid=canvas] [class*="bts-"]');
    expect(simulation.filter((text) => text in simulationId || /^Set animation speed/.test(text))).to.deep.equal([]);
    expect(simulation).to.include.members(['Jalankan/jeda simulasi', 'Kecepatan animasi: lambat']);
    const speed = await page.locator('.bts-set-animation-speed').boundingBox();
    const pill = await page.locator('.bjsl-button').boundingBox();
    expect(speed && pill, 'both shown').to.not.equal(null);
    expect(speed!.y + speed!.height <= pill!.y || pill!.y + pill!.height <= speed!.y, JSON.stringify({ speed, pill })).to.equal(true);
    await screenshot(page, 'designer-simulation-id');
    await page.close();
  });
});
