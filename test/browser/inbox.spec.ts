/**
 * The staff inbox, end to end in headless Chromium against the real server (embedded mode), on
 * the project's two-step approval example: two staff users of different groups work it through,
 * a form error is shown and fixed, a rejection ends the case on the reject path with the rejecter
 * in the history, and users of another group or another tenant see nothing.
 */
import { expect } from 'chai';
import { InboxApi } from './support/inbox-api.js';
import { INBOX_PATH, shot } from './support/inbox-browser.js';
import { claim, endedElements, EXAMPLE, openTask, PASSWORD, setUpScene, taskRow, type Scene } from './support/inbox-scene.js';

describe('inbox (browser): the two-step approval', function () {
  this.timeout(180_000);
  let scene: Scene;

  before(async function () { scene = await setUpScene(); });
  afterEach(async function () { await scene.closePages(); });
  after(async function () { await scene?.tearDown(); });

  it('lets two staff users of different groups work it end to end; the second task appears without a reload', async function () {
    // Given the head of office has their groups' tasks open, and a new case arrives for verification
    const budi = await scene.open('budi');
    await budi.getByRole('link', { name: /Tugas grup saya/ }).click();
    const kase = await scene.startCase(EXAMPLE);

    // When the verifier claims the task, fills the form and approves
    const sari = await scene.open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey, 'Verify the request');
    await claim(sari);
    await sari.getByLabel(/Nomor surat/).fill('123/DPU/2026');
    await sari.getByLabel('Approve').check();
    await sari.getByLabel('Note for the applicant').fill('Berkas lengkap, mohon ditandatangani.');
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await sari.getByText('Tugas "Verify the request" telah diselesaikan.').waitFor();

    // Then the head's page, never reloaded, shows the signing task
    await taskRow(budi, kase.businessKey, 'Sign the letter').waitFor({ timeout: 20_000 });
    await shot(budi, 'approval-list-desktop');

    // And the head sees where the case stands and who did what before them
    await taskRow(budi, kase.businessKey, 'Sign the letter').getByRole('link').click();
    await budi.getByRole('heading', { level: 1, name: 'Sign the letter' }).waitFor();
    await claim(budi);
    await budi.locator('.djs-element.alur-active[data-element-id="Task_Sign"]').waitFor();
    await budi.locator('.djs-element.alur-taken[data-element-id="Task_Review"]').waitFor();
    // A straight flow has no height, so Playwright never calls it "visible"; attached is what counts.
    await budi.locator('.djs-element.alur-taken[data-element-id="Flow_Approved"]').waitFor({ state: 'attached' });
    const verified = budi.locator('.timeline-item', { hasText: 'Verify the request diselesaikan oleh' });
    await verified.waitFor();
    // under the form's labels and the option's label
    expect(await verified.innerText()).to.contain('oleh Sari Wulandari').and.to.contain('123/DPU/2026');
    expect(await verified.locator('dt').allInnerTexts()).to.include.members(['Decision', 'Nomor surat (e.g. 123/DPU/2026)']).and.not.to.include('decision');
    expect(await verified.locator('dd').allInnerTexts()).to.include('Approve');
    await shot(budi, 'approval-task-desktop');

    // When the head completes the signing (a task without a form)
    await budi.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await budi.getByText('Tugas "Sign the letter" telah diselesaikan.').waitFor();

    // Then the case ends on the "signed" path
    const ended = await endedElements(scene.analyst, kase.id);
    expect(ended).to.include('EndEvent_Signed').and.not.include('EndEvent_Rejected');
  });

  it('shows form errors in Indonesian on the fields, keeps the task open, and completes once they are fixed', async function () {
    // Given a verifier holding a verification task
    const kase = await scene.startCase(EXAMPLE);
    const sari = await scene.open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey, 'Verify the request');
    await claim(sari);

    // When they submit a malformed letter number and no decision
    await sari.getByLabel(/Nomor surat/).fill('nomor salah');
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();

    // Then each field says what is wrong (form-js's own message in Indonesian, the author's as written)
    await sari.getByText('Periksa kembali isian yang ditandai.').waitFor();
    await sari.getByText('Wajib diisi.').waitFor();
    await sari.getByText('Use the form 123/DPU/2026').waitFor();
    expect(await sari.getByLabel(/Nomor surat/).getAttribute('aria-invalid')).to.equal('true');
    await shot(sari, 'form-error-desktop');
    const stillOpen = await scene.analyst.ok('GET', `tasks?filter=all&state=open&processInstanceId=${kase.id}`);
    expect(stillOpen.items.map((task: any) => task.elementId)).to.deep.equal(['Task_Review']);

    // When they fix both
    await sari.getByLabel(/Nomor surat/).fill('124/DPU/2026');
    // Leaving the field re-validates it; its message goes and the fields below move up.
    await sari.getByLabel(/Nomor surat/).press('Tab');
    await sari.getByText('Use the form 123/DPU/2026').waitFor({ state: 'detached' });
    await sari.getByLabel('Approve').check();
    expect(await sari.getByText('Wajib diisi.').count()).to.equal(0);
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();

    // Then the task completes and the case moves on to the head of office
    await sari.getByText('Tugas "Verify the request" telah diselesaikan.').waitFor();
    await InboxApi.eventually(async () => {
      const instance = await scene.analyst.ok('GET', `process-instances/${kase.id}`);
      return instance.activeElements.includes('Task_Sign') ? true : undefined;
    }, 'the case to reach the signing');
  });

  it('ends the case on the reject path when the verifier rejects, and the history shows who rejected and why', async function () {
    // Given a verifier holding a verification task
    const kase = await scene.startCase(EXAMPLE);
    const sari = await scene.open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey, 'Verify the request');
    await claim(sari);

    // When they reject it with a note
    await sari.getByLabel(/Nomor surat/).fill('125/DPU/2026');
    await sari.getByLabel('Reject').check();
    await sari.getByLabel('Note for the applicant').fill('Lampiran IMB tidak ada.');
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await sari.getByText('Tugas "Verify the request" telah diselesaikan.').waitFor();

    // Then the case ended on the reject path
    const ended = await endedElements(scene.analyst, kase.id);
    expect(ended).to.include('EndEvent_Rejected').and.not.include('EndEvent_Signed');

    // And their completed tasks lead to the case, whose history names who rejected and why
    await openTask(sari, /Selesai/, kase.businessKey, 'Verify the request');
    const rejected = sari.locator('.timeline-item', { hasText: 'Verify the request diselesaikan oleh' });
    await rejected.waitFor();
    expect(await rejected.innerText()).to.contain('oleh Sari Wulandari').and.to.contain('Lampiran IMB tidak ada.');
    expect(await rejected.locator('dt').allInnerTexts()).to.include.members(['Decision', 'Note for the applicant']);
    expect(await rejected.locator('dd').allInnerTexts()).to.include('Reject');
    await sari.locator('.timeline-item', { hasText: 'Request rejected selesai' }).waitFor();
    await sari.locator('.djs-element.alur-taken[data-element-id="EndEvent_Rejected"]').waitFor();
    await sari.locator('.djs-element.alur-taken[data-element-id="Flow_Rejected"]').waitFor({ state: 'attached' });
    expect(await sari.locator('.djs-element.alur-taken[data-element-id="Task_Sign"]').count()).to.equal(0);
    await sari.getByText('Status: selesai').first().waitFor();
    await shot(sari, 'rejected-case-desktop');
  });

  it('shows a user of another group, and a user of another tenant with the same group name, none of the tasks', async function () {
    // Given an open verification task for the group "verifikator" of tenant kotauji
    const kase = await scene.startCase(EXAMPLE);
    const task = await InboxApi.eventually(async () => {
      const page = await scene.analyst.ok('GET', `tasks?filter=all&processInstanceId=${kase.id}`);
      return page.items[0];
    }, 'the task');

    for (const username of ['dewi', 'tono']) {
      // When they look at every tab of their inbox
      const page = await scene.open(username);
      for (const tab of ['mine', 'candidate', 'done']) {
        await page.waitForFunction((name) => document.querySelector(`[data-count="${name}"]`)?.textContent === '0', tab, { timeout: 15_000 });
      }
      expect(await page.locator('.task-row').count(), `${username} list`).to.equal(0);
      expect(await page.locator('[data-tab="all"]').count(), `${username} has no "all" tab`).to.equal(0);
      await page.getByRole('link', { name: /Tugas grup saya/ }).click();
      await page.getByText('Tidak ada tugas di sini.').waitFor();

      // And open the task's address directly: the API refuses, and the page shows nothing of it
      await page.goto(`${scene.server.url}${INBOX_PATH}#/task/${encodeURIComponent(task.id)}`);
      await page.getByText(/Tugas tidak ditemukan atau bukan untuk Anda\.|Anda tidak berwenang/).waitFor();
      expect(await page.content()).not.to.contain(kase.businessKey);
      if (username === 'dewi') await shot(page, 'other-group-desktop');

      // And the API agrees: nothing listed, the task and the case refused
      const api = await InboxApi.login(scene.server.url, username, PASSWORD);
      for (const filter of ['mine', 'candidate', 'unassigned', 'all']) {
        const listed = await api.ok('GET', `tasks?filter=${filter}`);
        expect(listed.total, `${username} filter=${filter}`).to.equal(0);
      }
      expect([403, 404]).to.include((await api.call('GET', `tasks/${task.id}`)).status);
      expect([403, 404]).to.include((await api.call('GET', `process-instances/${kase.id}`)).status);
      expect([403, 404]).to.include((await api.call('POST', `tasks/${task.id}/claim`)).status);
    }

    // While an analyst of the tenant sees it under "Semua"
    const analis = await scene.open('analis');
    await openTask(analis, /Semua/, kase.businessKey, 'Verify the request');
  });
});
