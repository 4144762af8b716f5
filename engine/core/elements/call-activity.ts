/**
 * callActivity (zeebe:calledElement): starts a child instance of another process and waits for
 * it. The child gets the parent's variables (propagateAllParentVariables) or only the mapped
 * inputs; its result comes back with call.complete, or its uncaught error with call.fail.
 */
import type { Behaviour } from './behaviour.js';
import { ExpressionFailure } from '../runtime.js';

export const callActivity: Behaviour = {
  activate(rt, key) {
    const inst = rt.mustInst(key);
    const def = rt.el(inst.e);
    const called = def.called!;
    const processId = rt.evalExpr(called.processId, key);
    if (typeof processId !== 'string' || processId === '') throw new ExpressionFailure(`called process of ${def.id} must be a process id, got ${JSON.stringify(processId)}`, 'called-process');
    // A process calling itself through a FEEL id (deployment refuses literal self-calls) would start
    // children until the host gave up: the case's nesting has a budget, and the call past it waits here.
    const depth = (rt.state.parent?.depth ?? 0) + 1;
    if (depth > rt.maxCallDepth) {
      throw new ExpressionFailure(`${def.id} would start ${processId} ${depth} calls deep; a case nests called processes at most ${rt.maxCallDepth} deep (ALUR_MAX_CALL_DEPTH)`, 'call-depth', { element: def.id, process: processId, depth, max: rt.maxCallDepth });
    }
    const variables = called.propagateAllParentVariables ? rt.visible(key) : { ...inst.v };
    // A key of its own: a call retried after an incident starts a new child, never reusing the failed one's id.
    const child = `${rt.state.id}-${rt.newKey()}`;
    inst.s = 'waiting';
    inst.w = { k: 'call', child };
    rt.emit({ type: 'call.start', key, childInstanceId: child, processId, variables, ...(rt.state.businessKey ? { businessKey: rt.state.businessKey } : {}), depth });
  },
};
