/**
 * The staff inbox, end to end in headless Chromium against the real server (embedded mode):
 * a two-step approval worked by two staff users of different groups, a form error shown and
 * fixed, a rejection that ends the case on the reject path with the rejecter in the history, and
 * users of another group or another tenant who see nothing. Scenes are set through the HTTP API.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { InboxApi } from './support/inbox-api.js';
import { launchInboxBrowser, PHONE, shot, signIn } from './support/inbox-browser.js';
import { startInboxServer, type InboxServer } from './support/inbox-server.js';

const FIXTURES = join('test', 'browser', 'fixtures');
const PASSWORD = 'Rahasia-123!';
const TENANT = 'kotauji';
const PROCESS = 'inbox-approval';

describe('inbox (browser)', function () {
  this.timeout(180_000);
  let server: InboxServer;
  let browser: Browser;
  let analyst: InboxApi;
  let counter = 0;
  const pages: Page[] = [];

  /** A new case with a unique business key; the verifier's deadline is already past (overdue). */
  async function startCase(pemohon: string): Promise<{ id: string; businessKey: string }> {
    counter += 1;
    const businessKey = `IZN-2026-${String(counter).padStart(4, '0')}-${Date.now() % 10000}`;
    const instance = await analyst.startInstance(PROCESS, businessKey, {
      pemohon, tenggatVerifikasi: new Date(Date.now() - 2 * 3600_000).toISOString(),
    });
    return { id: instance.id, businessKey };
  }

  async function open(username: string, viewport?: { width: number; height: number }): Promise<Page> {
    const page = await signIn(browser, server.url, username, PASSWORD, viewport);
    pages.push(page);
    return page;
  }

  function row(page: Page, businessKey: string, taskName: string) {
    return page.locator('.task-row', { hasText: businessKey }).filter({ hasText: taskName });
  }

  async function openTask(page: Page, tab: RegExp, businessKey: string, taskName: string): Promise<void> {
    await page.getByRole('navigation', { name: /Daftar tugas|Task lists/ }).getByRole('link', { name: tab }).click();
    await row(page, businessKey, taskName).waitFor({ timeout: 20_000 });
    await row(page, businessKey, taskName).getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: taskName }).waitFor();
  }

  async function claim(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Ambil tugas' }).click();
    await page.getByText('Tugas telah Anda ambil.').waitFor();
  }

  before(async function () {
    const built = spawnSync(process.execPath, ['inbox/build.mjs'], { stdio: 'inherit', env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' } });
    expect(built.status, 'inbox build').to.equal(0);
    server = await startInboxServer();
    browser = await launchInboxBrowser();
    const admin = await InboxApi.login(server.url, 'admin', server.adminPassword);
    await admin.ok('POST', 'tenants', { id: TENANT, name: 'Kota Uji' });
    await admin.ok('POST', 'tenants', { id: 'kabuji', name: 'Kabupaten Uji' });
    const user = (username: string, tenant: string, roles: string[], groups: string[]) =>
      admin.ok('POST', 'users', { username, password: PASSWORD, tenant, roles, groups });
    await user('analis', TENANT, ['analyst'], ['bagian-organisasi']);
    await user('sari', TENANT, ['staff'], ['verifikator-perizinan']);
    await user('rina', TENANT, ['staff'], ['verifikator-perizinan']);
    await user('budi', TENANT, ['staff'], ['kepala-dinas']);
    await user('dewi', TENANT, ['staff'], ['bagian-umum']);
    // Same group name in another tenant: a name match must never cross tenants.
    await user('tono', 'kabuji', ['staff'], ['verifikator-perizinan']);
    analyst = await InboxApi.login(server.url, 'analis', PASSWORD);
    await analyst.deploy([join(FIXTURES, 'inbox-approval.bpmn'), join(FIXTURES, 'inbox-verify.form'), join(FIXTURES, 'inbox-approve.form')]);
  });

  afterEach(async function () {
    for (const page of pages.splice(0)) await page.context().close();
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('lets two staff users of different groups work a two-step approval; the second task appears without a reload', async function () {
    // Given the head of office has their groups' tasks open, and a new case arrives for verification
    const budi = await open('budi');
    await budi.getByRole('link', { name: /Tugas grup saya/ }).click();
    const kase = await startCase('CV Maju Jaya');

    // When the verifier claims the task, fills the prefilled form and passes the file on
    const sari = await open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey, 'Verifikasi berkas');
    await sari.getByText(/Terlambat/).first().waitFor();
    await claim(sari);
    expect(await sari.getByLabel('Nama pemohon').inputValue()).to.equal('CV Maju Jaya');
    await sari.getByLabel('Nomor surat verifikasi').fill('045/PERIZINAN/2026');
    await sari.getByLabel('Berkas lengkap, teruskan').check();
    await sari.getByLabel('Catatan', { exact: true }).fill('Dokumen lengkap dan sah.');
    await shot(sari, 'verify-task-desktop');
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await sari.getByText('Tugas "Verifikasi berkas" telah diselesaikan.').waitFor();

    // Then the head's page, never reloaded, shows the approval task
    await row(budi, kase.businessKey, 'Persetujuan kepala dinas').waitFor({ timeout: 20_000 });
    await shot(budi, 'list-desktop');

    // And the head sees the verifier's note, where the case stands, and who did what
    await row(budi, kase.businessKey, 'Persetujuan kepala dinas').getByRole('link').click();
    await budi.getByRole('heading', { level: 1, name: 'Persetujuan kepala dinas' }).waitFor();
    await claim(budi);
    expect(await budi.getByLabel('Catatan verifikator').inputValue()).to.equal('Dokumen lengkap dan sah.');
    await budi.locator('.djs-element.alur-active[data-element-id="Task_Approve"]').waitFor();
    await budi.locator('.djs-element.alur-taken[data-element-id="Task_Verify"]').waitFor();
    await budi.locator('.djs-element.alur-taken[data-element-id="Flow_VerifyOk"]').waitFor();
    const verified = budi.locator('.timeline-item', { hasText: 'Menyelesaikan Verifikasi berkas' });
    await verified.waitFor();
    expect(await verified.innerText()).to.contain('oleh sari').and.to.contain('setuju');
    await shot(budi, 'approve-task-desktop');

    // When the head approves
    await budi.getByLabel('Setujui').check();
    await budi.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await budi.getByText('Tugas "Persetujuan kepala dinas" telah diselesaikan.').waitFor();

    // Then the case ends on the "permit issued" path
    await InboxApi.eventually(async () => {
      const instance = await analyst.ok('GET', `process-instances/${kase.id}`);
      return instance.state === 'completed' ? instance : undefined;
    }, 'the case to complete');
    const history = await analyst.ok('GET', `process-instances/${kase.id}/history`);
    const ended = history.items.filter((item: any) => item.type === 'element.completed').map((item: any) => item.elementId);
    expect(ended).to.include('End_Issued').and.not.include('End_RejectedByHead');
  });

  it('shows form errors in Indonesian on the fields, keeps the task open, and completes once they are fixed', async function () {
    // Given a verifier holding a verification task
    const kase = await startCase('Koperasi Sejahtera');
    const sari = await open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey, 'Verifikasi berkas');
    await claim(sari);

    // When they submit a malformed letter number and no decision
    await sari.getByLabel('Nomor surat verifikasi').fill('nomor salah');
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();

    // Then both fields say what is wrong, in Indonesian, and nothing was completed
    await sari.getByText('Periksa kembali isian yang ditandai.').waitFor();
    await sari.getByText('Wajib diisi.').waitFor();
    await sari.getByText(/Isian harus sesuai pola/).waitFor();
    expect(await sari.getByLabel('Nomor surat verifikasi').getAttribute('aria-invalid')).to.equal('true');
    await shot(sari, 'form-error-desktop');
    const open_ = await analyst.ok('GET', `tasks?filter=all&state=open&processInstanceId=${kase.id}`);
    expect(open_.items.map((task: any) => task.elementId)).to.deep.equal(['Task_Verify']);

    // When they fix both
    await sari.getByLabel('Nomor surat verifikasi').fill('046/PERIZINAN/2026');
    await sari.getByLabel('Berkas lengkap, teruskan').check();
    expect(await sari.getByText('Wajib diisi.').count()).to.equal(0);
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();

    // Then the task completes and the case moves on to the head of office
    await sari.getByText('Tugas "Verifikasi berkas" telah diselesaikan.').waitFor();
    await InboxApi.eventually(async () => {
      const instance = await analyst.ok('GET', `process-instances/${kase.id}`);
      return instance.activeElements.includes('Task_Approve') ? true : undefined;
    }, 'the case to reach the approval');
  });

  it('ends the case on the reject path when the head rejects, and the history shows who rejected', async function () {
    // Given a case the verifier has passed on (through the API, to keep this test short)
    const kase = await startCase('PT Sungai Biru');
    const sariApi = await InboxApi.login(server.url, 'sari', PASSWORD);
    const verify = await InboxApi.eventually(async () => {
      const page = await sariApi.ok('GET', `tasks?filter=candidate&processInstanceId=${kase.id}`);
      return page.items[0];
    }, 'the verification task');
    await sariApi.ok('POST', `tasks/${verify.id}/claim`);
    await sariApi.ok('POST', `tasks/${verify.id}/complete`, { variables: { nomorSurat: '047/PERIZINAN/2026', keputusan: 'setuju', catatan: 'Lengkap.' } });

    // When the head rejects it with a reason in the inbox
    const budi = await open('budi');
    await openTask(budi, /Tugas grup saya/, kase.businessKey, 'Persetujuan kepala dinas');
    await claim(budi);
    await budi.getByLabel('Tolak').check();
    await budi.getByLabel('Alasan / catatan').fill('Lokasi usaha tidak sesuai rencana tata ruang.');
    await budi.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await budi.getByText('Tugas "Persetujuan kepala dinas" telah diselesaikan.').waitFor();

    // Then the case ended on the reject path
    await InboxApi.eventually(async () => {
      const instance = await analyst.ok('GET', `process-instances/${kase.id}`);
      return instance.state === 'completed' ? instance : undefined;
    }, 'the case to end');
    const history = await analyst.ok('GET', `process-instances/${kase.id}/history`);
    const ended = history.items.filter((item: any) => item.type === 'element.completed').map((item: any) => item.elementId);
    expect(ended).to.include('End_RejectedByHead').and.not.include('End_Issued');

    // And the head's completed tasks lead to the case, whose history names who rejected and why
    await openTask(budi, /Selesai/, kase.businessKey, 'Persetujuan kepala dinas');
    const rejected = budi.locator('.timeline-item', { hasText: 'Menyelesaikan Persetujuan kepala dinas' });
    await rejected.waitFor();
    const text = await rejected.innerText();
    expect(text).to.contain('oleh budi').and.to.contain('tolak').and.to.contain('Lokasi usaha tidak sesuai rencana tata ruang.');
    await budi.locator('.timeline-item', { hasText: 'Permohonan ditolak selesai' }).waitFor();
    await budi.locator('.djs-element.alur-taken[data-element-id="End_RejectedByHead"]').waitFor();
    expect(await budi.locator('.djs-element.alur-taken[data-element-id="End_Issued"]').count()).to.equal(0);
    await budi.getByText('Status: selesai').first().waitFor();
    await shot(budi, 'rejected-case-desktop');
  });

  it('shows a user of another group, and a user of another tenant with the same group name, none of the tasks', async function () {
    // Given an open verification task for the group "verifikator-perizinan" of tenant kotauji
    const kase = await startCase('UD Sentosa');
    const task = await InboxApi.eventually(async () => {
      const page = await analyst.ok('GET', `tasks?filter=all&processInstanceId=${kase.id}`);
      return page.items[0];
    }, 'the task');

    for (const username of ['dewi', 'tono']) {
      // When they look at every tab of their inbox
      const page = await open(username);
      for (const tab of ['mine', 'candidate', 'done']) {
        await page.waitForFunction((name) => document.querySelector(`[data-count="${name}"]`)?.textContent === '0', tab, { timeout: 15_000 });
      }
      expect(await page.locator('.task-row').count(), `${username} list`).to.equal(0);
      expect(await page.locator('[data-tab="all"]').count(), `${username} has no "all" tab`).to.equal(0);
      await page.getByRole('link', { name: /Tugas grup saya/ }).click();
      await page.getByText('Tidak ada tugas di sini.').waitFor();

      // And open the task's address directly: the API refuses, the page says so and shows nothing of it
      await page.goto(`${server.url}/inbox/#/task/${encodeURIComponent(task.id)}`);
      await page.getByText(/Tugas tidak ditemukan atau bukan untuk Anda\.|Anda tidak berwenang/).waitFor();
      expect(await page.content()).not.to.contain(kase.businessKey);
      if (username === 'dewi') await shot(page, 'other-group-desktop');

      // And the API agrees: nothing listed, the task and the case refused
      const api = await InboxApi.login(server.url, username, PASSWORD);
      for (const filter of ['mine', 'candidate', 'unassigned', 'all']) {
        const listed = await api.ok('GET', `tasks?filter=${filter}`);
        expect(listed.total, `${username} filter=${filter}`).to.equal(0);
      }
      expect([403, 404]).to.include((await api.call('GET', `tasks/${task.id}`)).status);
      expect([403, 404]).to.include((await api.call('GET', `process-instances/${kase.id}`)).status);
      expect([403, 404]).to.include((await api.call('POST', `tasks/${task.id}/claim`)).status);
    }

    // While an analyst of the tenant sees it under "Semua"
    const analis = await open('analis');
    await openTask(analis, /Semua/, kase.businessKey, 'Verifikasi berkas');
  });

  it('hands a claimed task to a colleague of the same group (Plt/Plh), who finds it under "Tugas saya"', async function () {
    // Given a verifier who claimed a task but is away tomorrow
    const kase = await startCase('CV Cahaya Timur');
    const sari = await open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey, 'Verifikasi berkas');
    await claim(sari);

    // When they assign it to a colleague
    await sari.getByText('Alihkan ke rekan (Plt/Plh)').click();
    await sari.getByLabel('Nama pengguna rekan').fill('rina');
    await sari.getByRole('button', { name: 'Alihkan', exact: true }).click();
    await sari.getByText('Tugas dialihkan ke rina.').waitFor();

    // Then the colleague has it as their own, ready to work
    const rina = await open('rina');
    await openTask(rina, /Tugas saya/, kase.businessKey, 'Verifikasi berkas');
    await rina.getByText('rina (Anda)').waitFor();
    await rina.getByRole('button', { name: 'Selesaikan tugas' }).waitFor();
  });

  it('switches to English, keeps the choice after a reload, and words form errors in English', async function () {
    const kase = await startCase('Toko Makmur');
    const sari = await open('sari');
    await sari.getByLabel('Bahasa').selectOption('en');
    await sari.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
    await sari.reload();
    await sari.getByRole('heading', { level: 1, name: 'Tasks' }).waitFor();
    expect(await sari.evaluate(() => document.documentElement.lang)).to.equal('en');

    await openTask(sari, /My groups' tasks/, kase.businessKey, 'Verifikasi berkas');
    await sari.getByRole('button', { name: 'Claim task' }).click();
    await sari.getByText('You claimed this task.').waitFor();
    await sari.getByRole('button', { name: 'Complete task' }).click();
    await sari.getByText('Please check the marked fields.').waitFor();
    expect(await sari.getByText('Field is required.').count()).to.be.greaterThan(0);
    await sari.getByLabel('Language').selectOption('id');
    await sari.getByRole('heading', { level: 1, name: 'Verifikasi berkas' }).waitFor();
  });

  it('works on a phone screen (390×844) without sideways scrolling', async function () {
    const kase = await startCase('Warung Bu Siti');
    const sari = await open('sari', PHONE);
    await sari.getByRole('link', { name: /Tugas grup saya/ }).click();
    await row(sari, kase.businessKey, 'Verifikasi berkas').waitFor();
    const listWidth = await sari.evaluate(() => document.documentElement.scrollWidth);
    expect(listWidth, 'list page width').to.be.at.most(PHONE.width);
    await shot(sari, 'list-phone');

    await row(sari, kase.businessKey, 'Verifikasi berkas').getByRole('link').click();
    await sari.getByRole('heading', { level: 1, name: 'Verifikasi berkas' }).waitFor();
    await claim(sari);
    await sari.locator('.djs-element.alur-active[data-element-id="Task_Verify"]').waitFor();
    const taskWidth = await sari.evaluate(() => document.documentElement.scrollWidth);
    expect(taskWidth, 'task page width').to.be.at.most(PHONE.width);
    await shot(sari, 'task-phone');
  });

  it('can be worked with the keyboard alone, and every control has a name', async function () {
    const kase = await startCase('Bengkel Jaya');
    const sari = await open('sari');
    await sari.getByRole('link', { name: /Tugas grup saya/ }).click();
    await row(sari, kase.businessKey, 'Verifikasi berkas').waitFor();

    // Tab through the page until the task's link has focus, then open it with Enter
    let reached = false;
    for (let i = 0; i < 40 && !reached; i += 1) {
      await sari.keyboard.press('Tab');
      reached = await sari.evaluate((key) => document.activeElement?.closest('.task-row')?.textContent?.includes(key) ?? false, kase.businessKey);
    }
    expect(reached, 'task link reachable by Tab').to.equal(true);
    await sari.keyboard.press('Enter');
    await sari.getByRole('heading', { level: 1, name: 'Verifikasi berkas' }).waitFor();

    // Claim with the keyboard too
    await sari.getByRole('button', { name: 'Ambil tugas' }).focus();
    await sari.keyboard.press('Enter');
    await sari.getByText('Tugas telah Anda ambil.').waitFor();
    await sari.locator('.timeline').waitFor();

    const unnamed = await sari.evaluate(() => [...document.querySelectorAll('button, a[href], input, select, textarea, summary')]
      .filter((el) => (el as HTMLElement).offsetParent !== null)
      .filter((el) => {
        const control = el as HTMLInputElement;
        const labelled = (control.labels?.length ?? 0) > 0 || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby') || el.getAttribute('title');
        return !labelled && !(el.textContent ?? '').trim();
      })
      .map((el) => el.outerHTML.slice(0, 120)));
    expect(unnamed, 'controls without an accessible name').to.deep.equal([]);
  });
});
