/**
 * The vocabulary of what can be wrong with a pack: every problem names the file (a path inside the
 * pack, or the pack itself) and, where there is one, the BPMN element or form field. A PackError is
 * the user's fault (a bad pack); the API maps it to 400 and the CLI to exit code 1.
 *
 * A problem's words are catalog text (`text`, engine/messages): the API writes them in the
 * request's language, the CLI in its own (cli/lang.ts); `message` is the English, for logs.
 */
import { render, text, type Lang, type Text } from '../messages/index.js';

export interface PackProblem {
  /** Path inside the pack (`bpmn/cuti.bpmn`), or `pack.json`, or the zip/folder name. */
  file: string;
  /** BPMN element id, form field key or JSON path, when the problem has one. */
  element?: string;
  message: string;
  /** `message` as catalog text, where there is one. */
  text?: Text;
}

/** A problem whose words are catalog text. */
export function packProblem(file: string, element: string | undefined, message: Text): PackProblem {
  return { file, ...(element === undefined ? {} : { element }), message: render(message, 'en'), text: message };
}

export class PackError extends Error {
  readonly problems: PackProblem[];
  constructor(problems: PackProblem[] | PackProblem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => formatProblem(p)).join('\n'));
    this.name = 'PackError';
    this.problems = list;
  }
}

/** The problem as one line naming its file and element, in `lang`. */
export function formatProblem(p: PackProblem, lang: Lang = 'en'): string {
  return render(problemText(p), lang);
}

/** The whole line as catalog text ("pack.json [version]: …"), for an API error item. */
export function problemText(p: PackProblem): Text {
  return text(p.element ? 'pack.problem-at' : 'pack.problem-in', { file: p.file, element: p.element, problem: p.text ?? p.message });
}

/** Throws one PackError listing every problem, when there is any. */
export function throwIfAny(problems: PackProblem[]): void {
  if (problems.length > 0) throw new PackError(problems);
}
