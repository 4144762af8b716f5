/** Service, send and business-rule tasks with zeebe:taskDefinition: job effects, retries, incidents, BPMN errors. */
import { expect } from 'chai';
import { given, bpmn, bpmnWith, flow, path, serviceTask, userTask, vars, effectsOf, historyOf, incidentsOf, elementKey, active, boundary, timer } from './support.js';

const oneJob = (retries?: number, extra = '') => bpmn(`<bpmn:startEvent id="s"/>${serviceTask('t', 'kirim-surat', retries, extra)}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`);

describe('service task (jobs)', () => {
  it('given a service task, when the token arrives, then exactly one job.enqueue effect names the job and carries no variables', async () => {
    const engine = await given(oneJob(5, '<zeebe:taskHeaders><zeebe:header key="template" value="sk-01"/></zeebe:taskHeaders>'));
    const id = engine.start('p', { nik: '3374000000000001' });
    const key = elementKey(engine, id, 't');
    const enq = engine.jobs.filter((j) => j.instanceId === id);
    expect(enq).to.have.length(1);
    expect(enq[0]).to.include({ key, attempt: 1, type: 'kirim-surat', elementId: 't', retries: 5 });
    expect(enq[0].headers).to.deep.equal({ template: 'sk-01' });
    expect(engine.state(id).els[key].w).to.deep.equal({ k: 'job', type: 'kirim-surat', retries: 5, attempt: 1, headers: { template: 'sk-01' } });
  });

  it('given the job.enqueue effect, then it has exactly the documented fields (no personal data)', async () => {
    const engine = await given(oneJob(2));
    const id = engine.start('p', { nik: '3374000000000001' });
    const key = elementKey(engine, id, 't');
    const r = engine.send(id, { type: 'job.fail', key, message: 'x', retries: 1 });
    expect(effectsOf(r, 'job.enqueue')).to.deep.equal([{ type: 'job.enqueue', key, attempt: 2, elementId: 't', jobType: 'kirim-surat', retries: 1, headers: {} }]);
    expect(JSON.stringify(r.effects)).to.not.contain('3374');
  });

  it('given no retries attribute, when enqueued, then the job gets 3 retries', async () => {
    const engine = await given(oneJob());
    engine.start('p');
    expect(engine.jobs[0].retries).to.equal(3);
  });

  it('given a FEEL job type, when the token arrives, then the type is evaluated', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${serviceTask('t', '=&quot;notify-&quot; + channel')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    engine.start('p', { channel: 'sms' });
    expect(engine.jobs[0].type).to.equal('notify-sms');
  });

  it('given a FEEL job type that is not a string, when the token arrives, then an expression incident is raised and no job is enqueued', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${serviceTask('t', '=channel')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p');
    expect(engine.jobs).to.have.length(0);
    expect(incidentsOf(engine, id)[0]).to.include({ elementId: 't', type: 'expression' });
  });

  it('given a waiting job, when it completes with variables, then they propagate and the token moves on', async () => {
    const engine = await given(oneJob(), { handlers: { 'kirim-surat': () => ({ nomorSurat: '001/2026' }) } });
    const id = engine.start('p');
    engine.runJobs();
    expect(vars(engine, id)).to.deep.equal({ nomorSurat: '001/2026' });
    expect(path(engine, id)).to.deep.equal(['s', 't', 'e', 'p']);
    expect(historyOf(engine, id, 'job.completed')).to.have.length(1);
  });

  it('given retries 3, when attempts fail, then each failure re-enqueues with the next attempt and the retries left', async () => {
    const engine = await given(oneJob(3));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    const r1 = engine.send(id, { type: 'job.fail', key, message: 'smtp down', retries: 2, backoffMs: 500 });
    expect(effectsOf(r1, 'job.enqueue')).to.deep.equal([{ type: 'job.enqueue', key, attempt: 2, elementId: 't', jobType: 'kirim-surat', retries: 2, headers: {}, delayMs: 500 }]);
    const r2 = engine.send(id, { type: 'job.fail', key, message: 'smtp down', retries: 1 });
    expect(effectsOf(r2, 'job.enqueue')[0]).to.include({ attempt: 3, retries: 1 });
    expect(historyOf(engine, id, 'job.failed').map((h) => h.data!.retries)).to.deep.equal([2, 1]);
  });

  it('given one attempt delivered twice, when both deliveries fail, then only one retry is used up and the second failure is ignored', async () => {
    const engine = await given(oneJob(3));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'job.fail', key, attempt: 1, message: 'timeout', retries: 2 });
    const again = engine.send(id, { type: 'job.fail', key, attempt: 1, message: 'timeout', retries: 2 });
    expect(again.ignored).to.match(/attempt 1 is not the current attempt 2/);
    expect(effectsOf(again, 'job.enqueue')).to.have.length(0);
    expect(engine.state(id).els[key].w).to.include({ k: 'job', retries: 2, attempt: 2 });
  });

  it('given the last retry fails, when retries reach 0, then a job incident opens and nothing is enqueued', async () => {
    const engine = await given(oneJob(1));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    const r = engine.send(id, { type: 'job.fail', key, message: 'smtp down', retries: 0 });
    expect(effectsOf(r, 'job.enqueue')).to.have.length(0);
    const [open] = effectsOf(r, 'incident.open');
    expect(open).to.include({ elementId: 't', incidentType: 'job', message: 'smtp down' });
    expect(engine.state(id).els[key].inc).to.deep.equal({ key: open.key, type: 'job', message: 'smtp down', retry: 'job' });
  });

  it('given negative retries on job.fail, when handled, then they count as 0', async () => {
    const engine = await given(oneJob(1));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'job.fail', key, message: 'bad', retries: -3 });
    expect(incidentsOf(engine, id)).to.have.length(1);
  });

  it('given a handler that always throws, when jobs run over time, then retries count down to an incident', async () => {
    const engine = await given(oneJob(3), { handlers: { 'kirim-surat': () => { throw new Error('boom'); } } });
    const id = engine.start('p');
    engine.advance(10_000);
    expect(historyOf(engine, id, 'job.failed').map((h) => h.data!.retries)).to.deep.equal([2, 1, 0]);
    expect(incidentsOf(engine, id)).to.have.length(1);
    expect(engine.jobs).to.have.length(0);
  });

  it('given a job incident, when resolved with new retries, then the job is enqueued again and the incident closes', async () => {
    const engine = await given(oneJob(1));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'job.fail', key, message: 'down', retries: 0 });
    const [incident] = incidentsOf(engine, id);
    const r = engine.send(id, { type: 'incident.resolve', key: incident.key, retries: 2, user: 'admin' });
    expect(effectsOf(r, 'incident.close')).to.deep.equal([{ type: 'incident.close', key: incident.key }]);
    expect(effectsOf(r, 'job.enqueue')[0]).to.include({ key, attempt: 2, retries: 2 });
    expect(engine.state(id).els[key].inc).to.equal(undefined);
    expect(historyOf(engine, id, 'incident.resolved')[0]).to.deep.include({ user: 'admin' });
  });

  it('given a job incident resolved without retries, when re-enqueued, then the modelled retries are used', async () => {
    const engine = await given(oneJob(4));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'job.fail', key, message: 'down', retries: 0 });
    const r = engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key });
    expect(effectsOf(r, 'job.enqueue')[0].retries).to.equal(4);
  });

  it('given a resolved job incident, when the job then completes, then the instance finishes', async () => {
    const engine = await given(oneJob(1));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'job.fail', key, message: 'down', retries: 0 });
    engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key });
    engine.send(id, { type: 'job.complete', key });
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given an open job incident, when a late job.complete arrives, then it is ignored', async () => {
    const engine = await given(oneJob(1));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'job.fail', key, message: 'down', retries: 0 });
    const r = engine.send(id, { type: 'job.complete', key });
    expect(r.ignored).to.contain('not active');
    expect(engine.state(id).status).to.equal('active');
  });

  it('given an incident key that is not open, when resolved, then the input is ignored', async () => {
    const engine = await given(oneJob(1));
    const id = engine.start('p');
    expect(engine.send(id, { type: 'incident.resolve', key: 77 }).ignored).to.contain('incident 77');
  });

  it('given a job.error with an error boundary for its code, when thrown, then the job is cancelled and the boundary path runs', async () => {
    const engine = await given(bpmnWith('<bpmn:error id="err" errorCode="NIK_INVALID"/>', `
      <bpmn:startEvent id="s"/>${serviceTask('t', 'cek-nik')}<bpmn:endEvent id="e"/>
      <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
      ${userTask('fix')}
      ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'fix')}${flow('f4', 'fix', 'e')}`));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    const r = engine.send(id, { type: 'job.error', key, errorCode: 'NIK_INVALID', message: 'checksum' });
    expect(effectsOf(r, 'job.cancel')).to.deep.equal([{ type: 'job.cancel', key }]);
    expect(engine.openTasks(id).map((t) => t.task.elementId)).to.deep.equal(['fix']);
    expect(historyOf(engine, id, 'error.thrown')[0].data).to.deep.equal({ code: 'NIK_INVALID', caught: true, message: 'checksum' });
  });

  it('given a job.error with a code nothing catches, when thrown, then an unhandled-error incident opens at the task', async () => {
    const engine = await given(oneJob());
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'job.error', key, errorCode: 'OOPS' });
    const [incident] = incidentsOf(engine, id);
    expect(incident).to.include({ elementId: 't', type: 'unhandled-error' });
    expect(incident.message).to.contain('OOPS');
  });

  it('given a handler throwing a BPMN error, when the job runs, then the error boundary catches it', async () => {
    const engine = await given(bpmnWith('<bpmn:error id="err" errorCode="REJECT"/>', `
      <bpmn:startEvent id="s"/>${serviceTask('t', 'cek')}<bpmn:endEvent id="ok"/><bpmn:endEvent id="rejected"/>
      <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
      ${flow('f1', 's', 't')}${flow('f2', 't', 'ok')}${flow('f3', 'b', 'rejected')}`), { handlers: { cek: () => { throw { bpmnError: 'REJECT' }; } } });
    const id = engine.start('p');
    engine.runJobs();
    expect(path(engine, id)).to.deep.equal(['s', 'b', 'rejected', 'p']);
  });

  it('given a job cancelled by an interrupting timer boundary, when the late job.complete arrives, then it is ignored and nothing changes', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>${serviceTask('t', 'lambat')}<bpmn:endEvent id="e"/>
      ${boundary('timeout', 't', timer('duration', 'PT5M'))}
      ${userTask('manual')}
      ${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'timeout', 'manual')}${flow('f4', 'manual', 'e')}`));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.advance(5 * 60_000);
    expect(engine.jobs).to.have.length(0);
    const before = JSON.stringify(engine.state(id));
    const r = engine.send(id, { type: 'job.complete', key, variables: { late: true } });
    expect(r.ignored).to.be.a('string');
    expect(r.effects).to.have.length(0);
    expect(JSON.stringify(engine.state(id))).to.equal(before);
    expect(historyOf(engine, id, 'input.ignored')).to.have.length(1);
  });

  it('given a completed job, when job.fail arrives for it, then it is ignored', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${serviceTask('t', 'x')}${userTask('u')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'u')}${flow('f3', 'u', 'e')}`));
    const id = engine.start('p');
    const key = elementKey(engine, id, 't');
    engine.send(id, { type: 'job.complete', key });
    expect(engine.send(id, { type: 'job.fail', key, message: 'x', retries: 1 }).ignored).to.be.a('string');
    expect(engine.send(id, { type: 'job.error', key, errorCode: 'E' }).ignored).to.be.a('string');
    expect(active(engine, id)).to.deep.equal(['u']);
  });

  it('given a send task and a business rule task with job definitions, when reached, then each enqueues a job', async () => {
    const engine = await given(bpmn(`
      <bpmn:startEvent id="s"/>
      <bpmn:sendTask id="send"><bpmn:extensionElements><zeebe:taskDefinition type="email"/></bpmn:extensionElements></bpmn:sendTask>
      <bpmn:businessRuleTask id="rule"><bpmn:extensionElements><zeebe:taskDefinition type="dmn"/></bpmn:extensionElements></bpmn:businessRuleTask>
      <bpmn:endEvent id="e"/>${flow('f1', 's', 'send')}${flow('f2', 'send', 'rule')}${flow('f3', 'rule', 'e')}`), { handlers: { email: () => ({ sent: true }), dmn: () => ({ fee: 0 }) } });
    const id = engine.start('p');
    expect(engine.jobs.map((j) => j.type)).to.deep.equal(['email']);
    engine.runJobs();
    expect(vars(engine, id)).to.deep.equal({ sent: true, fee: 0 });
    expect(engine.state(id).status).to.equal('completed');
  });

  it('given output mappings on a service task, when the job completes, then only mapped variables propagate', async () => {
    const engine = await given(oneJob(3, '<zeebe:ioMapping><zeebe:output source="=response.body.id" target="ticketId"/></zeebe:ioMapping>'), { handlers: { 'kirim-surat': () => ({ response: { body: { id: 'T-9' } } }) } });
    const id = engine.start('p');
    engine.runJobs();
    expect(vars(engine, id)).to.deep.equal({ ticketId: 'T-9' });
  });

  it('given input mappings on a service task, when the job runs, then the worker sees them with the process variables', async () => {
    let seen: Record<string, unknown> = {};
    const engine = await given(oneJob(3, '<zeebe:ioMapping><zeebe:input source="=upper case(kota)" target="city"/></zeebe:ioMapping>'), { handlers: { 'kirim-surat': (_job, v) => { seen = v; } } });
    engine.start('p', { kota: 'semarang' });
    engine.runJobs();
    expect(seen).to.deep.equal({ kota: 'semarang', city: 'SEMARANG' });
  });

  it('given retries given as FEEL, when a job incident is resolved without a count, then the modelled FEEL value is used again', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${serviceTask('t', 'x')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`.replace('type="x"', 'type="x" retries="=maxCoba"')));
    const id = engine.start('p', { maxCoba: 7 });
    const key = elementKey(engine, id, 't');
    expect(engine.jobs[0].retries).to.equal(7);
    engine.send(id, { type: 'job.fail', key, message: 'down', retries: 0 });
    const r = engine.send(id, { type: 'incident.resolve', key: incidentsOf(engine, id)[0].key });
    expect(effectsOf(r, 'job.enqueue')[0].retries).to.equal(7);
  });

  it('given a job.error carrying variables, when an error boundary catches it, then the variables arrive with the boundary path', async () => {
    const engine = await given(bpmnWith('<bpmn:error id="err" errorCode="NIK_INVALID"/>', `
      <bpmn:startEvent id="s"/>${serviceTask('t', 'cek-nik')}<bpmn:endEvent id="e"/>
      <bpmn:boundaryEvent id="b" attachedToRef="t"><bpmn:errorEventDefinition errorRef="err"/></bpmn:boundaryEvent>
      ${userTask('fix')}${flow('f1', 's', 't')}${flow('f2', 't', 'e')}${flow('f3', 'b', 'fix')}${flow('f4', 'fix', 'e')}`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 't'), errorCode: 'NIK_INVALID', variables: { alasan: 'checksum salah' } });
    expect(vars(engine, id)).to.deep.equal({ alasan: 'checksum salah' });
    expect(active(engine, id)).to.deep.equal(['fix']);
  });

  it('given a job.error carrying variables, when an error event subprocess catches it, then the variables are set in its scope', async () => {
    const engine = await given(bpmnWith('<bpmn:error id="err" errorCode="X"/>', `
      <bpmn:startEvent id="s"/>${serviceTask('t', 'cek')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}
      <bpmn:subProcess id="esp" triggeredByEvent="true"><bpmn:startEvent id="es"><bpmn:errorEventDefinition errorRef="err"/></bpmn:startEvent>${userTask('handle')}<bpmn:endEvent id="ee"/>
        ${flow('g1', 'es', 'handle')}${flow('g2', 'handle', 'ee')}</bpmn:subProcess>`));
    const id = engine.start('p');
    engine.send(id, { type: 'job.error', key: elementKey(engine, id, 't'), errorCode: 'X', variables: { kode: 42 } });
    expect(vars(engine, id)).to.deep.equal({ kode: 42 });
    expect(active(engine, id)).to.deep.equal(['esp', 'handle']);
  });
});
