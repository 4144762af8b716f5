/**
 * Runs every validation rule over a parsed document and returns all problems. The rules
 * themselves live in rules/ (browser-safe, also used by the designer's linter).
 */
import { finding, type Problem } from './problems.js';
import { text } from '../messages/index.js';
import { rules } from './rules/index.js';
import type { Node, RuleContext } from './rules/util.js';

export function validate(definitions: Node, ctx: RuleContext): { errors: Problem[]; warnings: Problem[] } {
  const errors: Problem[] = [];
  const warnings: Problem[] = [];
  for (const rule of rules) {
    try {
      (rule.severity === 'warning' ? warnings : errors).push(...rule.check(definitions, ctx));
    } catch (err) {
      // A rule that trips over a broken model must not hide the other rules' findings.
      errors.push(finding(text('bpmn.rule-failed', { rule: rule.name, detail: (err as Error).message })));
    }
  }
  return { errors, warnings };
}
