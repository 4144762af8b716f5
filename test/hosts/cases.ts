/**
 * The host conformance cases: scenarios whose effects reach beyond one step — called processes,
 * messages and signals between instances, timers, jobs, compensation and cancellation. Every host
 * of the core must end each of them holding exactly what the case expects (hosts.spec.ts runs
 * them on the memory host, PGlite and PostgreSQL). Add a case here when a host learns a new
 * effect or follow-up, so the hosts cannot drift apart again.
 */
import { definitions, processXml, flow, userTask, serviceTask, timer, boundary } from '../core/support.js';
import { CaseBpmnError, type HostCase } from './world.js';

const roots = '<bpmn:error id="err" errorCode="TIDAK_LENGKAP"/><bpmn:escalation id="esc" escalationCode="BANTUAN"/>';

/** A called process `child` with one user task. */
const child = processXml('child', `<bpmn:startEvent id="cs"/>${userTask('childTask')}<bpmn:endEvent id="ce"/>${flow('c1', 'cs', 'childTask')}${flow('c2', 'childTask', 'ce')}`);

/** A process `parent` calling `called` (a process id, or FEEL with `=`), then a user task `after`. */
const parent = (called = 'child', extra = '', boundaries = '') => processXml('parent', `
  <bpmn:startEvent id="s"/>
  <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="${called}" propagateAllChildVariables="true"/>${extra}</bpmn:extensionElements></bpmn:callActivity>
  ${boundaries}${userTask('after')}<bpmn:endEvent id="e"/>
  ${flow('f1', 's', 'call')}${flow('f2', 'call', 'after')}${flow('f3', 'after', 'e')}`);

const msgRoots = '<bpmn:message id="m" name="dokumen-lengkap"><bpmn:extensionElements><zeebe:subscription correlationKey="=nomor"/></bpmn:extensionElements></bpmn:message>';

/** `waiter` waits at a message catch for dokumen-lengkap with its `nomor`, then a task `afterMsg`. */
const waiter = processXml('waiter', `<bpmn:startEvent id="ws"/><bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
  ${userTask('afterMsg')}<bpmn:endEvent id="we"/>${flow('w1', 'ws', 'wait')}${flow('w2', 'wait', 'afterMsg')}${flow('w3', 'afterMsg', 'we')}`);

