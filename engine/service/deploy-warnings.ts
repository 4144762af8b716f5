/**
 * Warnings of a deployment (API 1.1): things that deploy but will likely go wrong — today, a
 * literal candidate group with no active member in the tenant (nobody would ever see the task).
 * Groups given by an expression are checked only when the expression is a literal string or list
 * of strings; others depend on the case's data.
 */
import type { ProcessModel, Expr } from '../core/index.js';
import type { Db } from '../store/db.js';
import { groupsWithoutActiveMembers } from '../store/groups.js';
import { text, entry, type Text } from '../messages/index.js';

/** `key`: the warning's catalog key, so the designer lists a warning its live lint also made once. */
export interface DeployWarning { element: string; message: string; text?: Text; key?: string }

/** The groups an expression names when it names them literally; undefined when it computes them. */
export function literalGroups(expr: Expr | undefined): string[] | undefined {
  if (!expr) return [];
  if ('value' in expr) return expr.value === null ? [] : String(expr.value).split(',').map((s) => s.trim()).filter(Boolean);
  const src = expr.feel.trim();
  if (/^"[^"]*"$/.test(src)) return src.slice(1, -1).split(',').map((s) => s.trim()).filter(Boolean);
  if (/^\[\s*("[^"]*"\s*(,\s*"[^"]*"\s*)*)?\]$/.test(src)) return [...src.matchAll(/"([^"]*)"/g)].map((m) => m[1].trim()).filter(Boolean);
  return undefined;
}

export async function candidateGroupWarnings(db: Db, tenant: string, models: ProcessModel[]): Promise<DeployWarning[]> {
  const uses: { element: string; group: string }[] = [];
  for (const model of models) {
    for (const el of Object.values(model.elements)) {
      for (const group of literalGroups(el.userTask?.candidateGroups) ?? []) uses.push({ element: el.id, group });
    }
  }
  const empty = new Set(await groupsWithoutActiveMembers(db, tenant, [...new Set(uses.map((u) => u.group))]));
  return uses.filter((u) => empty.has(u.group)).map((u) => ({ ...entry({ element: u.element }, text('deploy.group-without-members', { group: u.group })), key: 'deploy.group-without-members' }));
}
