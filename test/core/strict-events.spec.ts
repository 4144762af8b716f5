/**
 * Issue 16: in a strict process (`<alur:variables strict="true"/>`) a message or signal that
 * reaches a running case brings only what the catching event's output mappings declare — whoever
 * publishes it (POST /api/messages is a person's request) cannot overwrite what a form checked.
 * Without output mappings none of its variables land; a timer brings none anyway. A process
 * without the element keeps Camunda's rule: everything the message carries lands.
 */
import { expect } from 'chai';
import { given, vars } from './support.js';

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:alur="http://alur.go.id/schema/bpmn/1.0"';

/** Waits at a message catch for `lengkap` (correlated by `nomor`), with `outputs` as its output mappings, then at a user task. */
function waiting(strict: boolean, outputs = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="D" targetNamespace="t">
  <bpmn:message id="m" name="lengkap"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message>
  <bpmn:process id="p" isExecutable="true">${strict ? '<bpmn:extensionElements><alur:variables strict="true"/></bpmn:extensionElements>' : ''}
    <bpmn:startEvent id="s"/>
    <bpmn:intermediateCatchEvent id="tunggu">${outputs ? `<bpmn:extensionElements><zeebe:ioMapping>${outputs}</zeebe:ioMapping></bpmn:extensionElements>` : ''}<bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
    <bpmn:userTask id="periksa"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="tunggu"/><bpmn:sequenceFlow id="f2" sourceRef="tunggu" targetRef="periksa"/><bpmn:sequenceFlow id="f3" sourceRef="periksa" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
}

describe('core: what a message brings into a strict process', () => {
  it('given a strict process whose catch has no output mappings, when the message arrives with variables, then the case moves on and none of them land', async () => {
    const engine = await given(waiting(true));
    const id = engine.start('p', { nomor: 'K-1', nik: '3374010101900001' });
    expect(engine.publish('lengkap', 'K-1', { nik: '0000', catatan: 'ditimpa' })).to.equal(true);
    expect(vars(engine, id)).to.deep.equal({ nomor: 'K-1', nik: '3374010101900001' });
    expect(engine.openTasks(id)).to.have.length(1);
  });

  it('given a strict process whose catch maps one value, when the message arrives, then only that one lands', async () => {
    const engine = await given(waiting(true, '<zeebe:output source="=catatan" target="catatanPemohon"/>'));
    const id = engine.start('p', { nomor: 'K-2', nik: '3374010101900001' });
    engine.publish('lengkap', 'K-2', { nik: '0000', catatan: 'berkas susulan' });
    expect(vars(engine, id)).to.deep.equal({ nomor: 'K-2', nik: '3374010101900001', catatanPemohon: 'berkas susulan' });
  });

  it('given a process without alur:variables, when the message arrives, then everything it carries lands (Camunda\'s rule)', async () => {
    const engine = await given(waiting(false));
    const id = engine.start('p', { nomor: 'K-3', nik: '3374010101900001' });
    engine.publish('lengkap', 'K-3', { nik: '0000' });
    expect(vars(engine, id)).to.deep.equal({ nomor: 'K-3', nik: '0000' });
  });
});
