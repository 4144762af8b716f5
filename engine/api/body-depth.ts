/**
 * Nesting budget of request bodies. JSON.parse takes a value nested 5,000 (or 500,000) deep in
 * its stride, but what reads it afterwards recurses — JSON.stringify, structuredClone, ajv, the
 * store's JSON — and a 5,000-deep variable answered 500 after changing who knows what. Business
 * data is a few levels deep, so every JSON body deeper than MAX_BODY_DEPTH is refused with a 400
 * before any route sees it. The walk is iterative: it must not fail the way the readers did.
 */
import type { RequestHandler } from 'express';
import { InvalidInput } from '../service/errors.js';
import { text } from '../messages/index.js';

/** Levels of objects and arrays a request body may nest (the body itself is level 1). */
export const MAX_BODY_DEPTH = 32;

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

/** Refuses a parsed JSON body nested deeper than `max` levels (400, nothing changed). */
export function refuseDeepBodies(max = MAX_BODY_DEPTH): RequestHandler {
  return (req, _res, next) => {
    if (req.body !== null && typeof req.body === 'object' && nestingDepth(req.body, max) > max) {
      next(new InvalidInput(text('budget.body-too-deep', { max })));
      return;
    }
    next();
  };
}
