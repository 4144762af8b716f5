import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { render } from '../../engine/messages/index.js';

/** A process with `processExt` in its extension elements and a user task carrying `taskExt`. */
function process(processExt: string, taskExt: string, more = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:alur="http://alur.go.id/schema/bpmn/1.0" id="Defs" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="Izin" isExecutable="true">
    ${processExt ? `<bpmn:extensionElements>${processExt}</bpmn:extensionElements>` : ''}
    <bpmn:startEvent id="Start" /><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Periksa" />
    <bpmn:userTask id="Periksa"><bpmn:extensionElements><zeebe:userTask />${taskExt}</bpmn:extensionElements></bpmn:userTask>
    <bpmn:sequenceFlow id="F2" sourceRef="Periksa" targetRef="End" /><bpmn:endEvent id="End" />
    ${more}
  </bpmn:process>
</bpmn:definitions>`;
}

async function findings(xml: string): Promise<{ errors: string[]; warnings: string[] }> {
  const result = await compileBpmn(xml);
  return { errors: result.ok ? [] : result.errors.map((e) => e.message), warnings: result.ok ? result.warnings.map((w) => w.message) : [] };
}

describe('bpmn: service standards in working days (alur:sla)', () => {
  it('given whole numbers of working days on the process and a user task, then it deploys and the model carries them', async () => {
    const result = await compileBpmn(process('<alur:sla workingDays="5"/>', '<alur:sla workingDays="2"/>'));
    expect(result.ok).to.equal(true);
    if (!result.ok) return;
    const model = result.definitions.processes[0];
    expect(model.extra?.slaWorkingDays).to.equal('5');
    expect(model.elements.Periksa.userTask?.extra?.slaWorkingDays).to.equal('2');
    expect(result.warnings).to.deep.equal([]);
  });

  it('given a bad number, two of them or one on another element, then the deployment is refused naming each, in Indonesian in the designer', async () => {
    const bad = await findings(process('<alur:sla workingDays="lima"/>', '<alur:sla workingDays="2"/><alur:sla workingDays="3"/>',
      '<bpmn:serviceTask id="Kirim"><bpmn:extensionElements><zeebe:taskDefinition type="kirim"/><alur:sla workingDays="1"/></bpmn:extensionElements></bpmn:serviceTask>'));
    expect(bad.errors).to.include.members([
      'process Izin: alur:sla workingDays must be a whole number of working days, not "lima"',
      'userTask Periksa: has more than one alur:sla',
      'serviceTask Kirim: alur:sla belongs on a user task or on the process',
    ]);
    const lima = (await compileBpmn(process('', '<alur:sla workingDays="lima"/>')));
    expect(!lima.ok && render(lima.errors[0].text, 'id')).to.equal('Tugas pengguna Periksa: workingDays pada alur:sla harus berupa bilangan bulat hari kerja, bukan "lima"');
    expect((await findings(process('', '<alur:sla workingDays="-1"/>'))).errors).to.have.length(1);
    expect((await findings(process('', '<alur:sla workingDays="1.5"/>'))).errors).to.have.length(1);
    expect((await findings(process('', '<alur:sla/>'))).errors[0]).to.contain('alur:sla has no workingDays');
  });

  it('given alur:sla and a due date on one task, then it deploys with a warning that the due date wins', async () => {
    const both = await findings(process('', '<alur:sla workingDays="2"/><zeebe:taskSchedule dueDate="=tenggat"/>'));
    expect(both.errors).to.deep.equal([]);
    expect(both.warnings).to.deep.equal(['userTask Periksa: has both alur:sla and a due date (zeebe:taskSchedule dueDate); the due date is used and the working days are not']);
  });
});
