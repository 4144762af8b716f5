/**
 * The admin console in a real browser (issue 12): a regency admin builds the group tree (OPD →
 * seksi), adds a person with name, NIP, jabatan, group and role, finds them by NIP, resets a
 * password, and deactivates a verifier who holds a claimed task — who can then no longer sign
 * in, while the task returns to the verifiers' group. No curl anywhere.
 */
import { expect } from 'chai';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { loginToDesigner } from './support/designer-page.js';
import { ApiClient, launchBrowser, newPage, screenshot, setupTenant, startServer, type RunningServer } from './support/index.js';

const APPROVAL = path.join(import.meta.dirname, '..', '..', 'processes', 'examples');

describe('designer: admin console (people and groups)', function () {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;

  before(async function () {
    server = await startServer();
    const users = [
      { username: 'admin.batang', password: 'Rahasia-admin-3', roles: ['admin', 'analyst'], groups: [] },
      { username: 'sari', password: 'Rahasia-sari-3', roles: ['staff'], groups: ['verifikator'], displayName: 'Sari Wulandari' },
      { username: 'rina', password: 'Rahasia-rina-3', roles: ['staff'], groups: ['verifikator'] },
    ];
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users });
    admin = await ApiClient.login(server.url, 'admin.batang', 'Rahasia-admin-3');
    browser = await launchBrowser();
    page = await newPage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    await loginToDesigner(page, server.url, 'admin.batang', 'Rahasia-admin-3');
    await page.click('a[data-nav=people]');
    await page.getByRole('heading', { name: 'Pengguna dan unit kerja' }).waitFor();
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('given an empty tenant, when the admin builds the group tree and adds a person, then both are there and the person signs in', async function () {
    const groupForm = page.locator('[data-testid=new-group]');
    await groupForm.getByLabel('Kode grup').fill('dpmptsp');
    await groupForm.getByLabel('Nama grup').fill('DPMPTSP Kabupaten Batang');
    await groupForm.getByRole('button', { name: 'Tambah grup' }).click();
    await page.getByText('Grup DPMPTSP Kabupaten Batang dibuat.').waitFor();
    await groupForm.getByLabel('Kode grup').fill('seksi-pbg');
    await groupForm.getByLabel('Nama grup').fill('Seksi PBG');
    await groupForm.getByLabel('Induk').selectOption('dpmptsp');
    await groupForm.getByRole('button', { name: 'Tambah grup' }).click();
    await page.locator('[data-testid=group-tree] li[data-group=dpmptsp] li[data-group=seksi-pbg]').waitFor();

    await page.click('[data-action=new-person]');
    const form = page.locator('[data-testid=new-person]');
    await form.getByLabel('Nama pengguna').fill('budi.santoso');
    await form.getByLabel('Nama', { exact: true }).fill('Budi Santoso, S.T.');
    await form.getByLabel('NIP').fill('198503122010011002');
    await form.getByLabel('Jabatan').fill('Kepala Seksi PBG');
    await form.getByLabel('Grup (pisahkan dengan koma)').fill('seksi-pbg');
    await form.getByLabel('Kata sandi').fill('Rahasia-budi-1');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Budi Santoso, S.T. ditambahkan.').waitFor();

    // Found by NIP; listed in his seksi with one active member
    await page.getByTestId('people-search').fill('19850312');
    await page.waitForFunction(() => [...document.querySelectorAll('tbody tr[data-username]')].map((row) => row.getAttribute('data-username')).join() === 'budi.santoso');
    await page.locator('[data-testid=group-tree] li[data-group=seksi-pbg]', { hasText: '1 anggota aktif' }).waitFor();
    await page.locator('[data-testid=group-tree] li[data-group=seksi-pbg] > button').click();
    await page.getByTestId('group-members').getByText('Budi Santoso, S.T. — Kepala Seksi PBG').waitFor();
    await screenshot(page, 'designer-people-console');
    expect((await ApiClient.login(server.url, 'budi.santoso', 'Rahasia-budi-1')).token).to.be.a('string');

    // An admin resets the password: the old one stops, the new one works
    await page.locator('tr[data-username="budi.santoso"] button').click();
    const edit = page.locator('[data-testid=edit-person]');
    await edit.getByLabel('Kata sandi baru (kosongkan bila tidak diubah)').fill('Baru-dari-admin-7');
    await edit.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Perubahan Budi Santoso, S.T. disimpan.').waitFor();
    expect((await new ApiClient(server.url).request('POST', '/api/auth/login', { username: 'budi.santoso', password: 'Rahasia-budi-1' })).status).to.equal(401);
    expect((await ApiClient.login(server.url, 'budi.santoso', 'Baru-dari-admin-7')).token).to.be.a('string');
  });

  it('given the platform administrator, when a tenant is added with its first admin, then that admin signs in to it', async function () {
    const platform = await newPage(browser);
    await loginToDesigner(platform, server.url, 'admin', server.adminPassword);
    await platform.click('a[data-nav=people]');
    const form = platform.locator('[data-testid=new-tenant]');
    await form.getByLabel('Kode daerah').fill('rembang');
    await form.getByLabel('Nama daerah').fill('Kabupaten Rembang');
    await form.getByLabel('Admin pertama (nama pengguna)').fill('admin.rembang');
    await form.getByLabel('Kata sandi').fill('Rahasia-rembang-1');
    await form.getByRole('button', { name: 'Tambah daerah' }).click();
    await platform.getByText('Kabupaten Rembang dibuat dengan admin admin.rembang.').waitFor();
    await platform.locator('[data-testid=tenant-list] li[data-tenant=rembang]').waitFor();
    const rembang = await ApiClient.login(server.url, 'admin.rembang', 'Rahasia-rembang-1');
    expect(await rembang.expect(200, 'GET', '/api/auth/me')).to.deep.include({ tenant: 'rembang', roles: ['admin', 'analyst'] });
    await platform.context().close();
  });

  it('given a verifier holding a claimed task, when the admin deactivates her, then she cannot sign in and the task is back with the group', async function () {
    const form = new FormData();
    for (const file of ['two-step-approval.bpmn', 'two-step-approval.form']) {
      form.append('files', new Blob([await (await import('node:fs/promises')).readFile(path.join(APPROVAL, file))]), file);
    }
    await admin.expect(201, 'POST', '/api/deployments', form);
    const sari = await ApiClient.login(server.url, 'sari', 'Rahasia-sari-3');
    const started = await sari.expect(201, 'POST', '/api/process-instances', { processKey: 'two-step-approval', businessKey: 'SP-BTG-1' });
    const taskId = started.tasks[0].id as string;
    await sari.expect(200, 'POST', `/api/tasks/${taskId}/claim`);

    await page.getByTestId('people-search').fill('wulandari');
    await page.locator('tr[data-username="sari"] button').click();
    await page.locator('[data-testid=edit-person] [data-action=deactivate]').click();
    await page.getByText('Sari Wulandari dinonaktifkan; tugasnya kembali ke grup.').waitFor();
    await page.locator('tr[data-username="sari"]', { hasText: 'Nonaktif' }).waitFor();

    expect((await sari.request('GET', '/api/tasks')).status).to.equal(401);
    expect((await new ApiClient(server.url).request('POST', '/api/auth/login', { username: 'sari', password: 'Rahasia-sari-3' })).status).to.equal(401);
    const rina = await ApiClient.login(server.url, 'rina', 'Rahasia-rina-3');
    const candidates = await rina.expect(200, 'GET', '/api/tasks?filter=candidate');
    expect(candidates.items.map((t: { id: string; assignee: string | null }) => [t.id, t.assignee])).to.deep.equal([[taskId, null]]);
    const history = await admin.expect(200, 'GET', `/api/process-instances/${started.id}/history`);
    expect(history.items.find((h: { type: string }) => h.type === 'task.unassigned')).to.deep.include({ user: 'admin.batang', data: { taskId, assignee: null, previousAssignee: 'sari', reason: 'user deactivated' } });
  });
});
