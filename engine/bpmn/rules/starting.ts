/**
 * How a case begins: `alur:starters groups` (who may start) and `alur:businessKey format` (the
 * registration number) sit once in the process's extension elements and say something valid; a
 * start form is honoured on the process's none start event only (elsewhere it is ignored, with a
 * warning). Browser-safe: the designer's lint runs these same rules.
 */
import { parseNumberFormat } from '../../numbering/format.js';
import { allFlowElements, eventDefinitions, extension, extensions, is, problem, type Node, type Problem, type Rule } from './util.js';
import { text } from '../../messages/index.js';

/** A group name as users and candidate groups write it (api/schemas.ts userBody). */
const GROUP = /^[A-Za-z0-9._-]{1,100}$/;

/** The group names of an `alur:starters groups` value (comma-separated). */
export function starterGroups(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((g) => g.trim()).filter(Boolean) : [];
}

/** The process's none start event: the one `POST /api/process-instances` starts, and the one whose form counts. */
export function isProcessNoneStart(node: Node): boolean {
  return is(node, 'bpmn:StartEvent') && is(node.$parent, 'bpmn:Process') && eventDefinitions(node).length === 0;
}

export const processStart: Rule = {
  name: 'process-start',
  description: 'alur:starters and alur:businessKey appear once, on the process, and are valid; a start form has a formId.',
  check(_definitions, ctx) {
    const problems: Problem[] = [];
    for (const process of ctx.processes) {
      problems.push(...starters(process), ...businessKey(process));
    }
    for (const { node } of allFlowElements(ctx)) {
      for (const type of ['alur:Starters', 'alur:BusinessKey']) {
        if (extension(node, type)) problems.push(problem(node, text('bpmn.start-placement', { tag: tag(type) })));
      }
      if (isProcessNoneStart(node)) {
        const form = extension(node, 'zeebe:FormDefinition');
        if (form && !(typeof form.formId === 'string' && form.formId.trim()) && !form.formKey && !form.externalReference) {
          problems.push(problem(node, text('bpmn.start-form-no-form')));
        }
      }
    }
    return problems;
  },
};

function tag(type: string): string {
  return type === 'alur:Starters' ? 'alur:starters' : 'alur:businessKey';
}

function starters(process: Node): Problem[] {
  const all = extensions(process, 'alur:Starters');
  if (all.length === 0) return [];
  const problems: Problem[] = [];
  if (all.length > 1) problems.push(problem(process, text('bpmn.starters-twice')));
  const value = all[0].groups;
  if (typeof value === 'string' && value.trim().startsWith('=')) {
    problems.push(problem(process, text('bpmn.starters-expression')));
    return problems;
  }
  const groups = starterGroups(value);
  if (groups.length === 0) problems.push(problem(process, text('bpmn.starters-empty')));
  for (const g of groups) {
    if (!GROUP.test(g)) problems.push(problem(process, text('bpmn.starters-bad-group', { group: g.slice(0, 100) })));
  }
  return problems;
}

function businessKey(process: Node): Problem[] {
  const all = extensions(process, 'alur:BusinessKey');
  if (all.length === 0) return [];
  const problems: Problem[] = [];
  if (all.length > 1) problems.push(problem(process, text('bpmn.business-key-twice')));
  const parsed = parseNumberFormat(typeof all[0].format === 'string' ? all[0].format.trim() : '');
  if (!parsed.ok) problems.push(...parsed.texts.map((p) => problem(process, text('bpmn.number-format', { problem: p }))));
  return problems;
}
