/**
 * The vocabulary of what can be wrong with a pack: every problem names the file (a path inside the
 * pack, or the pack itself) and, where there is one, the BPMN element or form field. A PackError is
 * the user's fault (a bad pack); the API maps it to 400 and the CLI to exit code 1.
 */

export interface PackProblem {
  /** Path inside the pack (`bpmn/cuti.bpmn`), or `pack.json`, or the zip/folder name. */
  file: string;
  /** BPMN element id, form field key or JSON path, when the problem has one. */
  element?: string;
  message: string;
}

export class PackError extends Error {
  readonly problems: PackProblem[];
  constructor(problems: PackProblem[] | PackProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map(formatProblem).join('\n'));
    this.name = 'PackError';
    this.problems = list;
  }
}

export function formatProblem(p: PackProblem): string {
  return `${p.file}${p.element ? ` [${p.element}]` : ''}: ${p.message}`;
}

/** Throws one PackError listing every problem, when there is any. */
export function throwIfAny(problems: PackProblem[]): void {
  if (problems.length > 0) throw new PackError(problems);
}
