/** `<alur:variables strict="true"/>` (issue 16): the model field, where it may stand, and the form-less task warning. */
import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { render } from '../../engine/messages/index.js';

function process(ext: string, tasks = '<bpmn:userTask id="Periksa"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>'): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:alur="http://alur.go.id/schema/bpmn/1.0" id="Defs" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="Izin" isExecutable="true">
    ${ext ? `<bpmn:extensionElements>${ext}</bpmn:extensionElements>` : ''}
    <bpmn:startEvent id="Start"/>${tasks}<bpmn:endEvent id="End"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Periksa"/><bpmn:sequenceFlow id="F2" sourceRef="Periksa" targetRef="End"/>
  </bpmn:process>
</bpmn:definitions>`;
}

describe('bpmn: strict variables (alur:variables strict)', () => {
  it('given strict="true", when compiled, then the model is strict and a form-less user task is warned about; with a form, nothing warns', async () => {
    const r = await compileBpmn(process('<alur:variables strict="true"/>'));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.definitions.processes[0].strictVariables).to.equal(true);
    expect(r.warnings.map((w) => w.message)).to.deep.equal(['userTask Periksa: has no form, so with alur:variables strict="true" it is completed with no variables']);
    const withForm = await compileBpmn(process('<alur:variables strict="true"/>', '<bpmn:userTask id="Periksa"><bpmn:extensionElements><zeebe:userTask/><zeebe:formDefinition formId="f"/></bpmn:extensionElements></bpmn:userTask>'));
    if (!withForm.ok) throw new Error(JSON.stringify(withForm.errors));
    expect(withForm.warnings).to.deep.equal([]);
  });

  it('given strict="false" or nothing, then the model is not strict (Camunda\'s default) and nothing warns', async () => {
    for (const ext of ['<alur:variables strict="false"/>', '<alur:variables/>', '']) {
      const r = await compileBpmn(process(ext));
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      expect(r.definitions.processes[0]).not.to.have.property('strictVariables');
      expect(r.warnings).to.deep.equal([]);
    }
  });

  it('given alur:variables twice or on an element, then the deployment is refused naming where', async () => {
    const twice = await compileBpmn(process('<alur:variables strict="true"/><alur:variables strict="false"/>'));
    expect(twice.ok).to.equal(false);
    if (!twice.ok) expect(twice.errors.map((e) => e.message)).to.deep.equal(['process Izin: has more than one alur:variables; keep one']);
    const onTask = await compileBpmn(process('', '<bpmn:userTask id="Periksa"><bpmn:extensionElements><zeebe:userTask/><alur:variables strict="true"/></bpmn:extensionElements></bpmn:userTask>'));
    expect(onTask.ok).to.equal(false);
    if (!onTask.ok) expect(onTask.errors.map((e) => e.message)).to.deep.equal(["userTask Periksa: alur:variables belongs in the process's extension elements, not on an element"]);
    if (!twice.ok && !onTask.ok) {
      // The reader (and the designer's live lint, from the same catalog) gets them in Indonesian first.
      expect(render(twice.errors[0].text!, 'id')).to.equal('Proses Izin: memiliki lebih dari satu alur:variables; sisakan satu');
      expect(render(onTask.errors[0].text!, 'id')).to.equal('Tugas pengguna Periksa: alur:variables ditulis pada proses, bukan pada elemen');
    }
  });
});
