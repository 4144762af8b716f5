/** A minimal valid pack (one process, one form, one role) that specs tweak into hostile or newer versions. */
import { sha256 } from '../../engine/packs/files.js';

export const BPMN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="uji" isExecutable="true">
    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:userTask id="t" name="Periksa"><bpmn:extensionElements><zeebe:userTask/><zeebe:formDefinition formId="f"/><zeebe:assignmentDefinition candidateGroups="petugas"/></bpmn:extensionElements><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:userTask>
    <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
export const FORM = { type: 'default', id: 'f', components: [{ type: 'textfield', key: 'catatan', label: 'Catatan' }] };

/** A small valid pack's files; `tweak` may replace any of them before pack.json is written. */
export function packFiles(tweak: (files: Map<string, Buffer>) => void = () => {}, version = '1.0.0'): Map<string, Buffer> {
  const files = new Map<string, Buffer>([['bpmn/uji.bpmn', Buffer.from(BPMN)], ['forms/f.form', Buffer.from(JSON.stringify(FORM))]]);
  tweak(files);
  const text = { id: 'Uji', en: 'Test' };
  const manifest = {
    formatVersion: 1, name: 'uji', version, publisher: { tenant: 'semarang', name: 'Semarang' }, description: text,
    files: { bpmn: [{ path: 'bpmn/uji.bpmn', sha256: sha256(files.get('bpmn/uji.bpmn')!) }], forms: [{ path: 'forms/f.form', sha256: sha256(files.get('forms/f.form')!) }], scenarios: [] },
    roles: [{ key: 'petugas', description: text }], connectors: [],
    processes: [{ id: 'uji', file: 'bpmn/uji.bpmn', name: text, standarPelayanan: { sla: { hariKerja: 1 }, persyaratan: [], biaya: { gratis: true }, produkLayanan: 'x', dasarHukum: ['x'], sistemMekanismeProsedur: 'x', penangananPengaduan: 'x' } }],
  };
  files.set('pack.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  return files;
}


/** The small pack with scenario files (`scenarios/<name>.json`), listed in pack.json with their checksums. */
export function packWithScenarios(scenarios: Record<string, unknown>): Map<string, Buffer> {
  const files = packFiles((f) => {
    for (const [name, scenario] of Object.entries(scenarios)) f.set(`scenarios/${name}.json`, Buffer.from(JSON.stringify(scenario, null, 2)));
  });
  const manifest = JSON.parse(files.get('pack.json')!.toString('utf8'));
  manifest.files.scenarios = Object.keys(scenarios).map((name) => ({ path: `scenarios/${name}.json`, sha256: sha256(files.get(`scenarios/${name}.json`)!) }));
  files.set('pack.json', Buffer.from(JSON.stringify(manifest, null, 2)));
  return files;
}
