/**
 * A case's documents in the inbox, in Chromium against the real server (embedded): at the front
 * desk a KTP scan (PDF) and a photo (PNG) are uploaded in the start form with a progress bar, and
 * a program renamed .pdf is refused on its field with the server's reason, in Indonesian; the
 * verifier sees the documents with who added them and when, previews the PDF and the image in the
 * page, downloads the PDF (the same bytes), and adds a berita acara in the task's own form. The
 * page is watched for CSP violations and uncaught errors (support/page-errors.ts). Screenshots in
 * test-results/inbox/documents-*.png.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { setupTenant } from './support/api.js';
import { InboxApi } from './support/inbox-api.js';
import { shot, signIn } from './support/inbox-browser.js';
import { claim, openTask } from './support/inbox-scene.js';
import { docx } from '../letters/docx.js';
import { whereInstalled } from '../support/debian-tools.js';

const PASSWORD = 'Rahasia-123!';
const fixtures = join('test', 'api', 'fixtures');

/** A one-page A4 PDF with a few lines of text, as a scanned letter would be. */
async function letterPdf(lines: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  lines.forEach((line, i) => page.drawText(line, { x: 60, y: 760 - i * 26, size: i === 0 ? 18 : 12, font, color: rgb(0.1, 0.1, 0.2) }));
  return Buffer.from(await doc.save());
}

/** A PNG picture of an identity card, drawn by the browser itself (no fixture file needed). */
async function cardPng(browser: Browser): Promise<Buffer> {
  const page = await browser.newPage({ viewport: { width: 420, height: 260 } });
  await page.setContent('<body style="margin:0;background:#dfe9f5;font:18px sans-serif"><div style="margin:16px;padding:16px;border:3px solid #1d4f91;border-radius:12px;height:180px">'
    + '<b>PROVINSI JAWA TENGAH</b><br>KOTA SEMARANG<br><br>NIK 3374012345678901<br>Nama: SRI WAHYUNI</div></body>');
  const png = await page.screenshot();
  await page.close();
  return png;
}

