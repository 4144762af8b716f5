/** User task (zeebe:userTask): assignment, candidates, schedule, priority, form; completion and stale completions. */
import { expect } from 'chai';
import { InputRefused } from '../../engine/core/errors.js';
import { given, bpmn, flow, path, userTask, vars, effectsOf, historyOf, incidentsOf, elementKey, sendStale } from './support.js';

const oneTask = (ext: string) => bpmn(`<bpmn:startEvent id="s"/>${userTask('t', ext)}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`);

describe('user task', () => {
  it('given a user task, when the token arrives, then a task.open effect carries the spec and the token waits', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p');
    const [task] = engine.openTasks(id);
    expect(task.task).to.deep.equal({ elementId: 't', name: undefined, candidateGroups: [], candidateUsers: [], priority: 50 });
    expect(engine.state(id).els[task.key]).to.deep.include({ e: 't', s: 'waiting', w: { k: 'task' } });
  });

  it('given a literal assignee, when opened, then the task is assigned to that user', async () => {
    const engine = await given(oneTask('<zeebe:assignmentDefinition assignee="budi"/>'));
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task.assignee).to.equal('budi');
  });

  it('given a FEEL assignee, when opened, then it evaluates against the variables', async () => {
    const engine = await given(oneTask('<zeebe:assignmentDefinition assignee="=requester.manager"/>'));
    const id = engine.start('p', { requester: { manager: 'siti' } });
    expect(engine.openTasks(id)[0].task.assignee).to.equal('siti');
  });

  it('given a FEEL assignee that evaluates to null beside candidate groups, when opened, then the task is unassigned and offered to the groups', async () => {
    const engine = await given(oneTask('<zeebe:assignmentDefinition assignee="=nobody" candidateGroups="verifikator"/>'));
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task).to.not.have.property('assignee');
    expect(engine.openTasks(id)[0].task.candidateGroups).to.deep.equal(['verifikator']);
  });

  // A pack's signing subprocess started by hand without its variables once opened a task for the
  // group "null": no inbox listed it and the case stood still without an incident.
  for (const [what, assignment] of [
    ['an assignee', 'assignee="=penandatangan"'],
    ['candidate groups from a list of an unset variable', 'candidateGroups="=[penandatangan]"'],
    ['candidate users and groups', 'candidateUsers="=pemeriksa" candidateGroups="=penandatangan"'],
  ]) {
    it(`given ${what} that evaluate to nobody, when opened, then a no-assignee incident is raised instead of a task nobody can see; once set, resolving opens the task`, async () => {
      const engine = await given(oneTask(`<zeebe:assignmentDefinition ${assignment}/>`));
      const id = engine.start('p');
      expect(engine.openTasks(id)).to.have.length(0);
      const [incident] = incidentsOf(engine, id);
      expect(incident).to.include({ elementId: 't', type: 'no-assignee' });
      expect(incident.message).to.contain('nobody can work t');
      engine.send(id, { type: 'incident.resolve', key: incident.key, variables: { penandatangan: 'kepala-opd', pemeriksa: 'budi' } });
      expect(incidentsOf(engine, id)).to.have.length(0);
      expect(engine.openTasks(id)).to.have.length(1);
    });
  }

  it('given a FEEL list with a null among groups, when opened, then the null is nobody, never the group "null"', async () => {
    const engine = await given(oneTask('<zeebe:assignmentDefinition candidateGroups="=[penandatangan, &quot;sekretaris&quot;]"/>'));
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task.candidateGroups).to.deep.equal(['sekretaris']);
  });

  it('given candidate groups as a comma string, when opened, then they become a trimmed list', async () => {
    const engine = await given(oneTask('<zeebe:assignmentDefinition candidateGroups="kasi-pelayanan, camat ,sekcam"/>'));
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task.candidateGroups).to.deep.equal(['kasi-pelayanan', 'camat', 'sekcam']);
  });

  it('given candidate groups as a FEEL list, when opened, then they are that list', async () => {
    const engine = await given(oneTask('<zeebe:assignmentDefinition candidateGroups="=[&quot;a&quot;, &quot;b&quot;]"/>'));
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task.candidateGroups).to.deep.equal(['a', 'b']);
  });

  it('given candidate users from a variable list, when opened, then they are that list', async () => {
    const engine = await given(oneTask('<zeebe:assignmentDefinition candidateUsers="=reviewers"/>'));
    const id = engine.start('p', { reviewers: ['ani', 'joko'] });
    expect(engine.openTasks(id)[0].task.candidateUsers).to.deep.equal(['ani', 'joko']);
  });

  it('given candidate users as a comma string, when opened, then they are split', async () => {
    const engine = await given(oneTask('<zeebe:assignmentDefinition candidateUsers="ani,joko"/>'));
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task.candidateUsers).to.deep.equal(['ani', 'joko']);
  });

  it('given candidate groups evaluating to a number, when opened, then an expression incident is raised', async () => {
    const engine = await given(oneTask('<zeebe:assignmentDefinition candidateGroups="=42"/>'));
    const id = engine.start('p');
    expect(engine.openTasks(id)).to.have.length(0);
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 't', type: 'expression' });
  });

  it('given a FEEL due date, when opened, then the due date is an ISO instant', async () => {
    const engine = await given(oneTask('<zeebe:taskSchedule dueDate="=deadline" followUpDate="2026-02-01T08:00:00+07:00"/>'));
    const id = engine.start('p', { deadline: '2026-01-10T17:00:00Z' });
    const { task } = engine.openTasks(id)[0];
    expect(task.dueDate).to.equal('2026-01-10T17:00:00.000Z');
    expect(task.followUpDate).to.equal('2026-02-01T01:00:00.000Z');
  });

  it('given a due date computed with FEEL date arithmetic from now(), when opened, then it uses the step time', async () => {
    const engine = await given(oneTask('<zeebe:taskSchedule dueDate="=string(now() + duration(&quot;P3D&quot;))"/>'), { now: '2026-03-01T00:00:00.000Z' });
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task.dueDate).to.equal('2026-03-04T00:00:00.000Z');
  });

  it('given a due date that is not a date, when opened, then an expression incident is raised', async () => {
    const engine = await given(oneTask('<zeebe:taskSchedule dueDate="=label"/>'));
    const id = engine.start('p', { label: 'tomorrow' });
    expect(incidentsOf(engine, id)[0].message).to.contain('dueDate');
  });

  it('given a priority, when opened, then the task carries it', async () => {
    const engine = await given(oneTask('<zeebe:priorityDefinition priority="80"/>'));
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task.priority).to.equal(80);
  });

  it('given a FEEL priority out of range, when opened, then an expression incident is raised', async () => {
    const engine = await given(oneTask('<zeebe:priorityDefinition priority="=level * 100"/>'));
    const id = engine.start('p', { level: 3 });
    expect(incidentsOf(engine, id)[0].message).to.contain('priority');
  });

  it('given a form id, when opened, then the task carries it', async () => {
    const engine = await given(oneTask('<zeebe:formDefinition formId="form-ktp"/>'));
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task.formId).to.equal('form-ktp');
  });

  it('given a named task, when opened, then the task carries the name', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/><bpmn:userTask id="t" name="Verifikasi berkas"><bpmn:extensionElements><zeebe:userTask/></bpmn:extensionElements></bpmn:userTask><bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p');
    expect(engine.openTasks(id)[0].task.name).to.equal('Verifikasi berkas');
  });

  it('given an open task, when completed with variables, then they land in the process scope and the token moves on', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p', { a: 1 });
    const result = engine.completeTask(id, 't', { approved: true }, 'budi');
    expect(vars(engine, id)).to.deep.equal({ a: 1, approved: true });
    expect(path(engine, id)).to.deep.equal(['s', 't', 'e', 'p']);
    expect(effectsOf(result, 'task.close')).to.deep.equal([{ type: 'task.close', key: 3, reason: 'completed' }]);
    expect(historyOf(engine, id, 'task.completed')[0]).to.deep.include({ elementId: 't', key: 3, user: 'budi', data: { variables: { approved: true }, changes: [{ name: 'approved', new: true }] } });
  });

  it('given a completion that overwrites a variable, when completed, then the process variable is replaced', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p', { status: 'draft' });
    engine.completeTask(id, 't', { status: 'approved' });
    expect(vars(engine, id).status).to.equal('approved');
  });

  it('given a completed task, when the same task is completed again, then it is ignored as stale and the state is unchanged', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('t')}${userTask('next')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'next')}${flow('f3', 'next', 'e')}`));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'task.complete', key, variables: { x: 1 } });
    const before = JSON.stringify(engine.state(id));
    const again = engine.send(id, { type: 'task.complete', key, variables: { x: 2 } });
    expect(again.ignored).to.contain('not open');
    expect(again.effects).to.have.length(0);
    expect(again.history.map((h) => ({ type: h.type, input: h.data?.input, reason: h.data?.reason, code: typeof h.data?.code }))).to.deep.equal([{ type: 'input.ignored', input: 'task.complete', reason: again.ignored, code: 'string' }]);
    expect(JSON.stringify(engine.state(id))).to.equal(before);
    expect(vars(engine, id).x).to.equal(1);
  });

  it('given a task key that never existed, when completed, then it is ignored and the open task stays', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p');
    sendStale(engine, id, { type: 'task.complete', key: 999 }, /task 999 is not open/);
    expect(engine.openTasks(id).map((t) => t.task.elementId)).to.deep.equal(['t']);
  });

  it('given variables that are not an object, when completing, then the input is refused as invalid and the task stays open', async () => {
    const engine = await given(oneTask(''));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    expect(() => engine.send(id, { type: 'task.complete', key, variables: [1, 2] as never })).to.throw(InputRefused, 'variables must be an object');
    expect(engine.openTasks(id)).to.have.length(1);
  });

  it('given input mappings on the task, when opened, then the task scope holds them as local variables', async () => {
    const engine = await given(oneTask('<zeebe:ioMapping><zeebe:input source="=applicant.name" target="who"/></zeebe:ioMapping>'));
    const id = engine.start('p', { applicant: { name: 'Ani' } });
    const key = elementKey(engine, id, 't');
    expect(engine.state(id).els[key].v).to.deep.equal({ who: 'Ani' });
    engine.completeTask(id, 't');
    expect(vars(engine, id)).to.not.have.property('who');
  });

  it('given output mappings, when completed, then only the mapped variables reach the process', async () => {
    const engine = await given(oneTask('<zeebe:ioMapping><zeebe:output source="=decision = &quot;ok&quot;" target="approved"/></zeebe:ioMapping>'));
    const id = engine.start('p');
    engine.completeTask(id, 't', { decision: 'ok', noise: 1 });
    expect(vars(engine, id)).to.deep.equal({ approved: true });
  });
});