export const cases: HostCase[] = [
  {
    name: 'a called process gets the caller\'s variables and gives its own back when it completes',
    bpmn: definitions(roots, parent(), child),
    actions: [
      { start: 'parent', variables: { pemohon: 'Ani' } },
      { expect: { instances: ['child:active <parent', 'parent:active'], tasks: ['child/childTask'], variables: { child: { pemohon: 'Ani' } } } },
      { complete: 'childTask', variables: { hasil: 'lengkap' } },
      { expect: { instances: ['child:completed <parent', 'parent:active'], tasks: ['parent/after'], variables: { parent: { pemohon: 'Ani', hasil: 'lengkap' } } } },
    ],
  },
  {
    name: 'a called process carries its caller\'s business key, and so do its tasks',
    bpmn: definitions(roots, parent(), child),
    actions: [
      { start: 'parent', businessKey: 'PBG/2026/00001' },
      { expect: { instances: ['child:active <parent [PBG/2026/00001]', 'parent:active [PBG/2026/00001]'], tasks: ['child/childTask [PBG/2026/00001]'] } },
      { complete: 'childTask' },
      { expect: { tasks: ['parent/after [PBG/2026/00001]'] } },
    ],
  },
  {
    name: 'an error the called process does not catch is caught by the error boundary of the call activity',
    bpmn: definitions(roots, parent('child', '', `<bpmn:boundaryEvent id="onError" attachedToRef="call"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>${userTask('fix')}<bpmn:endEvent id="e2"/>${flow('f4', 'onError', 'fix')}${flow('f5', 'fix', 'e2')}`),
      processXml('child', `<bpmn:startEvent id="cs"/><bpmn:endEvent id="ce"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>${flow('c1', 'cs', 'ce')}`)),
    actions: [
      { start: 'parent' },
      { expect: { instances: ['child:failed <parent', 'parent:active'], tasks: ['parent/fix'], incidents: [] } },
    ],
  },
  {
    name: 'an error the called process does not catch, with no boundary, becomes an incident of the call activity',
    bpmn: definitions(roots, parent(), processXml('child', `<bpmn:startEvent id="cs"/><bpmn:endEvent id="ce"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>${flow('c1', 'cs', 'ce')}`)),
    actions: [
      { start: 'parent' },
      { expect: { instances: ['child:failed <parent', 'parent:active'], incidents: ['parent/call unhandled-error'], tasks: [] } },
    ],
  },
  {
    name: 'an escalation the called process does not catch reaches the non-interrupting boundary of the call activity',
    bpmn: definitions(roots, parent('child', '', `<bpmn:boundaryEvent id="onEsc" attachedToRef="call" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:boundaryEvent>${userTask('help')}<bpmn:endEvent id="e2"/>${flow('f4', 'onEsc', 'help')}${flow('f5', 'help', 'e2')}`),
      processXml('child', `<bpmn:startEvent id="cs"/><bpmn:intermediateThrowEvent id="ask"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>${userTask('childTask')}<bpmn:endEvent id="ce"/>
        ${flow('c1', 'cs', 'ask')}${flow('c2', 'ask', 'childTask')}${flow('c3', 'childTask', 'ce')}`)),
    actions: [
      { start: 'parent' },
      { expect: { instances: ['child:active <parent', 'parent:active'], tasks: ['child/childTask', 'parent/help'] } },
    ],
  },
  {
    name: 'cancelling the caller cancels the called process and its task',
    bpmn: definitions(roots, parent(), child),
    actions: [
      { start: 'parent' },
      { cancel: 'parent' },
      { expect: { instances: ['child:cancelled <parent', 'parent:cancelled'], tasks: [], incidents: [] } },
    ],
  },
  {
    name: 'a called process cancelled on its own leaves its caller with an incident instead of waiting for ever',
    bpmn: definitions(roots, parent(), child),
    actions: [
      { start: 'parent' },
      { cancel: 'child' },
      { expect: { instances: ['child:cancelled <parent', 'parent:active'], tasks: [], incidents: ['parent/call unhandled-error'] } },
    ],
  },
  {
    name: 'a timer on the call activity that fires cancels the called process',
    bpmn: definitions(roots, parent('child', '', `${boundary('late', 'call', timer('duration', 'PT1H'))}${userTask('remind')}<bpmn:endEvent id="e2"/>${flow('f4', 'late', 'remind')}${flow('f5', 'remind', 'e2')}`), child),
    actions: [
      { start: 'parent' },
      { expect: { timers: ['parent/late'] } },
      { advance: 30 * 60_000 },
      { expect: { tasks: ['child/childTask'] } },
      { advance: 31 * 60_000 },
      { expect: { instances: ['child:cancelled <parent', 'parent:active'], tasks: ['parent/remind'], timers: [] } },
    ],
  },
  {
    name: 'a called process that ends at a terminate end event lets its caller go on as after a completion',
    bpmn: definitions(roots, parent(), processXml('child', `<bpmn:startEvent id="cs"/><bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent>${flow('c1', 'cs', 'stop')}`)),
    actions: [
      { start: 'parent' },
      { expect: { instances: ['child:terminated <parent', 'parent:active'], tasks: ['parent/after'] } },
    ],
  },
  {
    name: 'a call to a process that is not deployed becomes an incident of the call activity',
    bpmn: definitions(roots, parent('=target')),
    actions: [
      { start: 'parent', variables: { target: 'tidak-ada' } },
      { expect: { instances: ['parent:active'], incidents: ['parent/call unhandled-error'], tasks: [] } },
    ],
  },
  {
    name: 'a multi-instance call activity starts one called process per item and collects their outputs in item order',
    bpmn: definitions(roots, processXml('parent', `
      <bpmn:startEvent id="s"/>
      <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" propagateAllChildVariables="false"/><zeebe:ioMapping><zeebe:output source="=hasil" target="hasil"/></zeebe:ioMapping></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=berkas" inputElement="dok" outputCollection="semua" outputElement="=hasil"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
      </bpmn:callActivity>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'call')}${flow('f2', 'call', 'after')}${flow('f3', 'after', 'e')}`),
    processXml('child', `<bpmn:startEvent id="cs"/>${serviceTask('check', 'periksa')}<bpmn:endEvent id="ce"/>${flow('c1', 'cs', 'check')}${flow('c2', 'check', 'ce')}`)),
    handlers: { periksa: (v) => ({ hasil: `ok-${String(v.dok)}` }) },
    actions: [
      { start: 'parent', variables: { berkas: ['ktp', 'kk', 'npwp'] } },
      { expect: { instances: ['child:completed <parent', 'child:completed <parent', 'child:completed <parent', 'parent:active'], tasks: ['parent/after'], jobs: [] } },
      { expect: { variables: { parent: { berkas: ['ktp', 'kk', 'npwp'], semua: ['ok-ktp', 'ok-kk', 'ok-npwp'] } } } },
    ],
  },
  {
    name: 'a message published with a correlation key reaches only the instance waiting with that key, with its variables',
    bpmn: definitions(msgRoots, waiter),
    actions: [
      { start: 'waiter', variables: { nomor: 'A' } },
      { start: 'waiter', variables: { nomor: 'B' } },
      { expect: { subscriptions: ['waiter/wait message dokumen-lengkap', 'waiter/wait message dokumen-lengkap'] } },
      { publish: 'dokumen-lengkap', correlationKey: 'B', variables: { lengkap: true }, delivered: true },
      { expect: { tasks: ['waiter/afterMsg'], subscriptions: ['waiter/wait message dokumen-lengkap'] } },
      { publish: 'dokumen-lengkap', correlationKey: 'C', delivered: false },
      { publish: 'dokumen-lengkap', delivered: false },
      { expect: { tasks: ['waiter/afterMsg'] } },
    ],
  },
  {
    name: 'a message thrown by one instance reaches another instance waiting for it',
    bpmn: definitions(msgRoots, waiter, processXml('sender', `<bpmn:startEvent id="ss"/>
      <bpmn:intermediateThrowEvent id="send"><bpmn:extensionElements><zeebe:taskDefinition type="none-unused"/></bpmn:extensionElements><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateThrowEvent>
      <bpmn:endEvent id="se"/>${flow('s1', 'ss', 'send')}${flow('s2', 'send', 'se')}`)),
    actions: [
      { start: 'waiter', variables: { nomor: 'REG-7' } },
      { start: 'sender', variables: { nomor: 'REG-7' } },
      { expect: { instances: ['sender:completed', 'waiter:active'], tasks: ['waiter/afterMsg'], subscriptions: [] } },
    ],
  },
  {
    name: 'a message that nobody waits for starts the process with that message start event, its correlation key as business key',
    bpmn: definitions('<bpmn:message id="mStart" name="permohonan-masuk"/>', processXml('intake', `<bpmn:startEvent id="is"><bpmn:messageEventDefinition messageRef="mStart"/></bpmn:startEvent>
      ${userTask('verify')}<bpmn:endEvent id="ie"/>${flow('i1', 'is', 'verify')}${flow('i2', 'verify', 'ie')}`)),
    actions: [
      { publish: 'permohonan-masuk', correlationKey: 'SIUP/2026/7', variables: { pemohon: 'Budi' }, delivered: true },
      { expect: { instances: ['intake:active [SIUP/2026/7]'], tasks: ['intake/verify [SIUP/2026/7]'], variables: { intake: { pemohon: 'Budi' } } } },
    ],
  },
  {
    name: 'a non-interrupting message event subprocess runs once per message beside the main flow',
    bpmn: definitions(msgRoots, processXml('case', `<bpmn:startEvent id="s"/>${userTask('main')}<bpmn:endEvent id="e"/>${flow('f1', 's', 'main')}${flow('f2', 'main', 'e')}
      <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="onMsg" isInterrupting="false"><bpmn:messageEventDefinition messageRef="m"/></bpmn:startEvent>
        ${userTask('handle')}<bpmn:endEvent id="espEnd"/>${flow('g1', 'onMsg', 'handle')}${flow('g2', 'handle', 'espEnd')}</bpmn:subProcess>`)),
    actions: [
      { start: 'case', variables: { nomor: 'K-1' } },
      { publish: 'dokumen-lengkap', correlationKey: 'K-1', delivered: true },
      { publish: 'dokumen-lengkap', correlationKey: 'K-1', delivered: true },
      { expect: { tasks: ['case/handle', 'case/handle', 'case/main'], subscriptions: ['case/onMsg message dokumen-lengkap'] } },
    ],
  },
  {
    name: 'a signal thrown by one instance reaches every other waiting instance and starts the processes with that signal start',
    bpmn: definitions('<bpmn:signal id="sig" name="libur-nasional"/>',
      processXml('holiday', `<bpmn:startEvent id="hs"/><bpmn:intermediateCatchEvent id="hold"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:intermediateCatchEvent>
        ${userTask('resume')}<bpmn:endEvent id="he"/>${flow('h1', 'hs', 'hold')}${flow('h2', 'hold', 'resume')}${flow('h3', 'resume', 'he')}`),
      processXml('announce', `<bpmn:startEvent id="as"/><bpmn:endEvent id="ae"><bpmn:extensionElements><zeebe:ioMapping><zeebe:input source="=tanggal" target="tanggal"/></zeebe:ioMapping></bpmn:extensionElements><bpmn:signalEventDefinition signalRef="sig"/></bpmn:endEvent>${flow('a1', 'as', 'ae')}`),
      processXml('notify', `<bpmn:startEvent id="ns"><bpmn:signalEventDefinition signalRef="sig"/></bpmn:startEvent>${userTask('inform')}<bpmn:endEvent id="ne"/>${flow('n1', 'ns', 'inform')}${flow('n2', 'inform', 'ne')}`)),
    actions: [
      { start: 'holiday' },
      { start: 'holiday' },
      { expect: { subscriptions: ['holiday/hold signal libur-nasional', 'holiday/hold signal libur-nasional'] } },
      { start: 'announce', variables: { tanggal: '2026-12-25' } },
      { expect: { tasks: ['holiday/resume', 'holiday/resume', 'notify/inform'], subscriptions: [], variables: { notify: { tanggal: '2026-12-25' } } } },
    ],
  },
  {
    name: 'an intermediate timer waits until it is due, then the token moves on',
    bpmn: definitions(processXml('wait', `<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="pause">${timer('duration', 'PT2H')}</bpmn:intermediateCatchEvent>
      ${userTask('after')}<bpmn:endEvent id="e"/>${flow('f1', 's', 'pause')}${flow('f2', 'pause', 'after')}${flow('f3', 'after', 'e')}`)),
    actions: [
      { start: 'wait' },
      { advance: 3600_000 },
      { expect: { timers: ['wait/pause'], tasks: [] } },
      { advance: 3600_000 },
      { expect: { timers: [], tasks: ['wait/after'] } },
    ],
  },
  {
    name: 'a non-interrupting timer cycle on a user task opens a reminder each period while the task stays open',
    bpmn: definitions(processXml('remind', `<bpmn:startEvent id="s"/>${userTask('review')}${boundary('tick', 'review', timer('cycle', 'R2/PT1H'), false)}
      ${userTask('nudge')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${flow('f1', 's', 'review')}${flow('f2', 'review', 'e')}${flow('f3', 'tick', 'nudge')}${flow('f4', 'nudge', 'e2')}`)),
    actions: [
      { start: 'remind' },
      { advance: 3600_000 + 1 },
      { expect: { tasks: ['remind/nudge', 'remind/review'], timers: ['remind/tick'] } },
      { advance: 3600_000 },
      { expect: { tasks: ['remind/nudge', 'remind/nudge', 'remind/review'], timers: [] } },
    ],
  },
  {
    name: 'a service task runs its handler and the instance completes with the handler\'s variables',
    bpmn: definitions(processXml('svc', `<bpmn:startEvent id="s"/>${serviceTask('work', 'hitung')}<bpmn:endEvent id="e"/>${flow('f1', 's', 'work')}${flow('f2', 'work', 'e')}`)),
    handlers: { hitung: (v) => ({ total: Number(v.a) + 1 }) },
    actions: [
      { start: 'svc', variables: { a: 41 } },
      { expect: { instances: ['svc:completed'], jobs: [], variables: { svc: { a: 41, total: 42 } } } },
    ],
  },
  {
    name: 'a service task that keeps failing is retried with backoff and then becomes an incident',
    bpmn: definitions(processXml('flaky', `<bpmn:startEvent id="s"/>${serviceTask('work', 'rusak', 2)}<bpmn:endEvent id="e"/>${flow('f1', 's', 'work')}${flow('f2', 'work', 'e')}`)),
    handlers: { rusak: () => { throw new Error('layanan tidak menjawab'); } },
    actions: [
      { start: 'flaky' },
      { expect: { jobs: ['flaky/work rusak'], incidents: [] } },
      { advance: 60_000 },
      { expect: { jobs: [], incidents: ['flaky/work job'], instances: ['flaky:active'] } },
    ],
  },
  {
    name: 'a BPMN error from a handler is caught by the error boundary of its service task',
    bpmn: definitions(roots, processXml('svc', `<bpmn:startEvent id="s"/>${serviceTask('work', 'cek-nik')}${boundary('bad', 'work', '<bpmn:errorEventDefinition errorRef="err"/>')}
      ${userTask('fix')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>${flow('f1', 's', 'work')}${flow('f2', 'work', 'e')}${flow('f3', 'bad', 'fix')}${flow('f4', 'fix', 'e2')}`)),
    handlers: { 'cek-nik': () => { throw new CaseBpmnError('TIDAK_LENGKAP'); } },
    actions: [
      { start: 'svc' },
      { expect: { tasks: ['svc/fix'], jobs: [], incidents: [] } },
    ],
  },
  {
    name: 'a compensation end event runs the handlers of what completed and the instance completes after them',
    bpmn: definitions(processXml('saga', `<bpmn:startEvent id="s"/>
      <bpmn:task id="book"/><bpmn:boundaryEvent id="cBook" attachedToRef="book"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
      ${serviceTask('unbook', 'batal-pesan').replace('<bpmn:serviceTask id="unbook"', '<bpmn:serviceTask id="unbook" isForCompensation="true"')}
      <bpmn:task id="pay"/><bpmn:boundaryEvent id="cPay" attachedToRef="pay"><bpmn:compensateEventDefinition/></bpmn:boundaryEvent>
      <bpmn:userTask id="refund" isForCompensation="true"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask>
      <bpmn:association id="a1" associationDirection="One" sourceRef="cBook" targetRef="unbook"/>
      <bpmn:association id="a2" associationDirection="One" sourceRef="cPay" targetRef="refund"/>
      <bpmn:endEvent id="undo"><bpmn:compensateEventDefinition/></bpmn:endEvent>
      ${flow('f1', 's', 'book')}${flow('f2', 'book', 'pay')}${flow('f3', 'pay', 'undo')}`)),
    handlers: { 'batal-pesan': () => ({ dibatalkan: true }) },
    actions: [
      { start: 'saga' },
      { expect: { instances: ['saga:active'], tasks: ['saga/refund'], jobs: [] } },
      { complete: 'refund' },
      { expect: { instances: ['saga:completed'], tasks: [], variables: { saga: { dibatalkan: true } } } },
    ],
  },
  {
    name: 'cancelling a busy instance leaves no task, job, timer or subscription of it behind',
    bpmn: definitions(msgRoots, processXml('busy', `<bpmn:startEvent id="s"/><bpmn:parallelGateway id="fork"/>
      ${userTask('review')}${serviceTask('work', 'tanpa-handler')}
      <bpmn:intermediateCatchEvent id="pause">${timer('duration', 'P3D')}</bpmn:intermediateCatchEvent>
      <bpmn:intermediateCatchEvent id="wait"><bpmn:messageEventDefinition messageRef="m"/></bpmn:intermediateCatchEvent>
      <bpmn:parallelGateway id="join"/><bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'fork')}${flow('f2', 'fork', 'review')}${flow('f3', 'fork', 'work')}${flow('f4', 'fork', 'pause')}${flow('f5', 'fork', 'wait')}
      ${flow('f6', 'review', 'join')}${flow('f7', 'work', 'join')}${flow('f8', 'pause', 'join')}${flow('f9', 'wait', 'join')}${flow('f10', 'join', 'e')}`)),
    actions: [
      { start: 'busy', variables: { nomor: 'X-1' } },
      { expect: { tasks: ['busy/review'], jobs: ['busy/work tanpa-handler'], timers: ['busy/pause'], subscriptions: ['busy/wait message dokumen-lengkap'] } },
      { cancel: 'busy' },
      { expect: { instances: ['busy:cancelled'], tasks: [], jobs: [], timers: [], subscriptions: [], incidents: [] } },
    ],
  },
];
