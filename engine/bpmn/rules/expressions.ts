/**
 * Every FEEL expression in the executable processes must parse (checkFeel), so a typo is a
 * deployment error with the element id rather than an incident at run time. Expressions that betsy
 * or another dialect writes are passed through ctx.translate first.
 */
import { feelError } from '../../expressions/feel.js';
import { text, type Param } from '../../messages/index.js';
import { literalType, spacedNames } from './feel-tree.js';
import { allFlowElements, attributeName, bodyOf, eventDefinitions, extension, feelOf, is, problem, type ExpressionRole, type Node, type Problem, type Rule, type RuleContext } from './util.js';

export const feelSyntax: Rule = {
  name: 'feel-syntax',
  description: 'Conditions, mappings and zeebe expressions must be valid FEEL.',
  check(definitions, ctx) {
    const problems: Problem[] = [];
    const check = (node: Node, what: Param, source: string | undefined, boolean = false) => {
      if (source === undefined) return;
      const error = feelError(source);
      if (error) {
        problems.push(problem(node, text('bpmn.feel-error', { what, error })));
        return;
      }
      for (const name of spacedNames(source)) problems.push(problem(node, text('bpmn.feel-spaced-name', { what, name, source: JSON.stringify(source) })));
      const literal = boolean ? literalType(source) : undefined;
      if (literal) problems.push(problem(node, text('bpmn.feel-literal-condition', { what, source: JSON.stringify(source), literal: text(`feel.literal-${literal}`) })));
    };
    const checkBody = (node: Node, what: Param, expression: Node | undefined, role: ExpressionRole) => {
      const body = bodyOf(expression);
      if (body !== undefined) check(node, what, conditionSource(body, role, ctx), role !== 'loopCardinality');
    };
    for (const { node } of allFlowElements(ctx)) {
      if (is(node, 'bpmn:SequenceFlow')) checkBody(node, text('attribute.conditionExpression'), node.conditionExpression, 'condition');
      for (const [owner, attributes] of zeebeAttributes(node)) {
        for (const [what, value] of attributes) check(owner, what, feelOf(value));
      }
      const loop = node.loopCharacteristics as Node | undefined;
      if (loop) {
        if (loop.loopCondition?.$type === 'bpmn:Expression') problems.push(problem(node, text('bpmn.loop-condition-informal')));
        checkBody(node, text('feel.what.loop-condition'), loop.loopCondition, 'loopCondition');
        checkBody(node, text('feel.what.completion-condition'), loop.completionCondition, 'completionCondition');
        checkBody(node, text('feel.what.loop-cardinality'), loop.loopCardinality, 'loopCardinality');
        const mi = extension(loop, 'zeebe:LoopCharacteristics');
        check(node, text('attribute.loopCharacteristics.inputCollection'), mi?.inputCollection === undefined ? undefined : feelOf(mi.inputCollection) ?? mi.inputCollection);
        check(node, text('attribute.loopCharacteristics.outputElement'), mi?.outputElement === undefined ? undefined : feelOf(mi.outputElement) ?? mi.outputElement);
      }
      if (is(node, 'bpmn:Event')) {
        for (const def of eventDefinitions(node)) {
          if (def.$type === 'bpmn:ConditionalEventDefinition') checkBody(node, text('feel.what.event-condition'), def.condition, 'condition');
          if (def.$type === 'bpmn:TimerEventDefinition') problems.push(...informalTimers(node, def));
        }
      }
    }
    for (const message of ((definitions.rootElements ?? []) as Node[]).filter((e) => is(e, 'bpmn:Message'))) {
      check(message, text('attribute.subscription.correlationKey'), feelOf(extension(message, 'zeebe:Subscription')?.correlationKey));
    }
    return problems;
  },
};

/** Conditions are FEEL whether or not they carry the `=` marker. */
function conditionSource(body: string, role: ExpressionRole, ctx: RuleContext): string {
  const text = ctx.translate(body, role).trim();
  return text.startsWith('=') ? text.slice(1) : text;
}

/** The zeebe attributes that may hold `=`-prefixed FEEL, per extension element, each named as the properties panel labels it. */
function zeebeAttributes(node: Node): [Node, [Param, string | undefined][]][] {
  const out: [Node, [Param, string | undefined][]][] = [];
  const add = (type: string, names: string[]) => {
    const ext = extension(node, type);
    if (ext) out.push([node, names.map((n) => [attributeName(type, n), ext[n] === undefined ? undefined : String(ext[n])])]);
  };
  add('zeebe:TaskDefinition', ['type', 'retries']);
  add('zeebe:AssignmentDefinition', ['assignee', 'candidateGroups', 'candidateUsers']);
  add('zeebe:TaskSchedule', ['dueDate', 'followUpDate']);
  add('zeebe:PriorityDefinition', ['priority']);
  add('zeebe:CalledElement', ['processId']);
  const script = extension(node, 'zeebe:Script');
  if (script?.expression !== undefined) out.push([node, [[text('attribute.script.expression'), feelOf(script.expression) === undefined ? `=${script.expression}` : script.expression]]]);
  const io = extension(node, 'zeebe:IoMapping');
  for (const p of [...((io?.inputParameters ?? []) as Node[]), ...((io?.outputParameters ?? []) as Node[])]) {
    out.push([node, [[text('feel.what.mapping', { target: p.target ?? '?' }), p.source]]]);
  }
  return out;
}

/** A plain bpmn:Expression is natural-language text (BPMN 2.0 §8.3.6): a timer needs a formal one. */
function informalTimers(event: Node, def: Node): Problem[] {
  return (['timeDate', 'timeDuration', 'timeCycle'] as const)
    .filter((key) => def[key]?.$type === 'bpmn:Expression')
    .map((key) => problem(event, text('bpmn.timer-informal', { kind: key })));
}