describe('inbox: documents in forms and on the case (upload with progress, preview, download)', function () {
  this.timeout(240_000);
  let server: RunningServer;
  let browser: Browser;
  let analyst: InboxApi;
  const pages: Page[] = [];
  const open = async (username: string) => {
    const page = await signIn(browser, server.url, username, PASSWORD);
    pages.push(page);
    return page;
  };

  before(async function () {
    const built = spawnSync(process.execPath, ['inbox/build.mjs'], { stdio: 'inherit', env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' } });
    expect(built.status, 'inbox build').to.equal(0);
    server = await startServer({ env: { DATABASE_URL: '', REDIS_URL: '' } });
    browser = await launchBrowser();
    const staff = (username: string, groups: string[], displayName: string) => ({ username, password: PASSWORD, roles: ['staff'], groups, displayName });
    await setupTenant(server.url, server.adminPassword, { id: 'kotaberkas', name: 'Kota Berkas', users: [
      { username: 'analis', password: PASSWORD, roles: ['analyst'], groups: [] },
      staff('lina', ['loket'], 'Lina Marlina'),
      staff('sari', ['verifikator'], 'Sari Dewi, S.Sos.'),
      staff('kepala', ['kepala-dinas'], 'Drs. Bambang Hartono'),
    ] });
    analyst = await InboxApi.login(server.url, 'analis', PASSWORD);
    await analyst.deploy([join(fixtures, 'permohonan-berkas.bpmn'), join(fixtures, 'form-permohonan-berkas.form'), join(fixtures, 'form-verifikasi-berkas.form')]);
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.context().close();
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('given a start form with file fields, when files are chosen, then they upload with progress, a renamed program is refused on its field, and the case starts with its documents', async function () {
    const ktp = await letterPdf(['KARTU TANDA PENDUDUK (salinan)', 'NIK 3374012345678901', 'Nama: SRI WAHYUNI', 'Alamat: Jl. Pemuda No. 1, Semarang']);
    const foto = await cardPng(browser);
    const lina = await open('lina');
    await lina.getByRole('link', { name: 'Mulai berkas' }).click();
    await lina.locator('.service', { hasText: 'Permohonan dengan berkas' }).getByRole('link').click();
    await lina.getByRole('heading', { level: 1, name: 'Permohonan dengan berkas' }).waitFor();
    await lina.getByText('Belum ada dokumen dipilih').first().waitFor();
    await lina.getByLabel('Nama pemohon').fill('Sri Wahyuni');
    // A person leaves the field to pick a file (form-js flushes a text field's last keystrokes on blur).
    await lina.getByLabel('Nama pemohon').press('Tab');

    // A program renamed .pdf: the server refuses it (415) and says why on the field, in Indonesian.
    const program = Buffer.alloc(4096);
    program.write('MZ', 0, 'latin1');
    program.writeUInt32LE(0x80, 0x3c);
    program.write('PE\0\0', 0x80, 'latin1');
    await lina.getByLabel('Dokumen pendukung').setInputFiles({ name: 'surat-pengantar.pdf', mimeType: 'application/pdf', buffer: program });
    const refusal = lina.locator('.alur-upload-failed');
    await refusal.waitFor();
    expect(await refusal.textContent()).to.match(/surat-pengantar\.pdf tidak dapat diunggah: .*(tidak|bukan)/i);

    // The progress bar shows while an upload runs (the request is held back until it has been seen).
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    await lina.route('**/api/documents', async (route) => { await held; await route.continue(); });
    await lina.getByLabel('Scan KTP').setInputFiles({ name: 'ktp-sri-wahyuni.pdf', mimeType: 'application/pdf', buffer: ktp });
    await lina.locator('.alur-uploads progress').waitFor();
    expect(await lina.locator('.alur-uploads').textContent()).to.contain('Mengunggah ktp-sri-wahyuni.pdf…');
    await shot(lina, 'documents-uploading');
    release();
    await lina.unroute('**/api/documents');
    await lina.locator('.alur-files', { hasText: 'ktp-sri-wahyuni.pdf' }).waitFor();
    await lina.getByLabel('Dokumen pendukung').setInputFiles({ name: 'foto-ktp.png', mimeType: 'image/png', buffer: foto });
    await lina.locator('.alur-files', { hasText: 'foto-ktp.png' }).waitFor();
    await shot(lina, 'documents-start-form');
    await lina.getByRole('button', { name: 'Daftarkan berkas' }).click();
    await lina.locator('[data-testid=started]').waitFor().catch(async (e) => { await shot(lina, 'documents-start-failed'); throw e; });

    const cases = await analyst.ok('GET', 'process-instances?processKey=permohonan-berkas');
    expect(cases.items).to.have.length(1);
    const docs = (await analyst.ok('GET', `process-instances/${cases.items[0].id}/documents`)).items;
    expect(docs.map((d: any) => [d.name, d.field, d.mediaType, d.uploadedBy])).to.have.deep.members([
      ['ktp-sri-wahyuni.pdf', 'ktp', 'application/pdf', 'lina'],
      ['foto-ktp.png', 'pendukung', 'image/png', 'lina'],
    ]);
    const variables = (await analyst.ok('GET', `process-instances/${cases.items[0].id}`)).variables;
    expect(variables.ktp).to.deep.equal({ documentId: docs.find((d: any) => d.field === 'ktp').id });
    expect(variables.pendukung).to.deep.equal([{ documentId: docs.find((d: any) => d.field === 'pendukung').id }]);
  });

  it('given a phone whose browser has no in-page PDF viewer (Chrome on Android), when the verifier views the PDF, then the preview offers its download instead of an empty frame, and the download is the PDF', async function () {
    const [kase] = (await analyst.ok('GET', 'process-instances?processKey=permohonan-berkas')).items;
    const phone = await signIn(browser, server.url, 'sari', PASSWORD, { width: 390, height: 844 });
    pages.push(phone);
    // Mobile Chromium says so in navigator.pdfViewerEnabled; the desktop headless one does not.
    await phone.addInitScript({ content: 'Object.defineProperty(Navigator.prototype, "pdfViewerEnabled", { get() { return false; } });' });
    await phone.reload();
    await openTask(phone, /Tugas grup saya/, kase.businessKey ?? 'Permohonan dengan berkas', 'Verifikasi berkas');
    const card = phone.locator('[data-testid=case-documents]');
    const ktpRow = card.locator('.document', { hasText: 'ktp-sri-wahyuni.pdf' });
    await ktpRow.getByRole('button', { name: 'Lihat ktp-sri-wahyuni.pdf' }).click();
    const fallback = card.locator('[data-testid=pdf-fallback]');
    await fallback.waitFor();
    expect(await card.locator('iframe.document-frame').count()).to.equal(0);
    expect(await fallback.textContent()).to.contain('Peramban ini tidak dapat menampilkan PDF di dalam halaman');
    const link = fallback.getByRole('link', { name: 'Unduh ktp-sri-wahyuni.pdf' });
    expect(await link.getAttribute('download')).to.equal('ktp-sri-wahyuni.pdf');
    await shot(phone, 'documents-phone-pdf');
    const [download] = await Promise.all([phone.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).to.equal('ktp-sri-wahyuni.pdf');
    const bytes = await readFile((await download.path())!);
    expect(bytes.subarray(0, 5).toString('latin1')).to.equal('%PDF-');
  });

  it('given the case, when the verifier opens the task, then the documents are listed with who added them, the PDF and the image preview in the page, the PDF downloads whole, and a berita acara is added in the task form', async function () {
    const [kase] = (await analyst.ok('GET', 'process-instances?processKey=permohonan-berkas')).items;
    const sari = await open('sari');
    await openTask(sari, /Tugas grup saya/, kase.businessKey ?? 'Permohonan dengan berkas', 'Verifikasi berkas');
    const card = sari.locator('[data-testid=case-documents]');
    await card.getByText('ktp-sri-wahyuni.pdf').waitFor();
    const ktpRow = card.locator('.document', { hasText: 'ktp-sri-wahyuni.pdf' });
    expect(await ktpRow.textContent()).to.match(/PDF · .*KB · Isian: Scan KTP/).and.to.contain('Ditambahkan oleh Lina Marlina');
    // The application data names the documents, not their ids.
    await sari.locator('[data-testid=case-data] .document-names', { hasText: 'foto-ktp.png' }).or(sari.locator('[data-testid=case-data]', { hasText: 'foto-ktp.png' })).first().waitFor();

    await ktpRow.getByRole('button', { name: 'Lihat ktp-sri-wahyuni.pdf' }).click();
    const frame = card.locator('iframe.document-frame');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).to.match(/^blob:http/);
    await sari.getByRole('button', { name: 'Tutup pratinjau' }).waitFor();
    await sari.waitForTimeout(1500); // Chromium's PDF viewer draws the page after the frame loads.
    await card.scrollIntoViewIfNeeded();
    await shot(sari, 'documents-preview-pdf');

    await card.locator('.document', { hasText: 'foto-ktp.png' }).getByRole('button', { name: /^Lihat/ }).click();
    const image = card.locator('img.document-image');
    await image.waitFor();
    await sari.waitForFunction(() => (document.querySelector('img.document-image') as HTMLImageElement | null)?.naturalWidth === 420);
    expect(await card.locator('iframe').count(), 'one preview at a time').to.equal(0);
    await shot(sari, 'documents-preview-image');

    const downloading = sari.waitForEvent('download');
    await ktpRow.getByRole('button', { name: 'Unduh ktp-sri-wahyuni.pdf' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).to.equal('ktp-sri-wahyuni.pdf');
    const saved = await readFile((await download.path())!);
    const stored = (await analyst.ok('GET', `process-instances/${kase.id}/documents`)).items.find((d: any) => d.field === 'ktp');
    expect(saved.length).to.equal(stored.size);
    expect(saved.subarray(0, 5).toString('latin1')).to.equal('%PDF-');

    // The task's own file field: a berita acara attached with the completion.
    await claim(sari);
    await sari.getByText('Lengkap', { exact: true }).click();
    await sari.getByLabel('Berita acara').setInputFiles({ name: 'berita-acara.pdf', mimeType: 'application/pdf', buffer: await letterPdf(['BERITA ACARA VERIFIKASI', 'Berkas lengkap.']) });
    await sari.locator('.alur-files', { hasText: 'berita-acara.pdf' }).waitFor();
    await shot(sari, 'documents-task-form');
    await sari.getByRole('button', { name: 'Selesaikan tugas' }).click();
    await sari.getByText('Tugas "Verifikasi berkas" telah diselesaikan.').waitFor();
    const listed = (await analyst.ok('GET', `process-instances/${kase.id}/documents`)).items;
    const ba = listed.find((d: any) => d.name === 'berita-acara.pdf');
    expect(ba, 'berita acara attached').to.include({ field: 'beritaAcara', uploadedBy: 'sari' });
    expect(ba.taskId).to.be.a('string');
  });

  // The letter's PDF comes from LibreOffice (the server finds soffice where the engine looks).
  async function letterAndPdf() {
    const bpmn = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
  <bpmn:process id="izin-surat" name="Izin dengan surat" isExecutable="true">
    <bpmn:startEvent id="Mulai"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="BuatSurat" name="Buat surat izin"><bpmn:extensionElements>
      <zeebe:taskDefinition type="document-render" retries="1"/>
      <zeebe:taskHeaders><zeebe:header key="template" value="surat-izin.docx"/><zeebe:header key="register" value="izin"/>
        <zeebe:header key="numberFormat" value="{seq}/{kode}/{unit}/{yyyy}"/><zeebe:header key="kode" value="503"/><zeebe:header key="unit" value="DPMPTSP"/></zeebe:taskHeaders>
    </bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:userTask id="Tandatangani" name="Periksa surat izin"><bpmn:extensionElements><zeebe:userTask/><zeebe:assignmentDefinition candidateGroups="kepala-dinas"/></bpmn:extensionElements>
      <bpmn:incoming>F2</bpmn:incoming><bpmn:outgoing>F3</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="Selesai"><bpmn:incoming>F3</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Mulai" targetRef="BuatSurat"/><bpmn:sequenceFlow id="F2" sourceRef="BuatSurat" targetRef="Tandatangani"/><bpmn:sequenceFlow id="F3" sourceRef="Tandatangani" targetRef="Selesai"/>
  </bpmn:process>
</bpmn:definitions>`;
    const form = new FormData();
    form.append('files', new Blob([bpmn]), 'izin-surat.bpmn');
    form.append('files', new Blob([new Uint8Array(docx(['**SURAT IZIN USAHA MIKRO**', 'Nomor: {nomorSurat}', 'Diberikan kepada {pemohon}.', 'Semarang, {tanggalSurat}']))]), 'surat-izin.docx');
    await analyst.expect(201, 'POST', '/api/deployments', form);
    const kase = await analyst.startCase('izin-surat', 'IZN-2026-0001', { pemohon: 'CV Sumber Rejeki' });
    const letter = await InboxApi.eventually(async () => {
      const items = (await analyst.ok('GET', `process-instances/${kase.id}/documents`)).items;
      return items.length >= 2 ? items : undefined;
    }, 'the letter and its PDF', 90_000);
    expect(letter.map((d: any) => d.mediaType)).to.have.members(['application/pdf', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document']);

    const kepala = await open('kepala');
    await openTask(kepala, /Tugas grup saya/, 'IZN-2026-0001', 'Periksa surat izin');
    const card = kepala.locator('[data-testid=case-documents]');
    const pdfRow = card.locator('.document', { hasText: 'surat-izin.pdf' });
    await pdfRow.waitFor();
    expect(await pdfRow.textContent()).to.contain('Ditambahkan oleh sistem (surat otomatis)');
    expect(await card.locator('.document', { hasText: 'surat-izin.docx' }).textContent()).to.match(/DOCX · .*KB · Isian: surat/);
    await pdfRow.getByRole('button', { name: 'Lihat surat-izin.pdf' }).click();
    await card.locator('iframe.document-frame').waitFor();
    await kepala.waitForTimeout(1500); // Chromium's PDF viewer draws the page after the frame loads.
    await card.scrollIntoViewIfNeeded();
    await shot(kepala, 'documents-letter');
  }

  whereInstalled(['soffice'], 'inbox: a letter\'s PDF from LibreOffice', () => {
    it('given a process that makes a numbered letter, when the head of office opens the next task, then the letter and its PDF are among the case\'s documents and the PDF previews', letterAndPdf);
  });
});
