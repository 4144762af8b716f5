/** Call activity (zeebe:calledElement): child instances, variable propagation, errors, escalations, cancellation. */
import { expect } from 'chai';
import { given, definitions, processXml, flow, path, vars, userTask, active, historyOf, effectsOf, elementKey, incidentsOf, boundary, bpmn } from './support.js';

const roots = '<bpmn:error id="err" errorCode="TIDAK_LENGKAP"/><bpmn:escalation id="esc" escalationCode="BANTUAN"/>';

const child = (body = `${userTask('childTask')}`, flows = `${flow('c1', 'cs', 'childTask')}${flow('c2', 'childTask', 'ce')}`) =>
  processXml('child', `<bpmn:startEvent id="cs"/>${body}<bpmn:endEvent id="ce"/>${flows}`);

const parent = (called = '<zeebe:calledElement processId="child"/>', extra = '', after = `${userTask('after')}`) => processXml('parent', `
  <bpmn:startEvent id="s"/>
  <bpmn:callActivity id="call"><bpmn:extensionElements>${called}${extra}</bpmn:extensionElements></bpmn:callActivity>
  ${after}<bpmn:endEvent id="e"/>
  ${flow('f1', 's', 'call')}${flow('f2', 'call', 'after')}${flow('f3', 'after', 'e')}`);

const childId = (engine: Awaited<ReturnType<typeof given>>, parentId: string) => {
  const w = engine.state(parentId).els[elementKey(engine, parentId, 'call')].w;
  if (w?.k !== 'call') throw new Error('call activity is not waiting');
  return w.child;
};

