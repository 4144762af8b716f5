/**
 * The designer's "Memulai berkas" group: an analyst says who may start a process and how its
 * registration numbers read, ticks strict variables ("Isian petugas"), sees the engine's rule flag a format it cannot number, fixes it,
 * gives the start event a start form in the form editor, and deploys; the definition then names
 * all three through the API.
 */
import { expect } from 'chai';
import { ApiClient, screenshot } from './support/index.js';
import { designerScene } from './support/designer-scene.js';
import { centre, connect, createFromPalette, deselect, fillEntry, loginToDesigner, openGroup, replaceWith, select } from './support/designer-page.js';

const analyst = { username: 'analis.mulai', password: 'Rahasia-analis-2', roles: ['analyst'], groups: ['bagian-organisasi'] };

describe('designer: how a case starts (starters, registration number, start form)', function () {
  const scene = designerScene({ id: 'semarang', name: 'Kota Semarang', users: [analyst] });

  it('given a process, when the analyst fills "Memulai berkas" and the start form, then the deployed definition carries them', async function () {
    const { server, page } = scene;
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    const start = await centre(page, 'StartEvent_1');
    const task = await createFromPalette(page, 'create.task', start.x + 160, start.y);
    await replaceWith(page, task, 'replace-with-user-task');
    const end = await createFromPalette(page, 'create.end-event', start.x + 320, start.y);
    await connect(page, 'StartEvent_1', task);
    await connect(page, task, end);
    await select(page, task);
    await openGroup(page, 'assignmentDefinition');
    await fillEntry(page, 'assignmentDefinitionCandidateGroups', 'verifikator');

    // The process: its id and name, then the group of its own.
    await deselect(page);
    await openGroup(page, 'general');
    await fillEntry(page, 'id', 'izin-reklame');
    await fillEntry(page, 'name', 'Izin Reklame');
    const group = page.locator('[data-group-id="group-alur-case-start"]');
    expect(await group.locator('.bio-properties-panel-group-header-title').textContent()).to.equal('Memulai berkas');
    await openGroup(page, 'alur-case-start');
    // The starters field suggests the tenant's groups, as candidate groups do.
    expect(await page.locator('[data-entry-id="alur-starters"] input').getAttribute('list')).to.equal('alur-tenant-groups');
    expect(await page.$$eval('#alur-tenant-groups option', (options) => options.map((o) => (o as HTMLOptionElement).value))).to.include('bagian-organisasi');
    await fillEntry(page, 'alur-starters', 'loket-dpmptsp, kepala-opd');
    await fillEntry(page, 'alur-business-key', 'IRK/{yyyy}/{nomor}');

    // The engine's rule says, in Indonesian, what is wrong with the format.
    const issue = page.locator('[data-testid=issues] li.issue-error', { hasText: 'penanda {nomor} tidak dikenal' });
    await issue.waitFor();
    await page.locator('[data-testid=issues] li.issue-error', { hasText: 'belum memiliki {seq:N}' }).waitFor();
    await screenshot(page, 'designer-case-start-lint');
    await fillEntry(page, 'alur-business-key', 'IRK/{yyyy}/{MM}/{seq:4}');
    await issue.waitFor({ state: 'detached' });
    await screenshot(page, 'designer-case-start-panel');

    // Strict variables: one box, in Indonesian, beside the case's start.
    const strict = page.locator('[data-group-id="group-alur-variables"]');
    expect(await strict.locator('.bio-properties-panel-group-header-title').textContent()).to.equal('Isian petugas');
    await openGroup(page, 'alur-variables');
    expect(await page.locator('[data-entry-id="alur-variables-strict"]').textContent()).to.contain('Ketat: petugas hanya mengisi yang dinyatakan formulir');
    await page.locator('[data-entry-id="alur-variables-strict"] input[type=checkbox]').check();

    // The start event gets its start form in the form editor.
    await select(page, 'StartEvent_1');
    await page.click('[data-action=form]');
    await page.locator('[data-testid=form-dialog] .fjs-editor-container').waitFor();
    // An unnamed start event is named by its kind, never by its id (StartEvent_1); the form's own id is the small print.
    expect(await page.locator('[data-testid=form-dialog-title]').innerText()).to.equal('Formulir permohonan — event mulai tanpa nama (diisi saat berkas dimulai)');
    expect(await page.locator('[data-testid=form-dialog-id]').innerText()).to.match(/^Kode formulir: izin-reklame-/);
    await screenshot(page, 'designer-start-form-unnamed');
    await page.click('[data-testid=form-save]');
    await page.locator('[data-testid=form-dialog]').waitFor({ state: 'detached' });
    await select(page, task);
    await page.click('[data-action=form]');
    expect(await page.locator('[data-testid=form-dialog-title]').innerText()).to.equal('Formulir tugas — tugas tanpa nama');
    await page.click('[data-testid=form-save]');
    await page.locator('[data-testid=form-dialog]').waitFor({ state: 'detached' });

    await page.click('[data-action=deploy]');
    await page.locator('[data-testid=status].status-success').waitFor();

    // Its name in the process list opens it (the newest version), as its "versi 1" does.
    const name = page.locator('[data-testid=process-list] section[data-key="izin-reklame"] [data-action=open-latest]');
    await name.waitFor();
    page.on('dialog', (dialog) => void dialog.accept());
    await page.click('[data-action=new]');
    await page.locator('[data-testid=process-list] button.version.active').waitFor({ state: 'detached' });
    await name.click();
    await page.locator('[data-testid=process-list] section[data-key="izin-reklame"] button.version.active').waitFor();

    const api = await ApiClient.login(server.url, analyst.username, analyst.password);
    const list = await api.expect(200, 'GET', '/api/process-definitions?key=izin-reklame');
    const def = await api.expect(200, 'GET', `/api/process-definitions/${list.items[0].id}`);
    expect(def.starters).to.deep.equal(['loket-dpmptsp', 'kepala-opd']);
    expect(def.businessKeyFormat).to.equal('IRK/{yyyy}/{MM}/{seq:4}');
    expect(def.startFormId).to.equal('izin-reklame-startevent_1');
    const xml: string = await api.expect(200, 'GET', `/api/process-definitions/${list.items[0].id}/xml`);
    expect(xml).to.contain('<alur:starters groups="loket-dpmptsp, kepala-opd"');
    expect(xml).to.contain('<alur:businessKey format="IRK/{yyyy}/{MM}/{seq:4}"');
    expect(xml).to.contain('<alur:variables strict="true"');

    // Emptying a field removes its element (anyone may start again).
    await deselect(page);
    await openGroup(page, 'alur-case-start');
    await fillEntry(page, 'alur-starters', '');
    const download = page.waitForEvent('download');
    await page.click('[data-action=download]');
    const saved = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(saved!, 'utf8');
    expect(text).to.not.contain('alur:starters');
    expect(text).to.contain('alur:businessKey');
  });
});
