/**
 * Input handlers: each checks that its input still applies (else it is ignored, with a reason —
 * a late timer, a second completion) and moves the affected tokens. step.ts drains the agenda after.
 */
import type { Input } from './inputs.js';
import { ExpressionFailure, type Runtime } from './runtime.js';
import { ROOT_KEY } from './state.js';
import { checkScope, completeElement, enter, finishInstance } from './flow.js';
import { openRootListeners } from './subscriptions.js';
import { enqueue } from './elements/job-task.js';
import { throwError, throwEscalation } from './throw.js';
import { trigger } from './triggers.js';
import { findIncident, raiseIncident } from './incidents.js';
import { checkVariables, noteChange, propagate, type VariableChange } from './variables.js';
import { modify } from './modify.js';
import { migrate } from './migrate.js';
import { replanDeadlines } from './replan.js';
import { ignored, type Ignored } from './ignored.js';

/** Returns why, when the input no longer applies (a code and params, and English for logs); undefined when it was applied. */
export function handle(rt: Runtime, input: Exclude<Input, { type: 'instance.start' }>): Ignored | undefined {
  switch (input.type) {
    case 'task.complete': {
      const inst = rt.inst(input.key);
      if (inst?.w?.k !== 'task') return ignored('task-not-open', { key: input.key, instance: rt.state.id }, `task ${input.key} is not open (instance ${rt.state.id})`);
      const vars = checkVariables(input.variables);
      delete inst.w;
      inst.s = 'active';
      rt.emit({ type: 'task.close', key: input.key, reason: 'completed' });
      const changes: VariableChange[] = [];
      rt.log({ type: 'task.completed', elementId: inst.e, key: input.key, user: input.user, data: { variables: vars ?? {}, changes } });
      // The entry stays first in the step's history; the completion fills in `changes` with what
      // actually landed (after output mappings, in the scope each name lives in). An incident on
      // the output mappings leaves it empty: nothing changed.
      completeElement(rt, input.key, { vars, changes });
      return undefined;
    }
    case 'job.complete': {
      const inst = rt.inst(input.key);
      if (inst?.w?.k !== 'job' || inst.inc) return ignored('job-not-active', { key: input.key, instance: rt.state.id }, `job ${input.key} is not active (instance ${rt.state.id})`);
      delete inst.w;
      inst.s = 'active';
      rt.log({ type: 'job.completed', elementId: inst.e, key: input.key });
      for (const r of input.records ?? []) rt.log({ type: r.type, elementId: inst.e, key: input.key, user: r.user, data: r.data });
      completeElement(rt, input.key, { vars: checkVariables(input.variables) });
      return undefined;
    }
    case 'job.fail': {
      const inst = rt.inst(input.key);
      if (inst?.w?.k !== 'job' || inst.inc) return ignored('job-not-active', { key: input.key, instance: rt.state.id }, `job ${input.key} is not active (instance ${rt.state.id})`);
      // Two deliveries of one attempt failing together must use up one retry, not two.
      if (input.attempt !== undefined && input.attempt !== inst.w.attempt) return ignored('job-attempt', { key: input.key, attempt: input.attempt, current: inst.w.attempt, instance: rt.state.id }, `job ${input.key} attempt ${input.attempt} is not the current attempt ${inst.w.attempt} (instance ${rt.state.id})`);
      const retries = Math.max(0, Math.floor(input.retries));
      inst.w.retries = retries;
      // Alur's own failures carry their text's kind and numbers (params), so the history reads in the reader's language.
      rt.log({ type: 'job.failed', elementId: inst.e, key: input.key, data: { message: input.message, retries, ...(input.params ? { params: input.params } : {}) } });
      if (retries > 0) {
        inst.w.attempt++;
        enqueue(rt, input.key, input.backoffMs);
      } else {
        const incidentKey = rt.newKey();
        inst.inc = { key: incidentKey, type: 'job', message: input.message, retry: 'job', ...(input.params ? { p: input.params } : {}) };
        rt.emit({ type: 'incident.open', key: incidentKey, elementId: inst.e, incidentType: 'job', message: input.message, ...(input.params ? { params: input.params } : {}) });
        rt.log({ type: 'incident.raised', elementId: inst.e, key: input.key, data: { incident: incidentKey, type: 'job', message: input.message, ...(input.params ? { params: input.params } : {}) } });
      }
      return undefined;
    }
    case 'job.error': {
      const inst = rt.inst(input.key);
      if (inst?.w?.k !== 'job' || inst.inc) return ignored('job-not-active', { key: input.key, instance: rt.state.id }, `job ${input.key} is not active (instance ${rt.state.id})`);
      rt.log({ type: 'job.error', elementId: inst.e, key: input.key, data: { code: input.errorCode } });
      throwError(rt, input.key, input.errorCode, input.message, checkVariables(input.variables));
      return undefined;
    }
    case 'timer.fire':
    case 'message.correlate':
    case 'signal.receive': {
      const sub = rt.state.subs?.[input.key];
      const kind = input.type === 'timer.fire' ? 'timer' : input.type === 'message.correlate' ? 'message' : 'signal';
      if (!sub || sub.kind !== kind) return ignored('subscription-closed', { kind, key: input.key, instance: rt.state.id }, `${kind} subscription ${input.key} is no longer open (instance ${rt.state.id})`);
      // A message or signal delivered under another name was routed to the wrong subscription: it changes nothing.
      if (input.type !== 'timer.fire' && input.name !== sub.name) return ignored('name-mismatch', { kind, name: String(input.name), key: input.key, expected: String(sub.name) }, `${kind} ${JSON.stringify(input.name)} does not match subscription ${input.key} (${JSON.stringify(sub.name)})`);
      trigger(rt, input.key, input.type === 'timer.fire' ? undefined : checkVariables(input.variables));
      return undefined;
    }
    case 'call.complete': {
      const inst = rt.inst(input.key);
      if (inst?.w?.k !== 'call') return ignored('call-not-waiting', { key: input.key, instance: rt.state.id }, `call ${input.key} is not waiting (instance ${rt.state.id})`);
      const def = rt.el(inst.e);
      delete inst.w;
      inst.s = 'active';
      const vars = def.outputs?.length || def.called?.propagateAllChildVariables !== false ? checkVariables(input.variables) : undefined;
      completeElement(rt, input.key, { vars });
      return undefined;
    }
    case 'call.fail': {
      const inst = rt.inst(input.key);
      if (inst?.w?.k !== 'call') return ignored('call-not-waiting', { key: input.key, instance: rt.state.id }, `call ${input.key} is not waiting (instance ${rt.state.id})`);
      delete inst.w;
      throwError(rt, input.key, input.errorCode ?? '', input.message);
      return undefined;
    }
    case 'call.escalate': {
      const inst = rt.inst(input.key);
      if (inst?.w?.k !== 'call') return ignored('call-not-waiting', { key: input.key, instance: rt.state.id }, `call ${input.key} is not waiting (instance ${rt.state.id})`);
      throwEscalation(rt, input.key, input.code);
      return undefined;
    }
    case 'instance.cancel':
      finishInstance(rt, 'cancelled');
      return undefined;
    case 'incident.resolve': {
      const key = findIncident(rt, input.key);
      if (key === undefined) return ignored('incident-not-open', { key: input.key, instance: rt.state.id }, `incident ${input.key} is not open (instance ${rt.state.id})`);
      const inst = rt.mustInst(key);
      const inc = inst.inc!;
      const fix = checkVariables(input.variables);
      delete inst.inc;
      inst.s = inst.w ? 'waiting' : 'active';
      rt.emit({ type: 'incident.close', key: inc.key });
      rt.log({ type: 'incident.resolved', elementId: inst.e, key, user: input.user, data: { incident: inc.key } });
      // The fix lands where each name is defined (the element's own inputs included), else in the process.
      if (fix) propagate(rt, key, fix);
      if (inc.retry === 'job' && inst.w?.k === 'job') {
        inst.w.retries = input.retries ?? modelledRetries(rt, key);
        inst.w.attempt++;
        enqueue(rt, key);
      } else if (inc.retry === 'complete') completeElement(rt, key);
      else if (key === ROOT_KEY) {
        openRootListeners(rt);
        checkScope(rt, ROOT_KEY);
      }
      else enter(rt, key);
      return undefined;
    }
    case 'incident.dismiss': {
      const key = findIncident(rt, input.key);
      if (key === undefined) return ignored('incident-not-open', { key: input.key, instance: rt.state.id }, `incident ${input.key} is not open (instance ${rt.state.id})`);
      const inst = rt.mustInst(key);
      const inc = inst.inc!;
      // The element keeps waiting where it stopped (state 'waiting', its wait as it was): nothing
      // re-runs, so only a modification or a cancel moves it on.
      delete inst.inc;
      rt.emit({ type: 'incident.close', key: inc.key });
      rt.log({ type: 'incident.resolved', elementId: inst.e, key, user: input.user, data: { incident: inc.key, rerun: false } });
      return undefined;
    }
    case 'deadlines.replan':
      return because('nothing-replanned', replanDeadlines(rt), rt);
    case 'incident.raise': {
      const key = rt.state.subs?.[input.key]?.o ?? input.key;
      const inst = rt.inst(key);
      if (!inst || inst.inc) return ignored('element-gone', { key: input.key, instance: rt.state.id }, `element instance ${input.key} is gone or already has an incident (instance ${rt.state.id})`);
      raiseIncident(rt, key, input.incidentType, input.message, 'activate', input.params);
      return undefined;
    }
    case 'instance.migrate':
      return because('migrate-refused', migrate(rt, input.target, input.mappings, input.user, input.versions), rt);
    case 'instance.modify':
      return because('modify-refused', modify(rt, { terminate: input.terminate, activate: input.activate?.map((a) => ({ ...a, variables: checkVariables(a.variables) })) }, input.user), rt);
    case 'variables.set': {
      const vars = checkVariables(input.variables) ?? {};
      const names = Object.keys(vars);
      if (!names.length) return ignored('no-variables', { instance: rt.state.id }, `no variables to set (instance ${rt.state.id})`);
      const root = rt.mustInst(ROOT_KEY);
      const changes: VariableChange[] = [];
      for (const name of names) noteChange(changes, ROOT_KEY, root.v, name, vars[name]);
      root.v = { ...root.v, ...vars };
      // Old and new values stay in the case's own history (read like the case); never in logs.
      rt.log({ type: 'variables.changed', elementId: rt.state.processId, key: ROOT_KEY, user: input.user, data: { names, changes, ...(input.reason ? { reason: input.reason } : {}) } });
      return undefined;
    }
  }
}

/** A reason some part of the core gave as a short language-free string ("Periksa: active-no-mapping"), under its code. */
function because(code: 'nothing-replanned' | 'modify-refused' | 'migrate-refused', reason: string | undefined, rt: Runtime): Ignored | undefined {
  return reason === undefined ? undefined : ignored(code, { instance: rt.state.id, detail: reason }, reason);
}

/** The retries the model gives a job (a FEEL value included), for an incident resolved without a count. */
function modelledRetries(rt: Runtime, key: number): number {
  let n: number;
  try {
    n = Number(rt.evalExpr(rt.el(rt.mustInst(key).e).job?.retries, key) ?? 3);
  } catch (err) {
    if (!(err instanceof ExpressionFailure)) throw err;
    return 3;
  }
  return Number.isInteger(n) && n > 0 ? n : 3;
}
