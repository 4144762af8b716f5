/**
 * The zeebe attributes the deploy rules check (engine/bpmn/rules), named as the designer's
 * properties panel labels them (designer/src/i18n/bpmn-id-panel.ts), so a finding reads "Grup
 * kandidat keliru: …" and not "Atribut AssignmentDefinition candidateGroups keliru: …". One table
 * for the server and the designer's live lint, which renders this same catalog. Keys are
 * `attribute.<extension element>.<attribute>`; rules name an attribute through
 * attributeName() (engine/bpmn/rules/util.ts). Fragments: they stand inside a finding.
 */
import type { Catalog } from './types.js';

export const bpmnAttributes = {
  'attribute.taskDefinition.type': { en: 'job type', id: 'jenis job', fragment: true },
  'attribute.taskDefinition.retries': { en: 'retries', id: 'jumlah percobaan', fragment: true },
  'attribute.assignmentDefinition.assignee': { en: 'assignee', id: 'penerima tugas (assignee)', fragment: true },
  'attribute.assignmentDefinition.candidateGroups': { en: 'candidate groups', id: 'grup kandidat', fragment: true },
  'attribute.assignmentDefinition.candidateUsers': { en: 'candidate users', id: 'pengguna kandidat', fragment: true },
  'attribute.taskSchedule.dueDate': { en: 'due date', id: 'tenggat', fragment: true },
  'attribute.taskSchedule.followUpDate': { en: 'follow-up date', id: 'tanggal tindak lanjut', fragment: true },
  'attribute.priorityDefinition.priority': { en: 'priority', id: 'prioritas', fragment: true },
  'attribute.calledElement.processId': { en: 'called process ID', id: 'ID proses yang dipanggil', fragment: true },
  'attribute.script.expression': { en: 'script expression', id: 'ekspresi skrip', fragment: true },
  'attribute.script.resultVariable': { en: 'result variable', id: 'variabel hasil', fragment: true },
  'attribute.loopCharacteristics.inputCollection': { en: 'input collection', id: 'koleksi masukan', fragment: true },
  'attribute.loopCharacteristics.inputElement': { en: 'input element', id: 'elemen masukan', fragment: true },
  'attribute.loopCharacteristics.outputCollection': { en: 'output collection', id: 'koleksi keluaran', fragment: true },
  'attribute.loopCharacteristics.outputElement': { en: 'output element', id: 'elemen keluaran', fragment: true },
  'attribute.subscription.correlationKey': { en: 'correlation key', id: 'kunci korelasi', fragment: true },
  'attribute.conditionExpression': { en: 'condition expression', id: 'ekspresi kondisi', fragment: true },
} satisfies Catalog;
