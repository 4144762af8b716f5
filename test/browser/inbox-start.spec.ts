/**
 * "Mulai berkas" and "Data permohonan" in a real browser against the real server (embedded): a
 * front-desk officer on a phone starts a case through its start form — an invalid NIK first, then
 * a valid one — and reads out the registration number; the verifier and the approver see the
 * application (and the verifier's findings, under the form's labels) on their tasks; an officer who
 * also verifies is taken straight to the first task; a colleague outside the starter groups sees
 * no service. Screenshots (Indonesian, 390×844 and desktop) land in test-results/inbox/.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { setupTenant } from './support/api.js';
import { InboxApi } from './support/inbox-api.js';
import { PHONE, shot, signIn } from './support/inbox-browser.js';
import { claim } from './support/inbox-scene.js';

const PASSWORD = 'Rahasia-123!';
const fixtures = join('test', 'api', 'fixtures');

describe('inbox: starting a case at the front desk, and the application data on later tasks', function () {
  let server: RunningServer;
  let browser: Browser;
  const pages: Page[] = [];
  const open = async (username: string, viewport?: { width: number; height: number }) => {
    const page = await signIn(browser, server.url, username, PASSWORD, viewport);
    pages.push(page);
    return page;
  };

  before(async function () {
    const built = spawnSync(process.execPath, ['inbox/build.mjs'], { stdio: 'inherit', env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' } });
    expect(built.status, 'inbox build').to.equal(0);
    server = await startServer({ env: { DATABASE_URL: '', REDIS_URL: '' } });
    browser = await launchBrowser();
    const staff = (username: string, roles: string[], groups: string[]) => ({ username, password: PASSWORD, roles, groups });
    await setupTenant(server.url, server.adminPassword, { id: 'kotamulai', name: 'Kota Mulai', users: [
      staff('analis', ['analyst'], ['bagian-organisasi']),
      staff('lina', ['staff'], ['loket']),
      staff('sari', ['staff'], ['verifikator']),
      staff('budi', ['staff'], ['kepala-opd']),
      staff('yuni', ['staff'], ['loket', 'verifikator']),
      staff('dewi', ['staff'], ['bagian-umum']),
    ] });
    const analyst = await InboxApi.login(server.url, 'analis', PASSWORD);
    await analyst.deploy([join(fixtures, 'izin-usaha.bpmn'), join(fixtures, 'form-izin-usaha.form'), join(fixtures, 'form-verifikasi-izin.form')]);
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('given a front-desk officer on a phone, when an invalid NIK is corrected and the form sent, then the case gets its number and the approver sees the application', async function () {
    const lina = await open('lina', PHONE);
    await lina.getByRole('link', { name: 'Mulai berkas' }).click();
    await lina.getByRole('heading', { level: 1, name: 'Mulai berkas' }).waitFor();
    const service = lina.locator('.service', { hasText: 'Izin Usaha Mikro' });
    await service.waitFor();
    expect(await service.textContent()).to.contain('Nomor registrasi otomatis');
    await shot(lina, 'start-services-phone');
    await service.getByRole('link').click();
    await lina.getByRole('heading', { level: 1, name: 'Izin Usaha Mikro' }).waitFor();

    // An NIK of 12 digits: refused on the field, in Indonesian, with the form's own message.
    await lina.getByLabel('Nama pemohon').fill('Sri Wahyuni');
    await lina.getByLabel('NIK pemohon').fill('337401234567');
    await choose(lina, 'Jenis usaha', 'Perdagangan');
    await lina.getByLabel('Modal usaha (Rp)').fill('25000000');
    await lina.getByRole('button', { name: 'Daftarkan berkas' }).click();
    await lina.getByText('NIK terdiri dari 16 angka').waitFor();
    await lina.getByText('Periksa kembali isian yang ditandai.').waitFor();
    await shot(lina, 'start-form-error-phone');
    const none = await (await InboxApi.login(server.url, 'analis', PASSWORD)).ok('GET', 'process-instances');
    expect(none.total).to.equal(0);

    await lina.getByLabel('NIK pemohon').fill('3374012345670001');
    await lina.getByLabel('NIK pemohon').blur();
    await lina.getByText('NIK terdiri dari 16 angka').waitFor({ state: 'detached' });
    await lina.getByRole('button', { name: 'Daftarkan berkas' }).click();
    await lina.getByRole('heading', { level: 1, name: 'Berkas terdaftar' }).waitFor();
    const number = (await lina.getByTestId('registration-number').textContent())!;
    expect(number).to.match(/^IUM\/\d{4}\/\d{2}\/0001$/);
    // Lina's groups do not verify: no task link, but where the case went.
    expect(await lina.locator('[data-action=first-task]').count()).to.equal(0);
    await lina.getByText('Berkas sudah diteruskan ke petugas tahap berikutnya').waitFor();
    await shot(lina, 'start-registered-phone');
    const box = await lina.getByTestId('registration-number').boundingBox();
    expect(box!.x).to.be.greaterThanOrEqual(0);
    expect(box!.x + box!.width).to.be.at.most(PHONE.width);
    expect(await lina.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);

    // The verifier finds it by its number and sees the application before deciding.
    const sari = await open('sari');
    await sari.getByLabel('Cari nomor berkas atau proses').fill(number);
    await sari.getByRole('button', { name: 'Cari' }).click();
    await sari.getByRole('link', { name: 'Tugas grup saya' }).click();
    const row = sari.locator('.task-row', { hasText: number });
    await row.waitFor({ timeout: 20_000 });
    await row.getByRole('link').click();
    await sari.getByRole('heading', { level: 1, name: 'Verifikasi berkas' }).waitFor();
    const data = sari.getByTestId('case-data');
    await data.getByRole('heading', { name: 'Data permohonan' }).waitFor();
    await data.getByLabel('Nama pemohon').waitFor();
    expect(await data.getByLabel('Nama pemohon').inputValue()).to.equal('Sri Wahyuni');
    await claim(sari);
    await sari.getByText('Berkas lengkap', { exact: true }).click();
    await sari.getByLabel('Catatan verifikator').fill('NIB sudah terbit');
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await sari.getByText('Tugas "Verifikasi berkas" telah diselesaikan.').waitFor();

    // The approver, on a phone: the application and the verifier's findings under their labels.
    const budi = await open('budi', PHONE);
    await budi.getByRole('link', { name: 'Tugas grup saya' }).click();
    const approval = budi.locator('.task-row', { hasText: number }).filter({ hasText: 'Persetujuan kepala' });
    await approval.waitFor({ timeout: 20_000 });
    await approval.getByRole('link').click();
    await budi.getByRole('heading', { level: 1, name: 'Persetujuan kepala' }).waitFor();
    const shown = budi.getByTestId('case-data');
    await shown.getByLabel('NIK pemohon').waitFor();
    expect(await shown.getByLabel('NIK pemohon').inputValue()).to.equal('3374012345670001');
    expect(await shown.getByLabel('NIK pemohon').isEditable()).to.equal(false);
    const step = shown.locator('.case-step[data-element=Verifikasi]');
    expect(await step.textContent()).to.contain('Verifikasi berkas · sari');
    expect(await step.locator('dt').allTextContents()).to.deep.equal(['Hasil verifikasi', 'Catatan verifikator']);
    expect(await step.locator('dd').allTextContents()).to.deep.equal(['Berkas lengkap', 'NIB sudah terbit']);
    await shot(budi, 'start-data-permohonan-phone');
    expect(await budi.evaluate(() => document.documentElement.scrollWidth)).to.be.at.most(PHONE.width);

    // The same task on a desktop: the README's inbox screenshot (docs/inbox.png) is this page.
    const desk = await open('budi');
    await desk.getByRole('link', { name: 'Tugas grup saya' }).click();
    await desk.locator('.task-row', { hasText: number }).filter({ hasText: 'Persetujuan kepala' }).getByRole('link').click();
    await desk.getByTestId('case-data').getByLabel('NIK pemohon').waitFor();
    await claim(desk);
    await desk.locator('.djs-element.alur-active').first().waitFor();
    await desk.locator('.timeline-item', { hasText: 'Verifikasi berkas diselesaikan oleh' }).waitFor();
    await shot(desk, 'start-data-permohonan-desktop');
  });

  it('given an officer who also verifies, when the case is registered, then a link leads straight to the first task; others see no service', async function () {
    const yuni = await open('yuni');
    await yuni.getByRole('link', { name: 'Mulai berkas' }).click();
    await yuni.locator('.service', { hasText: 'Izin Usaha Mikro' }).getByRole('link').click();
    await yuni.getByLabel('Nama pemohon').fill('Ahmad Fauzi');
    await yuni.getByLabel('NIK pemohon').fill('3374019876540002');
    await choose(yuni, 'Jenis usaha', 'Jasa');
    await yuni.getByRole('button', { name: 'Daftarkan berkas' }).click();
    await yuni.getByRole('heading', { level: 1, name: 'Berkas terdaftar' }).waitFor();
    expect(await yuni.getByTestId('registration-number').textContent()).to.match(/^IUM\/\d{4}\/\d{2}\/0002$/);
    await shot(yuni, 'start-registered-desktop');
    await yuni.getByRole('link', { name: 'Lanjutkan ke tugas pertama: Verifikasi berkas' }).click();
    await yuni.getByRole('heading', { level: 1, name: 'Verifikasi berkas' }).waitFor();
    await yuni.getByTestId('case-data').getByLabel('Nama pemohon').waitFor();
    expect(await yuni.getByTestId('case-data').getByLabel('Nama pemohon').inputValue()).to.equal('Ahmad Fauzi');
    await shot(yuni, 'start-first-task-desktop');

    const dewi = await open('dewi');
    await dewi.getByRole('link', { name: 'Mulai berkas' }).click();
    await dewi.getByText('Tidak ada layanan yang dapat Anda mulai.').waitFor();
  });
});

/** Picks an option of a form-js select (a dropdown of its own, not a native <select>). */
async function choose(page: Page, label: string, option: string): Promise<void> {
  const field = page.locator('.fjs-form-field', { has: page.getByLabel(label) });
  await field.locator('.fjs-input-group').click();
  await page.locator('.fjs-dropdownlist-item', { hasText: option }).click();
}
