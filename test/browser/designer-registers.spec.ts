/**
 * The "Register surat" page: an admin sets up the register a letter task numbers with (name, kode,
 * unit, format), a format the server refuses is shown in Indonesian and changes nothing, and once
 * a case has made its letter the page shows the register's last number of the year.
 */
import { expect } from 'chai';
import { ApiClient, screenshot } from './support/index.js';
import { designerScene } from './support/designer-scene.js';
import { loginToDesigner } from './support/designer-page.js';
import { docx } from '../letters/docx.js';

const admin = { username: 'admin.register', password: 'Rahasia-admin-5', roles: ['analyst', 'admin'], groups: [] };

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
  <bpmn:process id="rekomendasi" name="Rekomendasi penelitian" isExecutable="true">
    <bpmn:startEvent id="Mulai"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="BuatSurat" name="Buat surat"><bpmn:extensionElements>
      <zeebe:taskDefinition type="document-render" retries="1"/>
      <zeebe:taskHeaders><zeebe:header key="template" value="rekomendasi.docx"/><zeebe:header key="register" value="surat-keluar-kesbangpol"/>
        <zeebe:header key="numberFormat" value="{seq}/{kode}/{yyyy}"/><zeebe:header key="kode" value="000"/></zeebe:taskHeaders>
    </bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="Selesai"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Mulai" targetRef="BuatSurat"/><bpmn:sequenceFlow id="F2" sourceRef="BuatSurat" targetRef="Selesai"/>
  </bpmn:process>
</bpmn:definitions>`;

describe('designer: letter registers', function () {
  const scene = designerScene({ id: 'kesbangpol', name: 'Kota Register', users: [admin] });

  it('given an admin, when a register is set up and a case makes its letter, then the page lists it with the year\'s last number in the admin\'s format', async function () {
    const { server, page } = scene;
    await loginToDesigner(page, server.url, admin.username, admin.password);
    await page.click('[data-nav=registers]');
    const registers = page.locator('[data-testid=registers]');
    await registers.getByText('Belum ada register.', { exact: false }).waitFor();

    const form = page.locator('[data-testid=register-form]');
    await form.locator('input[name=key]').fill('surat-keluar-kesbangpol');
    await form.locator('input[name=name]').fill('Surat keluar Kesbangpol');
    await form.locator('input[name=kode]').fill('070');
    await form.locator('input[name=unit]').fill('KESBANGPOL');
    await form.locator('input[name=numberFormat]').fill('{seq:3}/{nomor}/{yyyy}');
    await form.locator('button[type=submit]').click();
    const message = page.locator('[data-testid=registers-message]');
    await page.locator('[data-testid=registers-message].form-error').waitFor();
    expect(await message.textContent()).to.match(/^Permintaan gagal: Format nomor tidak dapat dipakai: .*\{nomor\}/);
    expect(await registers.locator('tr[data-register]').count()).to.equal(0);

    await form.locator('input[name=numberFormat]').fill('{seq:3}/{kode}/{unit}/{yyyy}');
    await form.locator('button[type=submit]').click();
    const row = registers.locator('tr[data-register="surat-keluar-kesbangpol"]');
    await row.waitFor();
    expect(await message.textContent()).to.equal('Register surat-keluar-kesbangpol disimpan.');
    expect(await row.textContent()).to.contain('Surat keluar Kesbangpol').and.to.contain('{seq:3}/{kode}/{unit}/{yyyy}').and.to.contain('belum ada surat');

    // A case makes its letter: the register's settings win over the task's headers.
    const api = await ApiClient.login(server.url, admin.username, admin.password);
    const files = new FormData();
    files.append('files', new Blob([BPMN]), 'rekomendasi.bpmn');
    files.append('files', new Blob([new Uint8Array(docx(['Nomor: {nomorSurat}']))]), 'rekomendasi.docx');
    await api.expect(201, 'POST', '/api/deployments', files);
    const kase = await api.expect(201, 'POST', '/api/process-instances', { processKey: 'rekomendasi', variables: {} });
    const year = new Date().getFullYear();
    for (let i = 0; i < 120; i++) {
      if ((await api.expect(200, 'GET', `/api/process-instances/${kase.id}`)).state === 'completed') break;
      await new Promise((r) => setTimeout(r, 500));
    }
    await page.click('[data-nav=calendar]');
    await page.click('[data-nav=registers]');
    const counter = registers.locator(`tr[data-register="surat-keluar-kesbangpol"] li[data-year="${year}"]`);
    await counter.waitFor();
    expect(await counter.textContent()).to.equal(`${year}: 001/070/KESBANGPOL/${year} (1 surat)`);

    // Edit fills the form with the register; a cleared field gives the task header back.
    await registers.locator('tr[data-register="surat-keluar-kesbangpol"] [data-action=edit-register]').click();
    expect(await form.locator('input[name=kode]').inputValue()).to.equal('070');
    await form.locator('input[name=unit]').fill('');
    await form.locator('button[type=submit]').click();
    await page.getByText('Register surat-keluar-kesbangpol disimpan.').waitFor();
    await registers.locator('tr[data-register="surat-keluar-kesbangpol"]', { hasText: 'dari header tugas' }).waitFor();
    await screenshot(page, 'designer-registers');
    const listed = await api.expect(200, 'GET', '/api/letter-registers');
    expect(listed.items[0]).to.include({ kode: '070', unit: null, name: 'Surat keluar Kesbangpol' });
  });
});
