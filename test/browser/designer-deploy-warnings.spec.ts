/**
 * A deployment's warnings in the designer (issue 12): deploying a process whose user tasks name
 * candidate groups nobody active belongs to succeeds, and the issues panel lists each such task
 * with the server's words; clicking one selects the task on the canvas.
 */
import { expect } from 'chai';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loginToDesigner } from './support/designer-page.js';
import { launchBrowser, newPage, setupTenant, startServer, type RunningServer } from './support/index.js';

const examples = path.join(import.meta.dirname, '..', '..', 'processes', 'examples');

describe('designer: deployment warnings on the elements', function () {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  before(async function () {
    server = await startServer();
    const users = [
      { username: 'analis', password: 'Rahasia-analis-3', roles: ['analyst'], groups: [] },
      { username: 'kadis', password: 'Rahasia-kadis-3', roles: ['staff'], groups: ['kepala-dinas'] },
    ];
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users });
    browser = await launchBrowser();
    page = await newPage(browser);
    await loginToDesigner(page, server.url, 'analis', 'Rahasia-analis-3');
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('given a task for a group without members, when deployed, then it deploys and the task is listed with the warning', async function () {
    await page.setInputFiles('[data-testid=file-input]', [path.join(examples, 'two-step-approval.bpmn'), path.join(examples, 'two-step-approval.form')]);
    await page.locator('.djs-element[data-element-id="Task_Review"]').waitFor();
    await page.click('[data-action=deploy]');
    await page.locator('[data-testid=status].status-success').waitFor();
    const warning = page.locator('[data-testid=issues] li.issue-warn[data-element="Task_Review"][data-rule=server]');
    await warning.waitFor();
    expect(await warning.innerText()).to.contain('verifikator');
    // kepala-dinas has an active member: no warning for the approval
    expect(await page.locator('[data-testid=issues] li[data-element="Task_Sign"][data-rule=server]').count()).to.equal(0);
    await warning.click();
    await page.locator('.djs-element.selected[data-element-id="Task_Review"]').waitFor();
  });
});