describe('call activity', () => {
  it('given a call activity, when reached, then a call.start effect starts the child with the parent variables and the call waits', async () => {
    const engine = await given(definitions(roots, parent(), child()));
    const { step } = await import('../../engine/core/step.js');
    const r = step(engine.models.get('parent')!, null, { type: 'instance.start', instanceId: 'P', processId: 'parent', variables: { a: 1 }, businessKey: 'BK' }, engine.now);
    const [start] = effectsOf(r, 'call.start');
    expect(start).to.deep.equal({ type: 'call.start', key: start.key, childInstanceId: `P-${start.key + 1}`, processId: 'child', variables: { a: 1 }, businessKey: 'BK', depth: 1 });
    expect(r.state.els[start.key].w).to.deep.equal({ k: 'call', child: `P-${start.key + 1}` });
  });

  it('given a started child, then it runs with the parent variables and a reference to the parent', async () => {
    const engine = await given(definitions(roots, parent(), child()));
    const id = engine.start('parent', { pemohon: 'Ani' });
    const c = childId(engine, id);
    expect(vars(engine, c)).to.deep.equal({ pemohon: 'Ani' });
    expect(engine.state(c).parent).to.deep.equal({ instanceId: id, key: elementKey(engine, id, 'call'), depth: 1 });
    expect(active(engine, c)).to.deep.equal(['childTask']);
  });

  it('given the child completes, when it ends, then its variables come back to the parent and the parent moves on', async () => {
    const engine = await given(definitions(roots, parent(), child()));
    const id = engine.start('parent', { a: 1 });
    engine.completeTask(childId(engine, id), 'childTask', { hasil: 'ok' });
    expect(vars(engine, id)).to.deep.equal({ a: 1, hasil: 'ok' });
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given propagateAllParentVariables false and input mappings, when the child starts, then it gets only the mapped inputs', async () => {
    const engine = await given(definitions(roots, parent('<zeebe:calledElement processId="child" propagateAllParentVariables="false"/>',
      '<zeebe:ioMapping><zeebe:input source="=pemohon.nik" target="nik"/></zeebe:ioMapping>'), child()));
    const id = engine.start('parent', { pemohon: { nik: '3374', nama: 'Ani' }, rahasia: 'x' });
    expect(vars(engine, childId(engine, id))).to.deep.equal({ nik: '3374' });
  });

  it('given propagateAllChildVariables false and no outputs, when the child completes, then nothing comes back', async () => {
    const engine = await given(definitions(roots, parent('<zeebe:calledElement processId="child" propagateAllChildVariables="false"/>'), child()));
    const id = engine.start('parent', { a: 1 });
    engine.completeTask(childId(engine, id), 'childTask', { hasil: 'ok' });
    expect(vars(engine, id)).to.deep.equal({ a: 1 });
  });

  it('given output mappings, when the child completes, then only the mapped values reach the parent', async () => {
    const engine = await given(definitions(roots, parent('<zeebe:calledElement processId="child" propagateAllChildVariables="false"/>',
      '<zeebe:ioMapping><zeebe:output source="=hasil.nomor" target="nomorIzin"/></zeebe:ioMapping>'), child()));
    const id = engine.start('parent');
    engine.completeTask(childId(engine, id), 'childTask', { hasil: { nomor: 'IZ-1' }, noise: 1 });
    expect(vars(engine, id)).to.deep.equal({ nomorIzin: 'IZ-1' });
  });

  it('given a FEEL called process id, when reached, then it is evaluated', async () => {
    const engine = await given(definitions(roots, parent('<zeebe:calledElement processId="=jenis"/>'), child()));
    const id = engine.start('parent', { jenis: 'child' });
    expect(engine.state(childId(engine, id)).processId).to.equal('child');
  });

  it('given a FEEL called process id that is null, when reached, then a called-process incident is raised', async () => {
    const engine = await given(definitions(roots, parent('<zeebe:calledElement processId="=jenis"/>'), child()));
    const id = engine.start('parent');
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'call', type: 'called-process' });
  });

  it('given a child that throws an error it does not catch, when it ends, then the parent error boundary catches it', async () => {
    const engine = await given(definitions(roots,
      processXml('parent', `<bpmn:startEvent id="s"/><bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>
        ${boundary('b', 'call', '<bpmn:errorEventDefinition errorRef="err"/>')}${userTask('fix')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
        ${flow('f1', 's', 'call')}${flow('f2', 'call', 'e')}${flow('f3', 'b', 'fix')}${flow('f4', 'fix', 'e2')}`),
      processXml('child', `<bpmn:startEvent id="cs"/><bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>${flow('c1', 'cs', 'boom')}`)));
    const id = engine.start('parent');
    expect(active(engine, id)).to.deep.equal(['fix']);
    const c = [...engine.instances.keys()].find((k) => k !== id)!;
    expect(engine.state(c)).to.include({ status: 'failed', errorCode: 'TIDAK_LENGKAP' });
  });

  it('given a child error and no boundary on the call activity, when it ends, then the parent gets an unhandled-error incident', async () => {
    const engine = await given(definitions(roots, parent(),
      processXml('child', `<bpmn:startEvent id="cs"/><bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>${flow('c1', 'cs', 'boom')}`)));
    const id = engine.start('parent');
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'call', type: 'unhandled-error' });
  });

  it('given a call incident after a failed child, when resolved, then a new child with a new id starts and the failed one stays failed', async () => {
    const engine = await given(definitions(roots, parent(),
      processXml('child', `<bpmn:startEvent id="cs"/><bpmn:exclusiveGateway id="g" default="ok"/><bpmn:endEvent id="boom"><bpmn:errorEventDefinition errorRef="err"/></bpmn:endEvent>${userTask('childTask')}<bpmn:endEvent id="ce"/>
        ${flow('c1', 'cs', 'g')}${flow('bad', 'g', 'boom', '=gagal')}${flow('ok', 'g', 'childTask')}${flow('c2', 'childTask', 'ce')}`)));
    const id = engine.start('parent', { gagal: true });
    const failed = [...engine.instances.keys()].find((k) => k !== id)!;
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key, variables: { gagal: false } });
    const retried = childId(engine, id);
    expect(retried).to.not.equal(failed);
    expect(engine.state(failed).status).to.equal('failed');
    expect(active(engine, retried)).to.deep.equal(['childTask']);
    engine.completeTask(retried, 'childTask');
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given a child escalation it does not catch, when thrown, then the parent non-interrupting escalation boundary runs and the child goes on', async () => {
    const engine = await given(definitions(roots,
      processXml('parent', `<bpmn:startEvent id="s"/><bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>
        ${boundary('b', 'call', '<bpmn:escalationEventDefinition escalationRef="esc"/>', false)}${userTask('help')}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
        ${flow('f1', 's', 'call')}${flow('f2', 'call', 'e')}${flow('f3', 'b', 'help')}${flow('f4', 'help', 'e2')}`),
      child(`<bpmn:intermediateThrowEvent id="up"><bpmn:escalationEventDefinition escalationRef="esc"/></bpmn:intermediateThrowEvent>${userTask('childTask')}`,
        `${flow('c0', 'cs', 'up')}${flow('c1', 'up', 'childTask')}${flow('c2', 'childTask', 'ce')}`)));
    const id = engine.start('parent');
    expect(active(engine, id)).to.deep.equal(['call', 'help']);
    expect(active(engine, childId(engine, id))).to.deep.equal(['childTask']);
  });

  it('given a running child, when the parent instance is cancelled, then a call.cancel effect cancels the child and its task closes', async () => {
    const engine = await given(definitions(roots, parent(), child()));
    const id = engine.start('parent');
    const c = childId(engine, id);
    const call = elementKey(engine, id, 'call');
    const r = engine.send(id, { type: 'instance.cancel' });
    expect(effectsOf(r, 'call.cancel')).to.deep.equal([{ type: 'call.cancel', key: call, childInstanceId: c }]);
    expect(engine.state(c).status).to.equal('cancelled');
    expect(engine.openTasks()).to.have.length(0);
  });

  it('given a call activity interrupted by a boundary timer, when it fires, then the child is cancelled', async () => {
    const { timer } = await import('./support.js');
    const engine = await given(definitions(roots,
      processXml('parent', `<bpmn:startEvent id="s"/><bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child"/></bpmn:extensionElements></bpmn:callActivity>
        ${boundary('b', 'call', timer('duration', 'PT1H'))}<bpmn:endEvent id="e"/><bpmn:endEvent id="e2"/>
        ${flow('f1', 's', 'call')}${flow('f2', 'call', 'e')}${flow('f3', 'b', 'e2')}`), child()));
    const id = engine.start('parent');
    const c = childId(engine, id);
    engine.advance(3600_000);
    expect(engine.state(id).status).to.equal('completed');
    expect(engine.state(c).status).to.equal('cancelled');
  });

  it('given the call activity no longer waits, when a late call.complete arrives, then it is ignored', async () => {
    const engine = await given(definitions(roots, parent(), child()));
    const id = engine.start('parent');
    const key = elementKey(engine, id, 'call');
    engine.completeTask(childId(engine, id), 'childTask');
    const r = engine.send(id, { type: 'call.complete', key, variables: { again: true } });
    expect(r.ignored).to.contain('not waiting');
    expect(vars(engine, id)).to.not.have.property('again');
  });

  it('given a child that is terminated by a terminate end event, when it ends, then the parent continues as after a completion', async () => {
    const engine = await given(definitions(roots, parent(),
      processXml('child', `<bpmn:startEvent id="cs"/><bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent>${flow('c1', 'cs', 'stop')}`)));
    const id = engine.start('parent');
    expect(active(engine, id)).to.deep.equal(['after']);
    expect(historyOf(engine, id, 'element.completed').map((h) => h.elementId)).to.include('call');
  });

  it('given the business key of the parent, when the child starts, then the child shares it', async () => {
    const engine = await given(definitions(roots, parent(), child()));
    const id = engine.start('parent', {}, { businessKey: 'REG-9' });
    expect(engine.state(childId(engine, id)).businessKey).to.equal('REG-9');
  });

  it('given a parent path, when the child completes, then the call activity completes exactly once', async () => {
    const engine = await given(definitions(roots, parent(), child()));
    const id = engine.start('parent');
    engine.completeTask(childId(engine, id), 'childTask');
    engine.completeTask(id, 'after');
    expect(path(engine, id)).to.deep.equal(['s', 'call', 'after', 'e', 'parent']);
  });

  it('given a multi-instance call activity, when reached, then one child per item starts with its item, and the outputs are collected in order', async () => {
    const engine = await given(definitions(roots, processXml('parent', `
      <bpmn:startEvent id="s"/>
      <bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="child" propagateAllChildVariables="false"/><zeebe:ioMapping><zeebe:output source="=hasil" target="hasil"/></zeebe:ioMapping></bpmn:extensionElements>
        <bpmn:multiInstanceLoopCharacteristics><bpmn:extensionElements><zeebe:loopCharacteristics inputCollection="=berkas" inputElement="dok" outputCollection="semua" outputElement="=hasil"/></bpmn:extensionElements></bpmn:multiInstanceLoopCharacteristics>
      </bpmn:callActivity>${userTask('after')}<bpmn:endEvent id="e"/>
      ${flow('f1', 's', 'call')}${flow('f2', 'call', 'after')}${flow('f3', 'after', 'e')}`), child()));
    const id = engine.start('parent', { berkas: ['ktp', 'kk'] });
    const children = [...engine.instances.keys()].filter((k) => k !== id);
    expect(children).to.have.length(2);
    expect(children.map((c) => vars(engine, c).dok)).to.deep.equal(['ktp', 'kk']);
    engine.completeTask(children[1], 'childTask', { hasil: 'B' });
    engine.completeTask(children[0], 'childTask', { hasil: 'A' });
    expect(vars(engine, id).semua).to.deep.equal(['A', 'B']);
    expect(active(engine, id)).to.deep.equal(['after']);
  });

  it('given a running child, when the child itself is cancelled, then the parent call activity does not wait forever: it gets an incident', async () => {
    const engine = await given(definitions(roots, parent(), child()));
    const id = engine.start('parent');
    engine.send(childId(engine, id), { type: 'instance.cancel' });
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 'call', type: 'unhandled-error' });
  });
});

describe('call activity: nesting budget (issue 16)', () => {
  it('given a process calling itself through a FEEL id, when started, then children nest up to the budget and the call past it is a call-depth incident', async () => {
    const self = bpmn(`<bpmn:startEvent id="s"/><bpmn:callActivity id="call"><bpmn:extensionElements><zeebe:calledElement processId="=self"/></bpmn:extensionElements></bpmn:callActivity>
      <bpmn:endEvent id="e"/>${flow('f0', 's', 'call')}${flow('f1', 'call', 'e')}`);
    const engine = await given(self, { env: { maxCallDepth: 3 } });
    const root = engine.start('p', { self: 'p' });
    let id = root;
    for (let depth = 1; depth <= 3; depth++) {
      id = childId(engine, id);
      expect(engine.state(id).parent?.depth).to.equal(depth);
    }
    expect(incidentsOf(engine, id).map((i) => [i.elementId, i.type, i.message])).to.deep.equal([['call', 'call-depth', 'call would start p 4 calls deep; a case nests called processes at most 3 deep (ALUR_MAX_CALL_DEPTH)']]);
    expect(engine.state(id).els[elementKey(engine, id, 'call')].w).to.equal(undefined);
  });
});
