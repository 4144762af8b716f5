/**
 * The inbox's everyday qualities, in headless Chromium against the real server: deadlines and
 * case data on an Indonesian permit process (test/browser/fixtures), Plt/Plh cover, English,
 * a phone screen, and keyboard use with named controls.
 */
import { expect } from 'chai';
import { InboxApi } from './support/inbox-api.js';
import { PHONE, shot } from './support/inbox-browser.js';
import { newPage, screenshot } from './support/index.js';
import { loginToDesigner } from './support/designer-page.js';
import { claim, EXAMPLE, openTask, PASSWORD, PERMIT, setUpScene, taskRow, type Scene } from './support/inbox-scene.js';

describe('inbox (browser): everyday use', function () {
  this.timeout(180_000);
  let scene: Scene;
  /** A permit case whose verification deadline passed two hours ago. */
  const permit = (pemohon: string) => scene.startCase(PERMIT, { pemohon, tenggatVerifikasi: new Date(Date.now() - 2 * 3600_000).toISOString() });

  before(async function () { scene = await setUpScene(); });
  afterEach(async function () { await scene.closePages(); });
  after(async function () { await scene?.tearDown(); });

  it('points an empty "Tugas saya" to "Tugas grup saya" when the groups have tasks', async function () {
    // Given a verifier with nothing of her own yet, and a case waiting in her group
    await permit('Toko Pertama');
    const sari = await scene.open('sari');
    // Then her own (empty) list says where the work is, and leads there
    const hint = sari.locator('.list-status [data-action=to-group]');
    await hint.waitFor();
    expect(await sari.locator('.list-status').innerText()).to.match(/Belum ada tugas yang Anda tangani\. \d+ tugas menunggu diambil di grup Anda/);
    await hint.click();
    await sari.locator('.tab[data-tab=candidate][aria-current=page]').waitFor();
    await sari.locator('.task-row', { hasText: 'Verifikasi berkas' }).first().waitFor();
  });

  it('marks an overdue task, and carries the case data into the next step read-only', async function () {
    // Given a permit case whose verification is overdue
    const kase = await permit('CV Maju Jaya');
    const sari = await scene.open('sari');
    await sari.getByRole('link', { name: /Tugas grup saya/ }).click();
    const row = taskRow(sari, kase.businessKey, 'Verifikasi berkas');
    await row.waitFor();
    expect(await row.getAttribute('class')).to.contain('urgency-overdue');
    expect(await row.innerText()).to.contain('Terlambat').and.to.contain('Prioritas tinggi');
    await shot(sari, 'permit-list-desktop');

    // When the verifier passes it on with a note
    await row.getByRole('link').click();
    await sari.getByRole('heading', { level: 1, name: 'Verifikasi berkas' }).waitFor();
    await claim(sari);
    expect(await sari.getByLabel('Nama pemohon').inputValue()).to.equal('CV Maju Jaya');
    await sari.getByLabel('Nomor surat verifikasi').fill('045/PERIZINAN/2026');
    await sari.getByLabel('Berkas lengkap, teruskan').check();
    await sari.getByLabel('Catatan', { exact: true }).fill('Dokumen lengkap dan sah.');
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await sari.getByText('Tugas "Verifikasi berkas" telah diselesaikan.').waitFor();

    // Then the head's form shows the applicant and the verifier's note, read-only, with the case beside it
    const budi = await scene.open('budi');
    await openTask(budi, /Tugas grup saya/, kase.businessKey, 'Persetujuan kepala dinas');
    await claim(budi);
    expect(await budi.getByLabel('Nama pemohon').inputValue()).to.equal('CV Maju Jaya');
    expect(await budi.getByLabel('Catatan verifikator').inputValue()).to.equal('Dokumen lengkap dan sah.');
    expect(await budi.getByLabel('Catatan verifikator').isEditable()).to.equal(false);
    await budi.locator('.djs-element.alur-active[data-element-id="Task_Approve"]').waitFor();
    const verified = budi.locator('.timeline-item', { hasText: 'Verifikasi berkas diselesaikan oleh' });
    await verified.waitFor();
    // The history names the verifier's values by the form's labels and option labels, not raw keys
    await verified.locator('dt', { hasText: 'Nomor surat verifikasi' }).waitFor();
    expect(await verified.locator('dt').allInnerTexts()).to.include.members(['Keputusan', 'Catatan']).and.not.to.include('nomorSurat');
    expect(await verified.locator('dd').allInnerTexts()).to.include('Berkas lengkap, teruskan');
    // Data permohonan names the verifier as the history does: by name, not username.
    expect(await budi.locator('.case-step-head').first().innerText()).to.match(/^Verifikasi berkas · Sari Wulandari, /);
    await budi.getByLabel('Setujui').check();
    await shot(budi, 'permit-task-desktop');

    // Pantau (the designer's console) reads the case as the inbox does: the verifier's values in its
    // history under the form's labels, the case's data labelled, and dates as Indonesian writes them.
    const ana = await newPage(scene.browser);
    await loginToDesigner(ana, scene.server.url, 'analis', PASSWORD);
    await ana.goto(`${scene.server.url}/designer/index.html#/pantau/berkas/${kase.id}`);
    const completed = ana.locator('[data-testid=op-history] .op-entry.type-task-completed', { hasText: 'Verifikasi berkas' });
    await completed.locator('dt', { hasText: 'Nomor surat verifikasi' }).waitFor();
    expect(await completed.locator('dt').allInnerTexts()).to.include.members(['Keputusan', 'Catatan']).and.not.to.include('nomorSurat');
    expect(await completed.locator('dd').allInnerTexts()).to.include.members(['Berkas lengkap, teruskan', '045/PERIZINAN/2026']);
    const data = ana.getByTestId('op-variables');
    expect(await data.locator('tr[data-variable=keputusan] td').first().innerText()).to.match(/^Keputusan\s+keputusan$/);
    expect(await data.locator('tr[data-variable=keputusan] .op-value').innerText()).to.equal('Berkas lengkap, teruskan');
    // A date-time without a form field: day first, Indonesian month ("7 Des 2026, 14.30"), not ISO.
    expect(await data.locator('tr[data-variable=tenggatVerifikasi] .op-value').innerText()).to.match(/^\d{1,2} [A-Z][a-z]{2} \d{4},? \d{2}[.:]\d{2}$/);
    await screenshot(ana, 'operate-case-labelled');
    await ana.close();
  });

  it('sorts the list by deadline or by newest, and finds a case by its business key', async function () {
    // Given an overdue permit, and a newer letter due in three days, both for the verifiers
    const permitCase = await permit('PT Urut Satu');
    const letter = await scene.startCase(EXAMPLE);
    const sari = await scene.open('sari');
    await sari.getByRole('link', { name: /Tugas grup saya/ }).click();
    await taskRow(sari, letter.businessKey, 'Verify the request').waitFor();
    const order = () => sari.locator('.task-row .business-key').allInnerTexts();
    const before = (list: string[], a: string, b: string) => list.indexOf(a) >= 0 && list.indexOf(a) < list.indexOf(b);

    // When sorted by deadline (the default), the overdue permit comes first
    expect(before(await order(), permitCase.businessKey, letter.businessKey), 'deadline order').to.equal(true);

    // When sorted by newest, the letter comes first
    await sari.getByLabel('Urutkan').selectOption('createdAt');
    await sari.waitForFunction(([a, b]) => {
      const keys = [...document.querySelectorAll('.task-row .business-key')].map((el) => el.textContent);
      return keys.indexOf(a) >= 0 && keys.indexOf(a) < keys.indexOf(b);
    }, [letter.businessKey, permitCase.businessKey]);

    // When searching for the permit's business key, only that case is listed
    await sari.getByLabel('Cari nomor berkas atau proses').fill(permitCase.businessKey);
    await sari.getByRole('button', { name: 'Cari' }).click();
    await sari.waitForFunction((key) => {
      const keys = [...document.querySelectorAll('.task-row .business-key')].map((el) => el.textContent);
      return keys.length > 0 && keys.every((k) => k === key);
    }, permitCase.businessKey);
    expect(sari.url()).to.contain(`q=${permitCase.businessKey}`);
  });

  it("shows the server's refusals: a field error on its field, and a task completed elsewhere in words", async function () {
    // Given a verifier holding a task, with the form filled in correctly
    const kase = await permit('CV Dua Jalan');
    const sari = await scene.open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey, 'Verifikasi berkas');
    await claim(sari);
    const taskId = decodeURIComponent(sari.url().split('#/task/')[1]);
    await sari.getByLabel('Nomor surat verifikasi').fill('045/PERIZINAN/2026');
    await sari.getByLabel('Nomor surat verifikasi').press('Tab');
    await sari.getByLabel('Berkas lengkap, teruskan').check();

    // When the server refuses a field. Its form check mirrors form-js, so the page cannot provoke
    // one; this answer is the API's documented 400 shape, sent once in place of the server's.
    await sari.route('**/api/tasks/*/complete', (route) => route.fulfill({
      status: 400, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Invalid form values', status: 400, detail: 'one field is invalid',
        errors: [{ path: 'nomorSurat', code: 'pattern', message: 'Format "Nomor surat verifikasi" tidak sesuai.' }] }),
    }), { times: 1 });
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();

    // Then the message sits on that field, and the field is marked invalid
    const field = sari.locator('.fjs-form-field', { has: sari.getByLabel('Nomor surat verifikasi') });
    await field.getByText('Format "Nomor surat verifikasi" tidak sesuai.').waitFor();
    expect(await sari.getByLabel('Nomor surat verifikasi').getAttribute('aria-invalid')).to.equal('true');

    // When the task is completed elsewhere meanwhile, and the page submits again
    const api = await InboxApi.login(scene.server.url, 'sari', PASSWORD);
    await api.ok('POST', `tasks/${taskId}/complete`, { variables: { nomorSurat: '045/PERIZINAN/2026', keputusan: 'setuju' } });
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();

    // Then the real server's 409 is told in words, the page shows the task as it now is,
    // and nothing is completed twice
    await sari.getByText(/sudah diambil atau diselesaikan orang lain/).waitFor();
    await sari.getByText('Tugas ini sudah ditutup (status: Selesai).').waitFor();
    expect(await sari.getByRole('button', { name: 'Selesaikan tugas' }).count()).to.equal(0);
    const history = await scene.analyst.ok('GET', `process-instances/${kase.id}/history`);
    expect(history.items.filter((item: any) => item.type === 'task.completed')).to.have.length(1);
  });

  it('hands a claimed task to a colleague of the same group (Plt/Plh), who finds it under "Tugas saya"', async function () {
    // Given a verifier who claimed a task but will be away
    const kase = await permit('CV Cahaya Timur');
    const sari = await scene.open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey, 'Verifikasi berkas');
    await claim(sari);

    // When they assign it to a colleague
    await sari.getByText('Alihkan ke rekan (Plt/Plh)').click();
    // chosen by name and jabatan among the active members of the task's group, not by a typed username
    const picker = sari.getByLabel('Rekan', { exact: true });
    await picker.locator('option', { hasText: 'Rina Kartika, S.E. — Plh. Kepala Seksi Verifikasi' }).waitFor({ state: 'attached' });
    expect(await picker.locator('option').allInnerTexts()).to.deep.equal(['Pilih rekan…', 'Rina Kartika, S.E. — Plh. Kepala Seksi Verifikasi']);
    await picker.selectOption({ label: 'Rina Kartika, S.E. — Plh. Kepala Seksi Verifikasi' });
    await sari.getByRole('button', { name: 'Alihkan', exact: true }).click();
    await sari.getByText('Tugas dialihkan ke Rina Kartika, S.E..').waitFor();

    // Then the colleague has it as their own, ready to work
    const rina = await scene.open('rina');
    await openTask(rina, /Tugas saya/, kase.businessKey, 'Verifikasi berkas');
    await rina.getByText('Rina Kartika, S.E. (Anda)').waitFor();
    // and the history says who handed it over and to whom
    await rina.locator('.timeline-item', { hasText: 'Verifikasi berkas dialihkan kepada Rina Kartika, S.E.' }).getByText('oleh Sari Wulandari').waitFor();
    await rina.getByRole('button', { name: 'Selesaikan tugas' }).waitFor();
  });

  it('switches to English, keeps the choice after a reload, and words form errors in English', async function () {
    const kase = await permit('Toko Makmur');
    const sari = await scene.open('sari');
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

  it('signs out to the list: the next person at a shared desk does not land on the previous task', async function () {
    // Given a verifier with a task open
    const kase = await permit('Koperasi Meja Depan');
    const sari = await scene.open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey, 'Verifikasi berkas');

    // When she signs out and a colleague signs in at the same browser
    await sari.getByRole('button', { name: 'Keluar' }).click();
    await sari.getByLabel('Nama pengguna').waitFor();
    expect(sari.url()).to.not.contain('#/task/');
    await sari.getByLabel('Nama pengguna').fill('rina');
    await sari.getByLabel('Kata sandi').fill(PASSWORD);
    await sari.getByRole('button', { name: 'Masuk' }).click();

    // Then the colleague sees her own list, not the previous user's task
    await sari.getByRole('heading', { level: 1, name: /^Tugas/ }).waitFor();
    expect(sari.url()).to.contain('tab=mine');
    expect(await sari.getByRole('heading', { level: 1, name: 'Verifikasi berkas' }).count()).to.equal(0);
  });

  it('shows the tab strip without a scrollbar on a desktop, and every tab on a phone', async function () {
    const strip = (page: import('playwright-core').Page) => page.evaluate(() => {
      const nav = document.querySelector('nav.tabs') as HTMLElement;
      const tabs = [...nav.querySelectorAll('.tab')].map((tab) => tab.getBoundingClientRect());
      return { overflowX: nav.scrollWidth - nav.clientWidth, overflowY: nav.scrollHeight - nav.clientHeight, right: Math.max(...tabs.map((box) => box.right)), count: tabs.length };
    });
    const desk = await scene.open('sari');
    const desktop = await strip(desk);
    expect(desktop, 'desktop tab strip').to.include({ overflowX: 0, overflowY: 0, count: 3 });
    const phone = await scene.open('sari', PHONE);
    const small = await strip(phone);
    expect(small, 'phone tab strip').to.include({ overflowX: 0, overflowY: 0, count: 3 });
    expect(small.right, 'the last tab (Selesai) is on screen').to.be.at.most(PHONE.width);
    await phone.getByRole('link', { name: /Selesai/ }).click();
    await phone.getByRole('link', { name: /Selesai/ }).and(phone.locator('[aria-current=page]')).waitFor();
    // Loaded, not visible: an empty list (no task done yet when this test runs alone) has no height.
    await phone.locator('.task-list[aria-busy=false]').waitFor({ state: 'attached' });
    await shot(phone, 'tabs-phone');
  });

  it('works on a phone screen (390×844) without sideways scrolling', async function () {
    const kase = await permit('Warung Bu Siti');
    const sari = await scene.open('sari', PHONE);
    await sari.getByRole('link', { name: /Tugas grup saya/ }).click();
    await taskRow(sari, kase.businessKey, 'Verifikasi berkas').waitFor();
    expect(await sari.evaluate(() => document.documentElement.scrollWidth), 'list page width').to.be.at.most(PHONE.width);
    await shot(sari, 'list-phone');

    await taskRow(sari, kase.businessKey, 'Verifikasi berkas').getByRole('link').click();
    await sari.getByRole('heading', { level: 1, name: 'Verifikasi berkas' }).waitFor();
    await claim(sari);
    await sari.locator('.djs-element.alur-active[data-element-id="Task_Verify"]').waitFor();
    expect(await sari.evaluate(() => document.documentElement.scrollWidth), 'task page width').to.be.at.most(PHONE.width);
    await shot(sari, 'task-phone');
  });

  it('can be worked with the keyboard alone, and every control has a name', async function () {
    const kase = await permit('Bengkel Jaya');
    const sari = await scene.open('sari');
    await sari.getByRole('link', { name: /Tugas grup saya/ }).click();
    await taskRow(sari, kase.businessKey, 'Verifikasi berkas').waitFor();

    // Tab through the page until the task's link has focus, then open it with Enter
    let reached = false;
    for (let i = 0; i < 60 && !reached; i += 1) {
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
