/**
 * Format attributes that BPMN 2.0 defines as MIME types (documentation and text annotation
 * textFormat, script task scriptFormat) must be MIME types, e.g. `text/plain`.
 */
import { containedElements, problem, type Node, type Problem, type Rule } from './util.js';
import { text } from '../../messages/index.js';

const MIME = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*(\s*;.*)?$/i;

export const mimeFormats: Rule = {
  name: 'mime-formats',
  description: 'textFormat and scriptFormat are MIME types.',
  check(definitions) {
    const problems: Problem[] = [];
    for (const node of containedElements(definitions)) {
      for (const key of ['textFormat', 'scriptFormat'] as const) {
        const value = node[key];
        if (typeof value === 'string' && !MIME.test(value.trim())) problems.push(problem(owner(node), text('bpmn.mime-type', { key, value })));
      }
    }
    return problems;
  },
};

function owner(node: Node): Node {
  for (let n: Node | undefined = node; n; n = n.$parent) if (n.id) return n;
  return node;
}
