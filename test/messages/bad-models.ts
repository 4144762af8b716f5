/**
 * One small model per deploy rule (engine/bpmn/rules/index.ts), each breaking that rule, and the
 * documents the reader refuses before any rule runs. test/messages/deploy-findings.spec.ts drives
 * them all in both languages; a new rule without a model here fails that spec.
 */

const NS = 'xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" '
  + 'xmlns:alur="http://alur.go.id/schema/bpmn/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';

/** A document with `roots` before one executable process `p` holding `body`. */
export function model(body: string, roots = '', processAttrs = '', processExtensions = ''): string {
  const extensions = processExtensions ? `<bpmn:extensionElements>${processExtensions}</bpmn:extensionElements>` : '';
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs" targetNamespace="http://alur.go.id/test">${roots}
  <bpmn:process id="p" name="Perizinan" isExecutable="true"${processAttrs}>${extensions}${body}</bpmn:process>
</bpmn:definitions>`;
}

/** Start → `middle` (an element with id M, named) → End. */
const around = (middle: string, roots = '') => model(`<bpmn:startEvent id="Start" name="Mulai"/>${middle}<bpmn:endEvent id="End" name="Selesai"/>
  <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="M"/><bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="End"/>`, roots);

const task = (inner: string, attrs = '') => `<bpmn:task id="M" name="Periksa berkas"${attrs}>${inner}</bpmn:task>`;
const userTask = (extensions: string, attrs = '') => `<bpmn:userTask id="M" name="Periksa berkas"${attrs}><bpmn:extensionElements><zeebe:userTask/>${extensions}</bpmn:extensionElements></bpmn:userTask>`;
const formal = (tag: string, body: string) => `<bpmn:${tag} xsi:type="bpmn:tFormalExpression">${body}</bpmn:${tag}>`;
const timer = (kind: string, value: string) => `<bpmn:timerEventDefinition>${formal(kind, value)}</bpmn:timerEventDefinition>`;

/** Rule name → a model it finds something in. */
export const RULE_MODELS: Record<string, string> = {
  'unsupported-elements': around('<bpmn:complexGateway id="M" name="Pilih"/>'),
  'unsupported-zeebe-extensions': around(userTask('<zeebe:executionListeners><zeebe:executionListener eventType="start" type="x"/></zeebe:executionListeners>')),
  'ignored-zeebe-extensions': around(userTask('<zeebe:linkedResources><zeebe:linkedResource resourceId="r" linkName="l"/></zeebe:linkedResources>')),
  'sequence-flows': model('<bpmn:startEvent id="Start" name="Mulai"/><bpmn:endEvent id="End" name="Selesai"><bpmn:incoming>F1</bpmn:incoming></bpmn:endEvent><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End"/><bpmn:sequenceFlow id="F2" sourceRef="End" targetRef="End"/>'),
  'scope-starts': model('<bpmn:task id="M" name="Periksa berkas"/><bpmn:endEvent id="End" name="Selesai"/><bpmn:sequenceFlow id="F1" sourceRef="M" targetRef="End"/>'),
  'flow-lists': around('<bpmn:task id="M" name="Periksa berkas"><bpmn:incoming>F1</bpmn:incoming></bpmn:task>'),
  reachability: around('<bpmn:task id="M" name="Periksa berkas"/><bpmn:task id="Lost" name="Arsipkan"/>'),
  'gateway-directions': around('<bpmn:exclusiveGateway id="M" name="Lengkap?"/>'),
  'conditional-flows': model(`<bpmn:startEvent id="Start" name="Mulai"/><bpmn:task id="M" name="Periksa berkas"/><bpmn:endEvent id="End" name="Selesai"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="M"/><bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="End">${formal('conditionExpression', '=ok')}</bpmn:sequenceFlow>`),
  'activity-attributes': around(task('', ' startQuantity="0"')),
  'event-definitions': around('<bpmn:intermediateCatchEvent id="M" name="Tunggu"/>'),
  'event-flows': model('<bpmn:startEvent id="Start" name="Mulai"/><bpmn:endEvent id="End" name="Selesai"/><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End"/><bpmn:endEvent id="Orphan" name="Selesai juga"/>'),
  'boundary-events': around(`${task('')}<bpmn:boundaryEvent id="Late" name="Terlambat" attachedToRef="M" cancelActivity="false"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
    <bpmn:endEvent id="LateEnd"/><bpmn:sequenceFlow id="F3" sourceRef="Late" targetRef="LateEnd"/>`),
  'link-events': around('<bpmn:intermediateThrowEvent id="M" name="Lompat"><bpmn:linkEventDefinition name="ke-arsip"/></bpmn:intermediateThrowEvent>'),
  'gateway-conditions': model(`<bpmn:startEvent id="Start" name="Mulai"/><bpmn:exclusiveGateway id="G" name="Lengkap?"/><bpmn:endEvent id="A" name="Terima"/><bpmn:endEvent id="B" name="Tolak"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G"/><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="A"/><bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="B"/>`),
  'event-based-gateway': around('<bpmn:eventBasedGateway id="M" name="Tunggu jawaban"/>'),
  'ignored-conditions': model(`<bpmn:startEvent id="Start" name="Mulai"/><bpmn:parallelGateway id="G" name="Bagi"/><bpmn:parallelGateway id="J" name="Gabung"/><bpmn:endEvent id="End" name="Selesai"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G"/><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="J">${formal('conditionExpression', '=ok')}</bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="J"/><bpmn:sequenceFlow id="F4" sourceRef="J" targetRef="End"/>`),
  'task-implementation': around('<bpmn:serviceTask id="M" name="Kirim SMS"/>'),
  'user-task-assignment': around(userTask('<zeebe:assignmentDefinition assignee=" " candidateGroups="loket,,arsip"/><zeebe:taskSchedule dueDate="besok pagi"/><zeebe:priorityDefinition priority="200"/>')),
  'process-start': model('<bpmn:startEvent id="Start"/><bpmn:endEvent id="End"/><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End"/>', '', '', '<alur:starters groups="=kelompok"/><alur:businessKey format="PBG/{yyyy}/{kode}"/>'),
  'strict-variables': model('<bpmn:startEvent id="Start"/><bpmn:endEvent id="End"/><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End"/>', '', '', '<alur:variables strict="true"/><alur:variables strict="true"/>'),
  'strict-formless-tasks': model(`<bpmn:startEvent id="Start"/>${userTask('')}<bpmn:endEvent id="End"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="M"/><bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="End"/>`, '', '', '<alur:variables strict="true"/>'),
  'service-standard': around(userTask('<alur:sla workingDays="lima"/>')),
  'service-standard-due-date': around(userTask('<alur:sla workingDays="5"/><zeebe:taskSchedule dueDate="=now()"/>')),
  'loop-settings': around(task('<bpmn:multiInstanceLoopCharacteristics/>')),
  'io-mappings': around(userTask('<zeebe:ioMapping><zeebe:input source="=a" target="nama lengkap"/></zeebe:ioMapping>')),
  'called-process': around('<bpmn:callActivity id="M" name="Izin lingkungan"><bpmn:extensionElements><zeebe:calledElement processId="tidak-ada"/></bpmn:extensionElements></bpmn:callActivity>'),
  'timer-values': around(`<bpmn:intermediateCatchEvent id="M" name="Tunggu">${timer('timeDuration', '-PT5M')}</bpmn:intermediateCatchEvent>`),
  'feel-syntax': model(`<bpmn:startEvent id="Start" name="Mulai"/><bpmn:exclusiveGateway id="G" name="Lengkap?" default="F3"/><bpmn:endEvent id="A" name="Terima"/><bpmn:endEvent id="B" name="Tolak"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="G"/><bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="A">${formal('conditionExpression', '=berkas lengkap')}</bpmn:sequenceFlow>
    <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="B"/>`),
  'item-collections': around(task('<bpmn:ioSpecification><bpmn:dataInput id="In" name="Lampiran" itemSubjectRef="Items"/><bpmn:inputSet><bpmn:dataInputRefs>In</bpmn:dataInputRefs></bpmn:inputSet></bpmn:ioSpecification>'),
    '<bpmn:itemDefinition id="Items" isCollection="true" structureRef="String"/>'),
  'message-data': around(`<bpmn:receiveTask id="M" name="Terima jawaban" messageRef="Msg"><bpmn:ioSpecification><bpmn:dataOutput id="Out" name="Jawaban" itemSubjectRef="Other"/><bpmn:outputSet><bpmn:dataOutputRefs>Out</bpmn:dataOutputRefs></bpmn:outputSet></bpmn:ioSpecification></bpmn:receiveTask>`,
    '<bpmn:itemDefinition id="Answer" structureRef="Jawaban"/><bpmn:itemDefinition id="Other" structureRef="Lain"/><bpmn:message id="Msg" name="jawaban" itemRef="Answer"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message>'),
  'loop-data-items': around(task('<bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality xsi:type="bpmn:tFormalExpression">=3</bpmn:loopCardinality><bpmn:inputDataItem id="Item" name="Satu berkas" itemSubjectRef="Many"/></bpmn:multiInstanceLoopCharacteristics>'),
    '<bpmn:itemDefinition id="Many" isCollection="true" structureRef="Berkas"/>'),
  'call-activity-data': `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="Start"/>
    <bpmn:callActivity id="M" name="Izin lingkungan" calledElement="q"><bpmn:extensionElements><zeebe:calledElement processId="q"/></bpmn:extensionElements>
      <bpmn:ioSpecification><bpmn:dataInput id="In"/><bpmn:inputSet><bpmn:dataInputRefs>In</bpmn:dataInputRefs></bpmn:inputSet></bpmn:ioSpecification></bpmn:callActivity>
    <bpmn:endEvent id="End"/><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="M"/><bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="End"/></bpmn:process>
  <bpmn:process id="q" name="Izin lingkungan" isExecutable="true"><bpmn:startEvent id="QS"/><bpmn:endEvent id="QE"/><bpmn:sequenceFlow id="QF" sourceRef="QS" targetRef="QE"/></bpmn:process>
</bpmn:definitions>`,
  'service-bindings': model('<bpmn:supportedInterfaceRef>If</bpmn:supportedInterfaceRef><bpmn:startEvent id="Start"/><bpmn:endEvent id="End"/><bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="End"/>',
    '<bpmn:interface id="If" name="Layanan"><bpmn:operation id="Op" name="ajukan"/></bpmn:interface>'),
  'message-flows': `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions ${NS} id="Defs" targetNamespace="http://alur.go.id/test">
  <bpmn:collaboration id="C"><bpmn:participant id="Pool" name="Dinas" processRef="p"/><bpmn:messageFlow id="MF" sourceRef="M" targetRef="End"/></bpmn:collaboration>
  <bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="Start"/><bpmn:task id="M" name="Periksa berkas"/><bpmn:endEvent id="End" name="Selesai"/>
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="M"/><bpmn:sequenceFlow id="F2" sourceRef="M" targetRef="End"/></bpmn:process>
</bpmn:definitions>`,
  'mime-formats': around('<bpmn:scriptTask id="M" name="Hitung" scriptFormat="FEEL"><bpmn:extensionElements><zeebe:script expression="=1" resultVariable="x"/></bpmn:extensionElements></bpmn:scriptTask>'),
};

