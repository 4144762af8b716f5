/**
 * The Camunda 8 (zeebe:) extensions of activities → model parts: jobs, user tasks, scripts,
 * call activities, io mappings and loops. Literal vs FEEL follows the `=` marker (see expr.ts).
 */
import type { ElementDef, IoMapping, JobDef, MultiInstanceDef, StandardLoopDef, UserTaskDef } from '../../core/model.js';
import { bodyOf, extension, extensions, type Node, type RuleContext } from '../rules/util.js';
import { feelSource, optionalExpr, toExpr } from './expr.js';

export function mapJob(node: Node): JobDef | undefined {
  const def = extension(node, 'zeebe:TaskDefinition');
  if (!def) return undefined;
  const headers: Record<string, string> = {};
  for (const header of (extension(node, 'zeebe:TaskHeaders')?.values ?? []) as Node[]) {
    if (header.key !== undefined) headers[header.key] = header.value ?? '';
  }
  return { type: toExpr(def.type ?? ''), retries: toExpr(def.retries ?? '3', true), headers };
}

export function mapUserTask(node: Node): UserTaskDef {
  const assignment = extension(node, 'zeebe:AssignmentDefinition');
  const schedule = extension(node, 'zeebe:TaskSchedule');
  const priority = extension(node, 'zeebe:PriorityDefinition');
  const form = extension(node, 'zeebe:FormDefinition');
  const def: UserTaskDef = {};
  const set = <K extends keyof UserTaskDef>(key: K, value: UserTaskDef[K] | undefined) => { if (value !== undefined) def[key] = value; };
  set('assignee', optionalExpr(assignment?.assignee));
  set('candidateGroups', optionalExpr(assignment?.candidateGroups));
  set('candidateUsers', optionalExpr(assignment?.candidateUsers));
  set('dueDate', optionalExpr(schedule?.dueDate));
  set('followUpDate', optionalExpr(schedule?.followUpDate));
  set('priority', optionalExpr(priority?.priority === undefined ? undefined : String(priority.priority), true));
  set('formId', form?.formId ?? form?.formKey ?? undefined);
  set('extra', alurExtra(node));
  return def;
}

/** Alur's own metadata (SLA in working days, legal basis, service-standard properties). */
export function alurExtra(node: Node): Record<string, string> | undefined {
  const extra: Record<string, string> = {};
  const sla = extension(node, 'alur:Sla');
  if (sla?.workingDays !== undefined) extra.slaWorkingDays = sla.workingDays;
  if (sla?.calendar !== undefined) extra.slaCalendar = sla.calendar;
  const legal = extension(node, 'alur:LegalBasis');
  const legalText = legal?.reference ?? legal?.text?.trim();
  if (legalText) extra.legalBasis = legalText;
  for (const property of extensions(node, 'alur:Property')) {
    if (property.name) extra[property.name] = property.value ?? '';
  }
  return Object.keys(extra).length > 0 ? extra : undefined;
}

export function mapIo(node: Node): { inputs?: IoMapping[]; outputs?: IoMapping[] } {
  const io = extension(node, 'zeebe:IoMapping');
  if (!io) return {};
  const map = (list: Node[] | undefined): IoMapping[] =>
    (list ?? []).map((p) => ({ source: toExpr(p.source ?? '=null'), target: p.target ?? '' }));
  const inputs = map(io.inputParameters);
  const outputs = map(io.outputParameters);
  return { ...(inputs.length ? { inputs } : {}), ...(outputs.length ? { outputs } : {}) };
}

export function mapScript(node: Node): ElementDef['script'] {
  const script = extension(node, 'zeebe:Script');
  if (!script?.expression) return undefined;
  return { expression: feelSource(script.expression), resultVariable: script.resultVariable ?? '' };
}

export function mapCalled(node: Node): ElementDef['called'] {
  const called = extension(node, 'zeebe:CalledElement');
  const processId = called?.processId ?? node.calledElement;
  if (!processId) return undefined;
  return {
    processId: toExpr(processId),
    propagateAllChildVariables: called?.propagateAllChildVariables ?? true,
    propagateAllParentVariables: called?.propagateAllParentVariables ?? true,
  };
}

export function mapMultiInstance(node: Node, ctx: RuleContext): MultiInstanceDef | undefined {
  const mi = node.loopCharacteristics;
  if (mi?.$type !== 'bpmn:MultiInstanceLoopCharacteristics') return undefined;
  const zeebe = extension(mi, 'zeebe:LoopCharacteristics');
  const def: MultiInstanceDef = { sequential: !!mi.isSequential };
  const feel = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : feelSource(text));
  const put = (key: keyof MultiInstanceDef, value: string | undefined) => { if (value !== undefined) (def as any)[key] = value; };
  put('inputCollection', feel(zeebe?.inputCollection));
  put('inputElement', zeebe?.inputElement);
  put('outputCollection', zeebe?.outputCollection);
  put('outputElement', feel(zeebe?.outputElement));
  const completion = bodyOf(mi.completionCondition);
  put('completionCondition', completion === undefined ? undefined : feelSource(ctx.translate(completion, 'completionCondition')));
  const cardinality = bodyOf(mi.loopCardinality);
  put('loopCardinality', cardinality === undefined ? undefined : feelSource(ctx.translate(cardinality, 'loopCardinality')));
  return def;
}

export function mapStandardLoop(node: Node, ctx: RuleContext): StandardLoopDef | undefined {
  const loop = node.loopCharacteristics;
  if (loop?.$type !== 'bpmn:StandardLoopCharacteristics') return undefined;
  const condition = bodyOf(loop.loopCondition);
  return {
    ...(condition === undefined ? {} : { condition: feelSource(ctx.translate(condition, 'loopCondition')) }),
    testBefore: !!loop.testBefore,
    ...(loop.loopMaximum === undefined ? {} : { maximum: Number(loop.loopMaximum) }),
  };
}
