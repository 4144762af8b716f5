import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';

/** A process whose extension elements are `ext` and whose none start event carries `startExt`. */
function process(ext: string, startExt = '', more = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:alur="http://alur.go.id/schema/bpmn/1.0" id="Defs" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="Izin" name="Izin" isExecutable="true">
    ${ext ? `<bpmn:extensionElements>${ext}</bpmn:extensionElements>` : ''}
    <bpmn:startEvent id="Start">${startExt ? `<bpmn:extensionElements>${startExt}</bpmn:extensionElements>` : ''}</bpmn:startEvent>
    <bpmn:sequenceFlow id="Flow_1" sourceRef="Start" targetRef="End" />
    <bpmn:endEvent id="End" />
    ${more}
  </bpmn:process>
</bpmn:definitions>`;
}

async function compiled(xml: string) {
  const result = await compileBpmn(xml);
  if (!result.ok) throw new Error(result.errors.map((e) => e.message).join('\n'));
  return { model: result.definitions.processes[0], warnings: result.warnings.map((w) => w.message) };
}

async function errors(xml: string): Promise<string[]> {
  const result = await compileBpmn(xml);
  if (result.ok) throw new Error('expected the deployment to be refused');
  return result.errors.map((e) => e.message);
}

describe('bpmn: how a case starts (start form, alur:starters, alur:businessKey)', () => {
  it('given a start form, starters and a number format, when compiled, then the model carries them and nothing warns', async () => {
    const { model, warnings } = await compiled(process('<alur:starters groups=" loket-dpmptsp , kepala-opd "/><alur:businessKey format="PBG/{yyyy}/{MM}/{seq:5}"/>', '<zeebe:formDefinition formId="form-permohonan"/>'));
    expect(model.startFormId).to.equal('form-permohonan');
    expect(model.starters).to.deep.equal(['loket-dpmptsp', 'kepala-opd']);
    expect(model.businessKeyFormat).to.equal('PBG/{yyyy}/{MM}/{seq:5}');
    expect(warnings).to.deep.equal([]);
  });

  it('given none of them, then the model has none (anyone starts, no form, no number)', async () => {
    const { model } = await compiled(process(''));
    expect(model).to.not.have.any.keys('startFormId', 'starters', 'businessKeyFormat');
  });

  it('given invalid starters or formats, when compiled, then each problem is named on the process', async () => {
    expect(await errors(process('<alur:starters groups=" , "/>'))).to.deep.equal(['process Izin: alur:starters names no group; write groups="loket-dpmptsp, kepala-opd" (leave it out to let every user start)']);
    expect(await errors(process('<alur:starters groups="loket dpmptsp"/>'))).to.deep.equal(['process Izin: alur:starters group "loket dpmptsp" is not a group name (letters, digits, . _ -)']);
    expect(await errors(process('<alur:starters groups="=peran"/>'))).to.deep.equal(['process Izin: alur:starters groups must list group names, not an expression']);
    expect(await errors(process('<alur:starters groups="a"/><alur:starters groups="b"/>'))).to.deep.equal(['process Izin: has more than one alur:starters; list every group in one groups="…"']);
    expect(await errors(process('<alur:businessKey format="PBG/{yyyy}/{nomor}"/>'))).to.deep.equal([
      'process Izin: registration number format (alur:businessKey format): unknown placeholder {nomor}; use {yyyy}, {yy}, {MM}, {dd}, {seq:N}',
      'process Izin: registration number format (alur:businessKey format): the format has no {seq:N}: without a counter two numbers would be the same',
    ]);
    expect(await errors(process('<alur:businessKey/>'))).to.deep.equal(['process Izin: registration number format (alur:businessKey format): the format is empty; write e.g. PBG/{yyyy}/{MM}/{seq:5}']);
  });

  it('given them on an element instead of the process, or a start form without formId, then they are refused', async () => {
    const onTask = process('', '', '<bpmn:task id="Catat"><bpmn:extensionElements><alur:starters groups="loket"/></bpmn:extensionElements></bpmn:task>');
    expect(await errors(onTask)).to.include("task Catat: alur:starters belongs in the process's extension elements, not on an element");
    expect(await errors(process('', '<zeebe:formDefinition />'))).to.deep.equal(['startEvent Start: the start form names no form (zeebe:formDefinition formId)']);
    expect(await errors(process('', '<zeebe:formDefinition formId="f" bindingType="deployment"/>'))).to.deep.equal(['startEvent Start: formDefinition bindingType "deployment" is not supported; a start uses the newest form version']);
  });

  it('given a form on a message start event, then it deploys with a warning that it is ignored', async () => {
    const xml = process('', '').replace('<bpmn:startEvent id="Start"></bpmn:startEvent>',
      '<bpmn:startEvent id="Start"><bpmn:extensionElements><zeebe:formDefinition formId="f"/></bpmn:extensionElements><bpmn:messageEventDefinition messageRef="M"/></bpmn:startEvent>')
      .replace('</bpmn:process>', '</bpmn:process><bpmn:message id="M" name="masuk"/>');
    const { model, warnings } = await compiled(xml);
    expect(model.startFormId).to.equal(undefined);
    expect(warnings).to.include("startEvent Start: a start form is used only on the process's none start event; this one is ignored");
  });
});