/** Documents refused before the rules run, or as a whole; bytes where the encoding is the point. */
export const READER_MODELS: Record<string, string | Uint8Array> = {
  doctype: '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">&x;</bpmn:definitions>',
  'not well-formed': '<?xml version="1.0"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p"></bpmn:definitions>',
  'wrong root': '<?xml version="1.0"?><html><body/></html>',
  'no root': '<?xml version="1.0"?>',
  'duplicate id': around('<bpmn:task id="M" name="Periksa berkas"/><bpmn:task id="M" name="Periksa lagi"/>'),
  'two loop kinds': around(task('<bpmn:standardLoopCharacteristics/><bpmn:multiInstanceLoopCharacteristics/>')),
  'UTF-16': new Uint8Array([0xff, 0xfe, 0x3c, 0x00]),
  'unknown encoding': new TextEncoder().encode('<?xml version="1.0" encoding="EBCDIC"?><a/>'),
  'invalid UTF-8': new Uint8Array([...new TextEncoder().encode('<?xml version="1.0" encoding="UTF-8"?><a>'), 0xc3, 0x28, ...new TextEncoder().encode('</a>')]),
  'missing reference': around('<bpmn:task id="M" name="Periksa berkas"/><bpmn:boundaryEvent id="B" attachedToRef="Nowhere"><bpmn:timerEventDefinition/></bpmn:boundaryEvent>'),
  'unknown element': around('<bpmn:task id="M" name="Periksa berkas"><bpmn:nonsense/></bpmn:task>'),
  'no executable process': model('<bpmn:startEvent id="Start"/>').replace('isExecutable="true"', 'isExecutable="false"'),
  'informal timer': around('<bpmn:intermediateCatchEvent id="M" name="Tunggu"><bpmn:timerEventDefinition><bpmn:timeDuration>tiga hari</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>'),
  'bad cycle': around(`<bpmn:task id="M" name="Periksa berkas"/><bpmn:boundaryEvent id="Late" name="Pengingat" attachedToRef="M" cancelActivity="false">${timer('timeCycle', 'R/2027-01-01T08:00:00@Asia/Jakarta/P1D')}</bpmn:boundaryEvent>
    <bpmn:endEvent id="LateEnd"/><bpmn:sequenceFlow id="F3" sourceRef="Late" targetRef="LateEnd"/>`),
};
