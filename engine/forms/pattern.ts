/**
 * Form patterns (`validate.pattern`) run in linear time. Forms come from analysts and from other
 * regencies' packs, and V8's backtracking RegExp lets `^(a+)+$` and a 30-character value block
 * the server for seconds per request. re2js (RE2: automata, no backtracking) runs them instead,
 * with form-js's meaning kept: the pattern is searched for in the value (not anchored unless it
 * says so), without the `u` flag, in JavaScript syntax (`translateRegExp`: `(?<name>…)`, `/`).
 * What RE2 cannot run — backreferences (`\1`) and lookaround (`(?=…)`, `(?!…)`, `(?<=…)`) — is
 * exactly what can backtrack catastrophically, so a form using it is refused at deployment.
 */
import { RE2JS } from 're2js';

export interface LinearPattern {
  test(value: string): boolean;
  /** ajv keys its cache of compiled patterns by this: it must differ per pattern. */
  toString(): string;
}

/** The compiled pattern, or the reason RE2 cannot run it. */
export function compilePattern(pattern: string): LinearPattern | { error: string } {
  try {
    const re = RE2JS.compile(RE2JS.translateRegExp(pattern));
    return { test: (value: string) => re.test(value), toString: () => `/${pattern}/` };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

/**
 * ajv's `code.regExp` engine. A pattern deployed before patterns were checked for RE2 and that it
 * cannot run matches nothing: the value is refused as not having the expected format, which is
 * visible and bounded, instead of running it with backtracking.
 */
export const linearRegExp = Object.assign(
  (pattern: string): LinearPattern => {
    const compiled = compilePattern(pattern);
    return 'error' in compiled ? { test: () => false, toString: () => `/${pattern}/ (not linear)` } : compiled;
  },
  { code: 'linearRegExp' },
);
