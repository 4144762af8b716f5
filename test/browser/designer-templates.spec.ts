/**
 * Letter templates in the designer: an analyst attaches a .docx to the diagram's deployment. A file
 * that is no .docx is refused on the page; a "template" the server cannot open is refused naming
 * the file in the issues list, and nothing is deployed; removed and replaced by the real template,
 * the deployment carries it, and a case's document-render task fills it.
 */
import { expect } from 'chai';
import { ApiClient, screenshot } from './support/index.js';
import { designerScene } from './support/designer-scene.js';
import { loginToDesigner } from './support/designer-page.js';
import { docx } from '../letters/docx.js';

const analyst = { username: 'analis.templat', password: 'Rahasia-analis-7', roles: ['analyst'], groups: [] };

const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="D" targetNamespace="t">
  <bpmn:process id="surat-izin" name="Surat izin" isExecutable="true">
    <bpmn:startEvent id="Mulai"><bpmn:outgoing>F1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:serviceTask id="BuatSurat" name="Buat surat izin"><bpmn:extensionElements>
      <zeebe:taskDefinition type="document-render" retries="1"/>
      <zeebe:taskHeaders><zeebe:header key="template" value="surat-izin.docx"/></zeebe:taskHeaders>
    </bpmn:extensionElements><bpmn:incoming>F1</bpmn:incoming><bpmn:outgoing>F2</bpmn:outgoing></bpmn:serviceTask>
    <bpmn:endEvent id="Selesai"><bpmn:incoming>F2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="F1" sourceRef="Mulai" targetRef="BuatSurat"/><bpmn:sequenceFlow id="F2" sourceRef="BuatSurat" targetRef="Selesai"/>
  </bpmn:process>
  <bpmndi:BPMNDiagram id="Di"><bpmndi:BPMNPlane id="P" bpmnElement="surat-izin">
    <bpmndi:BPMNShape id="S1" bpmnElement="Mulai"><dc:Bounds x="180" y="100" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="S2" bpmnElement="BuatSurat"><dc:Bounds x="270" y="78" width="100" height="80"/></bpmndi:BPMNShape>
    <bpmndi:BPMNShape id="S3" bpmnElement="Selesai"><dc:Bounds x="430" y="100" width="36" height="36"/></bpmndi:BPMNShape>
    <bpmndi:BPMNEdge id="E1" bpmnElement="F1"><di:waypoint x="216" y="118"/><di:waypoint x="270" y="118"/></bpmndi:BPMNEdge>
    <bpmndi:BPMNEdge id="E2" bpmnElement="F2"><di:waypoint x="370" y="118"/><di:waypoint x="430" y="118"/></bpmndi:BPMNEdge>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</bpmn:definitions>`;

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

describe('designer: letter templates attached to the deployment', function () {
  const scene = designerScene({ id: 'kotatemplat', name: 'Kota Templat', users: [analyst] });

  it('given a diagram whose task fills surat-izin.docx, when the analyst attaches the template and deploys, then the server has it and a case\'s letter is filled from it', async function () {
    const { server, page } = scene;
    await loginToDesigner(page, server.url, analyst.username, analyst.password);
    await page.setInputFiles('[data-testid=file-input]', { name: 'surat-izin.bpmn', mimeType: 'application/xml', buffer: Buffer.from(BPMN) });
    await page.locator('[data-testid=doc-title]', { hasText: 'surat-izin.bpmn' }).waitFor();

    // Not a .docx: refused on the page, nothing attached.
    await page.setInputFiles('[data-testid=template-input]', { name: 'surat-izin.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    expect(await page.locator('[data-testid=status].status-error').textContent()).to.contain('surat-izin.pdf bukan berkas .docx');
    expect(await page.locator('[data-testid=templates] li').count()).to.equal(0);

    // A .docx that is no Word document: the server refuses it, naming the file; nothing is deployed.
    await page.setInputFiles('[data-testid=template-input]', { name: 'surat-izin.docx', mimeType: DOCX, buffer: Buffer.from('bukan zip sama sekali') });
    await page.locator('[data-testid=templates] li[data-template="surat-izin.docx"]').waitFor();
    await page.click('[data-action=deploy]');
    await page.locator('[data-testid=status].status-error').waitFor();
    await page.getByText(/surat-izin\.docx/).filter({ hasText: /ditolak|refused/ }).first().waitFor();
    const api = await ApiClient.login(server.url, analyst.username, analyst.password);
    expect((await api.expect(200, 'GET', '/api/process-definitions')).total).to.equal(0);

    // Removed and replaced by the real template: the refusal no longer holds, and it is deployed with the diagram.
    await page.getByRole('button', { name: 'Hapus surat-izin.docx' }).click();
    expect(await page.locator('[data-testid=templates] li').count()).to.equal(0);
    await page.getByText(/surat-izin\.docx ditolak/).waitFor({ state: 'detached' });
    await page.setInputFiles('[data-testid=template-input]', { name: 'surat-izin.docx', mimeType: DOCX, buffer: docx(['**SURAT IZIN**', 'Diberikan kepada {pemohon}.']) });
    expect(await page.locator('[data-testid=templates]').textContent()).to.match(/surat-izin\.docx · \d+ (B|KB)/);
    await screenshot(page, 'designer-templates');
    await page.click('[data-action=deploy]');
    const status = page.locator('[data-testid=status].status-success');
    await status.waitFor();
    expect(await status.textContent()).to.equal('Ter-deploy: “Surat izin” versi 1. Templat: surat-izin.docx v1.');

    const kase = await api.expect(201, 'POST', '/api/process-instances', { processKey: 'surat-izin', variables: { pemohon: 'CV Sumber Rejeki' } });
    let docs: { name: string }[] = [];
    for (let i = 0; i < 120 && !docs.some((d) => d.name === 'surat-izin.docx'); i++) {
      await new Promise((r) => setTimeout(r, 500));
      docs = (await api.expect(200, 'GET', `/api/process-instances/${kase.id}/documents`)).items;
    }
    expect(docs.map((d) => d.name)).to.include('surat-izin.docx');
  });
});
