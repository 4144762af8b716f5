/**
 * A deploy finding about a zeebe attribute names the attribute as the designer's properties panel
 * labels it (issue 17: "Atribut AssignmentDefinition candidateGroups keliru" read like a stack
 * trace): every attribute the rules check, broken one at a time, in Indonesian and English, with
 * no XML id of an extension element or a camelCase attribute left in the words.
 */
import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { problemDetail } from '../../engine/bpmn/problems.js';
import { render } from '../../engine/messages/index.js';
import { model } from './bad-models.js';

const around = (middle: string, roots = '') => model(`<bpmn:startEvent id="Start" name="Mulai"/>${middle}<bpmn:endEvent id="End" name="Selesai"/>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="M"/><bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="End"/>`, roots);
const userTask = (extensions: string) => around(`<bpmn:userTask id="M" name="Periksa berkas"><bpmn:extensionElements><zeebe:userTask/>${extensions}</bpmn:extensionElements></bpmn:userTask>`);
const serviceTask = (extensions: string, inner = '') => around(`<bpmn:serviceTask id="M" name="Kirim"><bpmn:extensionElements>${extensions}</bpmn:extensionElements>${inner}</bpmn:serviceTask>`);
const loop = (attrs: string) => serviceTask('<zeebe:taskDefinition type="kirim"/>', `<bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics ${attrs}/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>`);

/** What is broken → the model, and how the finding names the attribute in Indonesian and English. */
const CASES: [string, string, string, string][] = [
  ['job type FEEL', serviceTask('<zeebe:taskDefinition type="=kirim("/>'), 'jenis job', 'job type'],
  ['job type empty', serviceTask('<zeebe:taskDefinition type=""/>'), 'jenis job', 'job type'],
  ['no job type', serviceTask(''), 'jenis job', 'job type'],
  ['retries FEEL', serviceTask('<zeebe:taskDefinition type="kirim" retries="=3 +"/>'), 'jumlah percobaan', 'retries'],
  ['retries literal', serviceTask('<zeebe:taskDefinition type="kirim" retries="tiga"/>'), 'jumlah percobaan', 'retries'],
  ['assignee FEEL', userTask('<zeebe:assignmentDefinition assignee="=user("/>'), 'penerima tugas', 'assignee'],
  ['assignee empty', userTask('<zeebe:assignmentDefinition assignee=" "/>'), 'penerima tugas', 'assignee'],
  ['candidate groups FEEL', userTask('<zeebe:assignmentDefinition candidateGroups="=[&quot;a&quot;"/>'), 'grup kandidat', 'candidate groups'],
  ['candidate groups list', userTask('<zeebe:assignmentDefinition candidateGroups="a,,b"/>'), 'grup kandidat', 'candidate groups'],
  ['candidate users FEEL', userTask('<zeebe:assignmentDefinition candidateUsers="=x +"/>'), 'pengguna kandidat', 'candidate users'],
  ['candidate users list', userTask('<zeebe:assignmentDefinition candidateUsers=",dewi"/>'), 'pengguna kandidat', 'candidate users'],
  ['due date FEEL', userTask('<zeebe:taskSchedule dueDate="=now() +"/>'), 'tenggat', 'due date'],
  ['due date literal', userTask('<zeebe:taskSchedule dueDate="besok"/>'), 'tenggat', 'due date'],
  ['follow-up date literal', userTask('<zeebe:taskSchedule followUpDate="lusa"/>'), 'tanggal tindak lanjut', 'follow-up date'],
  ['priority FEEL', userTask('<zeebe:priorityDefinition priority="=1 +"/>'), 'prioritas', 'priority'],
  ['priority literal', userTask('<zeebe:priorityDefinition priority="500"/>'), 'prioritas', 'priority'],
  ['called process FEEL', around('<bpmn:callActivity id="M" name="Bayar"><bpmn:extensionElements><zeebe:calledElement processId="=id +"/></bpmn:extensionElements></bpmn:callActivity>'), 'ID proses yang dipanggil', 'called process ID'],
  ['called process empty', around('<bpmn:callActivity id="M" name="Bayar"><bpmn:extensionElements><zeebe:calledElement/></bpmn:extensionElements></bpmn:callActivity>'), 'ID proses yang dipanggil', 'called process ID'],
  ['script FEEL', around('<bpmn:scriptTask id="M" name="Hitung"><bpmn:extensionElements><zeebe:script expression="=1 +" resultVariable="x"/></bpmn:extensionElements></bpmn:scriptTask>'), 'ekspresi skrip', 'script expression'],
  ['script result', around('<bpmn:scriptTask id="M" name="Hitung"><bpmn:extensionElements><zeebe:script expression="=1"/></bpmn:extensionElements></bpmn:scriptTask>'), 'variabel hasil', 'result variable'],
  ['input collection FEEL', loop('inputCollection="=[1," inputElement="x"'), 'koleksi masukan', 'input collection'],
  ['input element alone', loop('inputElement="x"'), 'elemen masukan', 'input element'],
  ['output pair', loop('inputCollection="=[1]" outputCollection="semua"'), 'elemen keluaran', 'output element'],
  ['correlation key FEEL', around('<bpmn:receiveTask id="M" name="Tunggu" messageRef="Msg"/>', '<bpmn:message id="Msg" name="bayar"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor +"/></bpmn:extensionElements></bpmn:message>'), 'kunci korelasi', 'correlation key'],
  ['condition FEEL', model(`<bpmn:startEvent id="Start"/><bpmn:exclusiveGateway id="G" name="Lengkap?" default="F3"/><bpmn:endEvent id="End"/><bpmn:endEvent id="End2"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G"/><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="End"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">=lengkap =</bpmn:conditionExpression></bpmn:sequenceFlow><bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="End2"/>`), 'ekspresi kondisi', 'condition expression'],
];

/** An XML id left in the words: a zeebe extension's type, `zeebe:…`, or a camelCase attribute. */
const XML_WORDS = /\b(?:zeebe:\w+|[A-Z][a-z]+Definition|TaskSchedule|CalledElement|[a-z]+[A-Z]\w*)\b/;

describe('messages: a finding about a zeebe attribute names it as the properties panel does', () => {
  for (const [what, xml, id, en] of CASES) {
    it(`${what}: "${id}" / "${en}"`, async () => {
      const result = await compileBpmn(xml);
      if (result.ok) expect.fail(`${what}: the model compiled`);
      const about = result.errors.filter((e) => e.element === 'M' || e.element === 'Msg' || e.element === 'F2');
      expect(about.length, result.errors.map((e) => e.message).join('\n')).to.be.greaterThan(0);
      const words = about.map((e) => problemDetail(e) ?? e.text);
      const [inId, inEn] = (['id', 'en'] as const).map((lang) => words.map((t) => render(t, lang)));
      expect(inId.some((m) => m.toLowerCase().includes(id.toLowerCase())), inId.join('\n')).to.equal(true);
      expect(inEn.some((m) => m.toLowerCase().includes(en.toLowerCase())), inEn.join('\n')).to.equal(true);
      for (const m of [...inId, ...inEn]) expect(m).to.not.match(XML_WORDS);
    });
  }
});
