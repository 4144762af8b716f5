/**
 * The diagnostics vocabulary shared by the reader, the compiler and the validation rules.
 * Plain data only, so the designer can show the same messages the deployment returns.
 */
import { phrase, render, Text } from '../messages/index.js';

/** One problem found in a document; `element` is the BPMN id when there is one. */
export interface Problem {
  element?: string;
  message: string;
  /** The message as catalog text (the API writes it in the reader's language); every problem has one. */
  text: Text;
  line?: number;
  column?: number;
}

/**
 * A problem of the document as a whole (or at a line of it): English in `message` as the reader
 * and compiler always wrote it (logs, specs), the catalog text beside it for the reader's language.
 */
export function finding(message: Text, where: Omit<Problem, 'message' | 'text'> = {}): Problem {
  return { ...where, message: phrase(message, 'en'), text: message };
}

/** A problem that is a whole sentence (the budgets' refusals): its English `message` starts with a capital. */
export function sentence(message: Text, where: Omit<Problem, 'message' | 'text'> = {}): Problem {
  return { ...where, message: render(message, 'en'), text: message };
}

/**
 * The catalog key of what a problem says (`bpmn.assignee-empty`), the same wherever it is found:
 * a rule's finding is wrapped in `bpmn.at` (naming its element), so the key is the inner text's.
 * The deployment's errors carry it as `key`, the designer's live lint reports it too, and the
 * issues list shows a finding both found once, by (key, element). Undefined for plain strings.
 */
export function problemKey(p: { text?: Text }): string | undefined {
  const outer = p.text;
  if (!outer) return undefined;
  const inner = outer.key === 'bpmn.at' ? outer.params.message : undefined;
  return inner && typeof inner === 'object' && 'key' in inner ? String(inner.key) : outer.key;
}

/**
 * What a rule's finding says without naming its element: the inner text of `bpmn.at` ("Event
 * mulai StartEvent_1: {this}"). The deployment's errors carry it as `detail`, so the designer's
 * note on the element does not name the element again. Undefined for any other problem (a
 * sentence such as a budget's refusal names its element as part of what it says).
 */
export function problemDetail(p: { text?: Text }): Text | undefined {
  const inner = p.text?.key === 'bpmn.at' ? p.text.params.message : undefined;
  return inner instanceof Text ? inner : undefined;
}

/** A warning never blocks a deployment; it tells the analyst what was ignored. */
export interface Warning {
  element?: string;
  message: string;
  /** The message as catalog text, when it is one (the reader's remarks are moddle's English). */
  text?: Text;
}

/** Line and column (both 1-based) of a character offset in `text`. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
