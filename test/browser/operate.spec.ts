/**
 * The console "Pantau" in a real browser against the real server (issue 13): an analyst of Batang
 * sees each version's running cases and incidents, the heatmap's counts on the steps and the cases
 * at a step; finds cases by number, state and incident; corrects a case's data with a reason and
 * retries its incident; moves a case by choosing steps on the diagram; and moves a case to a new
 * version after a dry run. Staff see no console. Scenes are set up through the HTTP API.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { centre, loginToDesigner } from './support/designer-page.js';
import { ApiClient, launchBrowser, newPage, screenshot, setupTenant, startServer, type RunningServer } from './support/index.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');
const V1 = readFileSync(path.join(FIXTURES, 'operate-izin.bpmn'), 'utf8');
const V2 = V1.replace('name="Verifikasi berkas"', 'name="Verifikasi dokumen"');

describe('designer: Pantau, the console of running cases', function () {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let ana: ApiClient;
  let loket: ApiClient;
  const cases: Record<string, string> = {};

  const deploy = async (xml: string) => {
    const form = new FormData();
    form.append('file', new Blob([xml], { type: 'application/xml' }), 'izin-reklame.bpmn');
    return (await ana.expect([200, 201], 'POST', '/api/deployments', form)).processes[0] as { id: string; version: number };
  };
  const start = async (businessKey: string, tujuan: string) => (await ana.expect(201, 'POST', '/api/process-instances', { processKey: 'izin-reklame', businessKey, variables: { tujuan, pemohon: 'CV Maju Jaya' } })).id as string;
  const instance = (id: string) => ana.expect(200, 'GET', `/api/process-instances/${id}`);
  const completeVerification = async (id: string) => {
    const tasks = await loket.expect(200, 'GET', `/api/tasks?processInstanceId=${id}&state=open`);
    await loket.expect(200, 'POST', `/api/tasks/${tasks.items[0].id}/complete`, { variables: {} });
  };
  const waitFor = async (what: string, check: () => Promise<boolean>) => {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`timed out waiting for ${what}`);
  };
  const openCase = async (businessKey: string) => {
    await page.goto(`${server.url}/designer/index.html#/pantau/berkas/${cases[businessKey]}`);
    await page.getByRole('heading', { name: `Berkas ${businessKey}` }).waitFor();
    await page.locator('[data-testid=op-diagram] .djs-element').first().waitFor();
  };
  const clickStep = async (elementId: string) => {
    const { x, y } = await centre(page, elementId);
    await page.mouse.click(x, y);
  };

  before(async function () {
    server = await startServer({ env: { ALUR_HANDLERS: 'test/browser/fixtures/operate-handlers.ts' } });
    await setupTenant(server.url, server.adminPassword, { id: 'batang', name: 'Kabupaten Batang', users: [
      { username: 'ana.batang', password: 'Rahasia-ana-13', roles: ['analyst'], displayName: 'Ana Rahmawati' },
      { username: 'siti.loket', password: 'Rahasia-siti-13', roles: ['staff'], groups: ['loket'], displayName: 'Siti Aminah' },
    ] });
    ana = await ApiClient.login(server.url, 'ana.batang', 'Rahasia-ana-13');
    loket = await ApiClient.login(server.url, 'siti.loket', 'Rahasia-siti-13');
    await deploy(V1);
    // 001 stops at the decree's dispatch (wrong address); 002 and 003 wait at verification; 004 is cancelled.
    for (const [key, tujuan] of [['REK/2026/001', 'salah'], ['REK/2026/002', 'dinas-pu'], ['REK/2026/003', 'dinas-pu'], ['REK/2026/004', 'dinas-pu']]) cases[key] = await start(key, tujuan);
    await completeVerification(cases['REK/2026/001']);
    await waitFor('the incident of REK/2026/001', async () => (await instance(cases['REK/2026/001'])).incidents.length === 1);
    await ana.expect(200, 'POST', `/api/process-instances/${cases['REK/2026/004']}/cancel`);

    browser = await launchBrowser();
    page = await newPage(browser);
    page.on('dialog', (dialog) => void dialog.accept());
    await loginToDesigner(page, server.url, 'ana.batang', 'Rahasia-ana-13');
    await page.click('a[data-nav=pantau]');
    await page.getByRole('heading', { name: 'Pantau berkas berjalan' }).waitFor();
  });

  after(async function () {
    await browser?.close();
    await server?.stop();
  });

  it('given three running cases of version 1, then the version shows them, and the heatmap counts each step and lists the cases at a step', async function () {
    const version = page.locator('[data-testid=op-processes] button[data-version="1"]');
    await expect(await version.locator('[data-count=active]').textContent()).to.equal('3 berjalan');
    expect(await version.locator('[data-count=incidents]').textContent()).to.equal('1 insiden');
    await version.click();
    const badge = (element: string, kind: string) => page.locator(`[data-testid=op-heatmap] .op-badge[data-element=${element}][data-count=${kind}]`);
    await badge('Verifikasi', 'active').waitFor();
    expect(await badge('Verifikasi', 'active').textContent()).to.equal('2');
    expect(await badge('KirimSK', 'active').textContent()).to.equal('1');
    expect(await badge('KirimSK', 'incidents').textContent()).to.equal('1');
    expect(await badge('Arsip', 'active').count()).to.equal(0);

    await clickStep('Verifikasi');
    const list = page.getByTestId('op-element-cases');
    await list.getByRole('heading', { name: 'Berkas di langkah “Verifikasi berkas”' }).waitFor();
    await list.locator('tr[data-case]').nth(1).waitFor();
    expect(await list.locator('tr[data-case] a').allTextContents()).to.have.members(['REK/2026/002', 'REK/2026/003']);
    await screenshot(page, 'operate-heatmap');

    await clickStep('KirimSK');
    await list.getByRole('heading', { name: 'Berkas di langkah “Kirim SK ke dinas”' }).waitFor();
    await list.locator('[data-action=retry-all]').waitFor();
    expect(await list.locator('tr[data-case] a').allTextContents()).to.deep.equal(['REK/2026/001']);
  });

  it('given cases in several states, when the analyst searches by part of the number, state and incident, then only the matching cases are listed', async function () {
    const form = page.getByTestId('op-search');
    const results = page.locator('.op-results').last();
    /** The numbers listed once the table shows `expected` (each search replaces the rows). */
    const listed = async (expected: string[]) => {
      await waitFor(`the search to list ${expected.join(', ')}`, async () => JSON.stringify((await results.locator('tr[data-case] a').allTextContents()).sort()) === JSON.stringify(expected));
      return results.getByTestId('op-result-count').textContent();
    };
    await form.getByLabel('Nomor registrasi').fill('2026/003');
    await form.getByRole('button', { name: 'Cari' }).click();
    expect(await listed(['REK/2026/003'])).to.equal('1 berkas ditemukan');

    await form.getByLabel('Nomor registrasi').fill('rek/2026');
    await form.getByLabel('Status').selectOption('cancelled');
    await form.getByRole('button', { name: 'Cari' }).click();
    await listed(['REK/2026/004']);
    expect(await results.locator('[data-state=cancelled]').textContent()).to.equal('Dibatalkan');

    await form.getByLabel('Status').selectOption('');
    await form.getByLabel('Hanya yang ada insiden').check();
    await form.getByRole('button', { name: 'Cari' }).click();
    await listed(['REK/2026/001']);
    await screenshot(page, 'operate-search');

    // The service-standard filter reaches the API: this process has no case SLA, so nothing is overdue.
    await form.getByLabel('Standar pelayanan').selectOption('overdue');
    await form.getByRole('button', { name: 'Cari' }).click();
    await results.getByText('Tidak ada berkas yang cocok.').waitFor();

    await form.getByRole('button', { name: 'Kosongkan' }).click();
    expect(await listed(['REK/2026/001', 'REK/2026/002', 'REK/2026/003', 'REK/2026/004'])).to.equal('4 berkas ditemukan');

    // The start-date filters are day-first pickers in Indonesian, Monday first; the API gets ISO days.
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    const day = (d: Date) => ({ shown: `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`, iso: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}` });
    const since = form.getByLabel('Dimulai sejak tanggal');
    expect(await since.getAttribute('placeholder')).to.equal('hh/bb/tttt');
    await since.click();
    const calendar = page.locator('.flatpickr-calendar.open');
    await calendar.waitFor();
    expect(await calendar.locator('.flatpickr-weekday').first().textContent()).to.match(/^\s*Sen\s*$/);
    expect(await calendar.locator('.flatpickr-monthDropdown-months option').first().textContent()).to.equal('Januari');
    await calendar.locator('.flatpickr-day.today').click();
    expect(await since.inputValue()).to.equal(day(today).shown);
    expect(await form.locator('input[name=startedFrom]').inputValue()).to.equal(day(today).iso);
    await form.getByRole('button', { name: 'Cari' }).click();
    expect(await listed(['REK/2026/001', 'REK/2026/002', 'REK/2026/003', 'REK/2026/004'])).to.equal('4 berkas ditemukan');
    const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
    const until = form.getByLabel('Dimulai sampai tanggal');
    await until.fill(day(yesterday).shown);
    await until.press('Enter');
    expect(await form.locator('input[name=startedTo]').inputValue()).to.equal(day(yesterday).iso);
    expect(await until.inputValue()).to.equal(day(yesterday).shown);
    await form.getByRole('button', { name: 'Cari' }).click();
    await results.getByText('Tidak ada berkas yang cocok.').waitFor();
    await screenshot(page, 'operate-search-dates');
    await form.getByRole('button', { name: 'Kosongkan' }).click();
    await listed(['REK/2026/001', 'REK/2026/002', 'REK/2026/003', 'REK/2026/004']);
    expect(await since.inputValue()).to.equal('');
    expect(await form.locator('input[name=startedTo]').inputValue()).to.equal('');
  });

  it('given a case stopped by a wrong address, when the analyst corrects the data with a reason and retries, then the case goes on to the archive', async function () {
    await openCase('REK/2026/001');
    const incident = page.getByTestId('op-incidents').locator('.op-incident');
    await incident.getByText('alamat tujuan "salah" tidak dikenal', { exact: false }).waitFor();
    expect(await page.locator('[data-testid=op-diagram] .djs-element.op-incident[data-element-id=KirimSK]').count()).to.equal(1);
    await screenshot(page, 'operate-case-incident');

    const variables = page.getByTestId('op-variables');
    await variables.locator('tr[data-variable=tujuan] [data-action=edit-variable]').click();
    const form = page.getByTestId('op-variable-form');
    await form.getByLabel('Nilai').fill('dinas-pu');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Tuliskan alasan perubahan terlebih dahulu.').waitFor();
    expect((await instance(cases['REK/2026/001'])).variables.tujuan).to.equal('salah');
    await form.getByLabel('Alasan perubahan (wajib, dicatat di riwayat)').fill('Salah ketik alamat tujuan pada permohonan');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Data “tujuan” disimpan.').waitFor();
    await variables.locator('tr[data-variable=tujuan] td.op-value', { hasText: 'dinas-pu' }).waitFor();

    await page.getByTestId('op-incidents').getByRole('button', { name: 'Jalankan ulang', exact: true }).click();
    await page.getByText('Langkah “Kirim SK ke dinas” dijalankan ulang.').waitFor();
    await waitFor('the case to reach the archive', async () => (await instance(cases['REK/2026/001'])).activeElements.join() === 'Arsip');
    await page.reload();
    await page.getByTestId('op-current').getByText('Arsipkan berkas').waitFor();
    await page.getByTestId('op-incidents').getByText('Tidak ada insiden: berkas tidak tertahan.').waitFor();
    const history = page.getByTestId('op-history');
    await history.getByText('Data berkas diubah: tujuan').waitFor();
    await history.getByText('Alasan: Salah ketik alamat tujuan pada permohonan').waitFor();
    await history.getByText('tujuan: salah → dinas-pu').waitFor();
    expect(await history.locator('.type-variables-changed .who').textContent()).to.equal(' oleh Ana Rahmawati');
    await screenshot(page, 'operate-case-retried');
    await history.scrollIntoViewIfNeeded();
    await screenshot(page, 'operate-case-history-values');
  });

  it('given a case waiting at verification, when the analyst stops that step and starts the archive on the diagram, then the case waits at the archive', async function () {
    await openCase('REK/2026/002');
    await page.getByTestId('op-current').getByText('Verifikasi berkas').waitFor();
    const modify = page.getByTestId('op-modify');
    expect(await modify.locator('[data-action=apply-modify]').isDisabled()).to.equal(true);
    await clickStep('Verifikasi');
    await modify.getByRole('button', { name: 'Hentikan “Verifikasi berkas”' }).click();
    await clickStep('Arsip');
    await modify.getByRole('button', { name: 'Jalankan “Arsipkan berkas”' }).click();
    expect(await modify.getByTestId('op-plan').locator('li').allTextContents()).to.deep.equal(['Hentikan: Verifikasi berkas Hapus', 'Jalankan: Arsipkan berkas Hapus']);
    await screenshot(page, 'operate-modify-plan');
    await modify.getByRole('button', { name: 'Terapkan' }).click();
    await page.getByText('Langkah berkas dipindahkan.').waitFor();
    await page.getByTestId('op-current').getByText('Arsipkan berkas').waitFor();

    const after = await instance(cases['REK/2026/002']);
    expect(after.activeElements).to.deep.equal(['Arsip']);
    const open = await loket.expect(200, 'GET', `/api/tasks?processInstanceId=${cases['REK/2026/002']}&state=open`);
    expect(open.items.map((t: { elementId: string }) => t.elementId)).to.deep.equal(['Arsip']);
    await page.getByTestId('op-history').getByText('Dijalankan: Arsipkan berkas').waitFor();
  });

  it('given version 2 deployed, when the analyst checks a wrong pairing, then it is refused naming the step; with the pre-filled pairing the dry run passes and the case moves', async function () {
    const v2 = await deploy(V2);
    expect(v2.version).to.equal(2);
    await openCase('REK/2026/003');
    const migrate = page.getByTestId('op-migrate');
    const pairing = migrate.locator('select[data-source=Verifikasi]');
    await pairing.waitFor();
    expect(await migrate.locator('select[name=target-version]').inputValue()).to.equal(v2.id);
    expect(await pairing.inputValue()).to.equal('Verifikasi');

    await pairing.selectOption('KirimSK');
    await migrate.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await migrate.getByText('Tidak dapat dipindahkan:').waitFor();
    expect(await migrate.getByTestId('op-migrate-outcome').textContent()).to.contain('Verifikasi');
    expect(await migrate.locator('[data-action=migrate-apply]').isHidden()).to.equal(true);
    expect((await instance(cases['REK/2026/003'])).version).to.equal(1);

    await pairing.selectOption('Verifikasi');
    await migrate.getByRole('button', { name: 'Periksa (uji coba)' }).click();
    await migrate.getByText('Uji coba berhasil: berkas dapat dipindahkan ke versi 2. Belum ada yang berubah.').waitFor();
    expect((await instance(cases['REK/2026/003'])).version).to.equal(1);
    await screenshot(page, 'operate-migrate-dry-run');
    await migrate.getByRole('button', { name: 'Pindahkan ke versi 2' }).click();
    await page.getByText('Berkas dipindahkan ke versi 2.').waitFor();
    await page.getByText('Izin reklame · Versi 2', { exact: true }).waitFor();
    await page.getByTestId('op-current').getByText('Verifikasi dokumen').waitFor();
    const moved = await instance(cases['REK/2026/003']);
    expect([moved.version, moved.processDefinitionId, moved.activeElements]).to.deep.equal([2, v2.id, ['Verifikasi']]);
    await page.getByTestId('op-history').getByText('Berkas dipindahkan dari versi 1 ke versi 2').waitFor();
  });

  it('given the English choice, then the console and a case page read in English', async function () {
    await openCase('REK/2026/001');
    await page.getByTestId('language').selectOption('en');
    await page.getByRole('heading', { name: 'Case REK/2026/001' }).waitFor();
    await page.getByText('No incidents: the case is not stuck.').waitFor();
    await page.getByRole('heading', { name: 'Case data' }).waitFor();
    await page.getByTestId('op-history').getByText('Case data changed: tujuan').waitFor();
    await screenshot(page, 'operate-case-english');
    await page.getByRole('link', { name: '← Back to Monitor' }).click();
    await page.getByRole('heading', { name: 'Monitor running cases' }).waitFor();
    await page.getByTestId('language').selectOption('id');
    await page.getByRole('heading', { name: 'Pantau berkas berjalan' }).waitFor();
  });

  it('given a staff user, then the console is not offered and its address says who it is for', async function () {
    const staffPage = await newPage(browser);
    // Staff get the designer's notice that points them to the inbox, not the modeler.
    await staffPage.goto(`${server.url}/designer/index.html`);
    await staffPage.fill('input[name=username]', 'siti.loket');
    await staffPage.fill('input[name=password]', 'Rahasia-siti-13');
    await staffPage.click('button[type=submit]');
    await staffPage.getByTestId('staff-notice').waitFor();
    expect(await staffPage.locator('a[data-nav=pantau]').count()).to.equal(0);
    await staffPage.goto(`${server.url}/designer/index.html#/pantau`);
    await staffPage.getByText('Halaman ini untuk analis dan admin daerah.').waitFor();
    await staffPage.context().close();
  });
});
