/**
 * Working days in the designer: the "Standar pelayanan" group sets the case's service standard on
 * the process, a user task's due date in working days and the step where the clock stands
 * (waiting for the applicant), the engine's rule flags a number that is no number, and the deployed
 * XML carries what the engine reads. Then the "Kalender kerja" page: the tenant's holidays of the
 * year with their kind, an admin adds a regional holiday and removes it again.
 */
import { expect } from 'chai';
import { ApiClient, screenshot } from './support/index.js';
import { designerScene } from './support/designer-scene.js';
import { centre, connect, createFromPalette, deselect, fillEntry, loginToDesigner, openGroup, replaceWith, select } from './support/designer-page.js';

const analyst = { username: 'analis.sla', password: 'Rahasia-analis-3', roles: ['analyst', 'admin'], groups: ['bagian-organisasi'] };

describe('designer: service standards in working days and the working-day calendar', function () {
  const scene = designerScene({ id: 'semarang', name: 'Kota Semarang', users: [analyst] });

  it('given a process, when the analyst fills "Standar pelayanan", then the deployed process carries the standard, the task\'s working days and the pause', async function () {
    const { server, page } = scene;
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const start = await centre(page, 'StartEvent_1');
    const task = await createFromPalette(page, 'create.task', start.x + 160, start.y);
    await replaceWith(page, task, 'replace-with-user-task');
    const end = await createFromPalette(page, 'create.end-event', start.x + 320, start.y);
    await connect(page, 'StartEvent_1', task);
    await connect(page, task, end);

    await deselect(page);
    await openGroup(page, 'general');
    await fillEntry(page, 'id', 'izin-usaha-mikro');
    const group = page.locator('[data-group-id="group-alur-service-standard"]');
    expect(await group.locator('.bio-properties-panel-group-header-title').textContent()).to.equal('Standar pelayanan');
    await openGroup(page, 'alur-service-standard');
    expect(await group.textContent()).to.contain('Jangka waktu pelayanan (hari kerja)');
    await fillEntry(page, 'alur-sla-process', '5');

    await select(page, task);
    await openGroup(page, 'assignmentDefinition');
    await fillEntry(page, 'assignmentDefinitionCandidateGroups', 'loket');
    await openGroup(page, 'alur-service-standard');
    await fillEntry(page, 'alur-sla-task', 'dua');
    // The engine's rule judges what was written, as the deployment would.
    const issue = page.locator('[data-testid=issues] li.issue-error', { hasText: 'workingDays' });
    await issue.waitFor();
    await fillEntry(page, 'alur-sla-task', '2');
    await issue.waitFor({ state: 'detached' });
    await page.locator('[data-entry-id="alur-sla-pause"] input[type=checkbox]').check();
    expect(await page.locator('[data-entry-id="alur-sla-pause"]').textContent()).to.contain('Jam layanan berhenti di sini (menunggu pemohon)');
    await screenshot(page, 'designer-service-standard-panel');

    await page.click('[data-action=deploy]');
    await page.locator('[data-testid=status].status-success').waitFor();
    const api = await ApiClient.login(server.url, analyst.username, analyst.password);
    const list = await api.expect(200, 'GET', '/api/process-definitions?key=izin-usaha-mikro');
    const xml: string = await api.expect(200, 'GET', `/api/process-definitions/${list.items[0].id}/xml`);
    expect(xml).to.match(/<bpmn:process id="izin-usaha-mikro"[^>]*>\s*<bpmn:extensionElements>\s*<alur:sla workingDays="5" \/>/);
    expect(xml).to.contain('<alur:sla workingDays="2" />');
    expect(xml).to.contain('<alur:slaPause />');

    // Unticking removes the pause.
    // The deploy's answer redraws the properties panel (its warnings); a click that lands during
    // that redraw is lost, so click until the box is clear (at most three times).
    const pause = page.locator('[data-entry-id="alur-sla-pause"] input[type=checkbox]');
    for (let i = 0; i < 3 && await pause.isChecked(); i++) await pause.click();
    expect(await pause.isChecked()).to.equal(false);
    const download = page.waitForEvent('download');
    await page.click('[data-action=download]');
    const { readFile } = await import('node:fs/promises');
    const text = await readFile((await (await download).path())!, 'utf8');
    expect(text).to.not.contain('slaPause');
    expect(text).to.contain('<alur:sla workingDays="2" />');
  });

  it('given the working-day calendar page, then an admin sees the year\'s holidays and adds and removes a regional one', async function () {
    const { server, page } = scene;
    await page.click('[data-nav=calendar]');
    const page2026 = page.locator('[data-testid=calendar-page]');
    await page2026.waitFor();
    await page.selectOption('[data-testid=calendar-year]', '2026');
    const christmas = page.locator('[data-testid=holidays] tr[data-date="2026-12-25"]');
    await christmas.waitFor();
    expect(await christmas.textContent()).to.contain('Libur nasional');
    expect(await page.locator('[data-testid=holidays] tr[data-date="2026-12-24"]').textContent()).to.contain('Cuti bersama');
    expect(await page.locator('[data-testid=calendar-facts]').textContent()).to.equal('Zona waktu: Asia/Jakarta · Hari libur mingguan: Sabtu, Minggu');

    const form = page.locator('[data-testid=add-holiday]');
    // The day is picked day-first in Indonesian (a native date input would read 12/28/2026), Monday first.
    const day = form.getByLabel('Tanggal', { exact: true });
    expect(await day.getAttribute('placeholder')).to.equal('hh/bb/tttt');
    await day.click();
    expect(await page.locator('.flatpickr-calendar.open .flatpickr-weekday').first().textContent()).to.match(/^\s*Sen\s*$/);
    await day.fill('28/12/2026');
    await day.press('Enter');
    expect(await day.inputValue()).to.equal('28/12/2026');
    expect(await form.locator('input[name=date]').inputValue()).to.equal('2026-12-28');
    await form.locator('input[name=name]').fill('Pemungutan suara ulang');
    await form.locator('select[name=kind]').selectOption('regional');
    await form.locator('input[name=source]').fill('SK Wali Kota Semarang');
    await form.locator('button[type=submit]').click();
    const added = page.locator('[data-testid=holidays] tr[data-date="2026-12-28"]');
    await added.waitFor();
    expect(await added.textContent()).to.contain('Libur daerah');
    expect(await page.locator('[data-testid=calendar-message]').textContent()).to.contain('Pemungutan suara ulang');
    await added.scrollIntoViewIfNeeded();
    await screenshot(page, 'designer-calendar');

    // Twice the same day: the server's refusal, in Indonesian.
    await day.fill('28/12/2026');
    await form.locator('input[name=name]').fill('Lagi');
    await form.locator('button[type=submit]').click();
    await page.locator('[data-testid=calendar-message].form-error').waitFor();

    await added.locator('[data-action=remove-holiday]').click();
    await added.waitFor({ state: 'detached' });
    const api = await ApiClient.login(server.url, analyst.username, analyst.password);
    const cal = await api.expect(200, 'GET', '/api/calendar?from=2026-12-28&to=2026-12-28');
    expect(cal.holidays).to.deep.equal([]);
  });
});
