/**
 * Deployment checks on the FEEL syntax tree beyond "does it parse": Alur's variables are JSON
 * keys without spaces, so a multi-word variable name is prose, not an expression; and a condition
 * that is a number or string literal can never be true or false.
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
