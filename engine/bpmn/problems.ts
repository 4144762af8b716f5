/**
 * The diagnostics vocabulary shared by the reader, the compiler and the validation rules.
 * Plain data only, so the designer can show the same messages the deployment returns.
 */
import { phrase, render, type Text } from '../messages/index.js';

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

/** A warning never blocks a deployment; it tells the analyst what was ignored. */
export interface Warning {
  element?: string;
  message: string;
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
