/**
 * Deployment checks on the FEEL syntax tree beyond "does it parse": Alur's variables are JSON
 * keys without spaces, so a multi-word variable name is prose, not an expression; a condition
 * that is a number or string literal can never be true or false; and a start timer cannot read
 * variables it does not bind itself.
 */
import { parseExpression } from 'feelin';

/** Multi-word variable names used as values (function names such as `string length` are fine). */
export function spacedNames(expression: string): string[] {
  const names: string[] = [];
  try {
    parseExpression(expression, {}, undefined).iterate({
      enter(node) {
        if (node.type.name !== 'VariableName' || node.node.parent?.type.name === 'FunctionInvocation') return;
        const text = expression.slice(node.from, node.to);
        if (/\s/.test(text.trim())) names.push(text.trim());
      },
    });
  } catch {
    return [];
  }
  return names;
}

/** The literal type when the whole expression is a number or string literal, else undefined. */
export function literalType(expression: string): 'number' | 'string' | undefined {
  try {
    const top = parseExpression(expression, {}, undefined).topNode.firstChild;
    if (!top || top.nextSibling) return undefined;
    if (top.type.name === 'NumericLiteral') return 'number';
    if (top.type.name === 'StringLiteral') return 'string';
  } catch {
    return undefined;
  }
  return undefined;
}

/**
 * Variables a FEEL expression reads that nothing in it binds (loop and quantifier names, function
 * parameters, context keys, a filter's `item`), e.g. to name what a start
 * timer, computed before any instance exists, cannot know.
 */
export function unboundNames(expression: string): string[] {
  const read = new Set<string>();
  const bound = new Set(['item']);
  try {
    parseExpression(expression, {}, undefined).iterate({
      enter(node) {
        const text = expression.slice(node.from, node.to).trim();
        if (node.type.name === 'Name') bound.add(text);
        else if (node.type.name === 'VariableName' && node.node.parent?.type.name !== 'FunctionInvocation') read.add(text);
      },
    });
  } catch {
    return [];
  }
  return [...read].filter((n) => !bound.has(n));
}
