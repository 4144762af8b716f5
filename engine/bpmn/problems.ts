/**
 * The diagnostics vocabulary shared by the reader, the compiler and the validation rules.
 * Plain data only, so the designer can show the same messages the deployment returns.
 */
import type { Text } from '../messages/index.js';

/** One problem found in a document; `element` is the BPMN id when there is one. */
export interface Problem {
  element?: string;
  message: string;
  /** The message as catalog text, where there is one (the API writes it in the reader's language). */
  text?: Text;
  line?: number;
  column?: number;
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
