/**
 * How deep a value nests, and how deep one may (issue 16). JSON.parse takes a value nested 5,000
 * (or 500,000) deep in its stride, but what reads it afterwards recurses — JSON.stringify,
 * structuredClone, ajv, the store's JSON — and a 5,000-deep variable answered 500 after changing
 * who knows what. Business data is a few levels deep, so request bodies (engine/api/body-depth.ts)
 * and what a job's handler answers (engine/runner/execute.ts) are both held to MAX_VALUE_DEPTH.
 * The walk is iterative: it must not fail the way the readers did.
 */

/** Levels of objects and arrays a value may nest (the value itself is level 1). */
export const MAX_VALUE_DEPTH = 32;

/** The nesting depth of `value`, counting only up to `stopAbove` + 1 (a deeper value costs no more to reject). */
export function nestingDepth(value: unknown, stopAbove = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (item === null || typeof item !== 'object') continue;
    if (depth > deepest) deepest = depth;
    if (deepest > stopAbove) return deepest;
    for (const child of Array.isArray(item) ? item : Object.values(item)) {
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
    }
  }
  return deepest;
}
