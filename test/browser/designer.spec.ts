/**
 * The designer in a real browser against a real server: an analyst draws a process from the
 * palette, sets a candidate group, sees the engine's lint rule flag the unconditioned gateway
 * flows, sees the server refuse the same diagram on the offending elements, fixes it in the
 * properties panel and deploys; the new version shows in the list and through the API.
 */
import { expect } from 'chai';
import { ApiClient, screenshot } from './support/index.js';
import { designerScene } from './support/designer-scene.js';
import { centre, connect, createFromPalette, deselect, fillEntry, loginToDesigner, openGroup, replaceWith, select } from './support/designer-page.js';

const analyst = { username: 'analis.semarang', password: 'Rahasia-analis-1', roles: ['analyst'], groups: ['bagian-organisasi'] };

describe('designer: draw, lint, deploy', function () {
  const scene = designerScene({ id: 'semarang', name: 'Kota Semarang', users: [analyst] });

  it('given a blank diagram, when the analyst draws, fixes the lint error and deploys, then the version is listed and served', async function () {
    const { server, page } = scene;
    await loginToDesigner(page, server.url, analyst.username, analyst.password);

    // Given: start (already in a new diagram) → user task → exclusive gateway → two end events
    const start = await centre(page, 'StartEvent_1');
    const task = await createFromPalette(page, 'create.task', start.x + 160, start.y);
    await replaceWith(page, task, 'replace-with-user-task');
    const gateway = await createFromPalette(page, 'create.exclusive-gateway', start.x + 320, start.y);
    const approved = await createFromPalette(page, 'create.end-event', start.x + 450, start.y - 80);
    const rejected = await createFromPalette(page, 'create.end-event', start.x + 450, start.y + 80);
    await connect(page, 'StartEvent_1', task);
    await connect(page, task, gateway);
    const toApproved = await connect(page, gateway, approved);
    const toRejected = await connect(page, gateway, rejected);

    await select(page, task);
    await openGroup(page, 'general');
    await fillEntry(page, 'name', 'Verifikasi berkas');
    await openGroup(page, 'assignmentDefinition');
    await fillEntry(page, 'assignmentDefinitionCandidateGroups', 'verifikator');
    await select(page, gateway);
    await openGroup(page, 'general');
    await fillEntry(page, 'name', 'Lengkap?');
    await deselect(page);
    await openGroup(page, 'general');
    await fillEntry(page, 'id', 'izin-uji');
    await fillEntry(page, 'name', 'Izin Uji Coba');

    // Then: the engine's rule (packed into bpmnlint) flags both gateway flows, in Indonesian
    const gatewayIssue = (flow: string) => page.locator(`[data-testid=issues] li.issue-error[data-element="${flow}"]`, { hasText: 'belum memiliki kondisi' });
    await gatewayIssue(toApproved).waitFor();
    await gatewayIssue(toRejected).waitFor();
    // A nameless flow is listed by the elements it joins, a nameless end by its kind and id, never as its bare id
    expect(await gatewayIssue(toApproved).locator('.issue-element').textContent()).to.equal(`“Lengkap?” → event selesai ${approved}`);
    await screenshot(page, 'designer-lint');

    // When it is deployed anyway (the designer asks first, naming the errors), the server refuses and marks the same flows
    let asked = '';
    page.once('dialog', (dialog) => { asked = dialog.message(); void dialog.accept(); });
    await page.click('[data-action=deploy]');
    await page.locator('[data-testid=status].status-error').waitFor();
    expect(asked).to.match(/^Diagram masih memiliki \d+ kesalahan/);
    expect(await page.locator(`.djs-element.alur-server-error[data-element-id="${toApproved}"]`).count()).to.equal(1);
    expect(await page.locator('.alur-server-error-note').count()).to.be.greaterThan(0);
    // Each problem is listed once, whether the live lint or the server found it
    for (const flow of [toApproved, toRejected]) expect(await page.locator(`[data-testid=issues] li.issue[data-element="${flow}"]`).count(), flow).to.equal(1);
    await screenshot(page, 'designer-refused');

    // When: conditions are written in the properties panel
    for (const [flow, condition] of [[toApproved, 'disetujui = true'], [toRejected, 'disetujui = false']]) {
      await select(page, flow);
      await openGroup(page, 'condition');
      await fillEntry(page, 'conditionExpression', `=${condition}`);
    }
    await gatewayIssue(toApproved).waitFor({ state: 'detached' });
    await gatewayIssue(toRejected).waitFor({ state: 'detached' });

    // And the user task gets a form of its own, created in the form editor
    await select(page, task);
    await page.click('[data-action=form]');
    await page.locator('[data-testid=form-dialog] .fjs-editor-container').waitFor();
    await page.click('[data-testid=form-save]');
    await page.locator('[data-testid=form-dialog]').waitFor({ state: 'detached' });

    // And it is deployed
    await page.click('[data-action=deploy]');
    await page.locator('[data-testid=status].status-success').waitFor();
    // Named by the process's name, not its key
    expect(await page.locator('[data-testid=status]').textContent()).to.equal('Ter-deploy: “Izin Uji Coba” versi 1.');
    await page.locator('[data-key="izin-uji"] .version[data-version="1"].active').waitFor();
    await deselect(page);
    await screenshot(page, 'designer-deployed');

    // And the file downloads with the Camunda 8 markers, named for the process
    const download = page.waitForEvent('download');
    await page.click('[data-action=download]');
    expect((await download).suggestedFilename()).to.equal('izin-uji.bpmn');

    // Then: the API serves version 1 with the candidate group, conditions and Camunda 8 markers
    const api = await ApiClient.login(server.url, analyst.username, analyst.password);
    const list = await api.expect(200, 'GET', '/api/process-definitions?key=izin-uji');
    expect(list.items.map((d: any) => d.version)).to.deep.equal([1]);
    const xml: string = await api.expect(200, 'GET', `/api/process-definitions/${list.items[0].id}/xml`);
    expect(xml).to.contain('candidateGroups="verifikator"');
    expect(xml).to.contain('=disetujui = true');
    expect(xml).to.match(new RegExp(`formId="izin-uji-${task.toLowerCase()}"`));
    expect(xml).to.contain('modeler:executionPlatform="Camunda Cloud"');
    expect(xml).to.contain('modeler:executionPlatformVersion="8.x"');
  });
});
