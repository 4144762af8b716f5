/**
 * Nesting budget of request bodies (engine/core/nesting.ts says why): every JSON body deeper than
 * MAX_BODY_DEPTH is refused with a 400 before any route sees it.
 */
import type { RequestHandler } from 'express';
import { InvalidInput } from '../service/errors.js';
import { text } from '../messages/index.js';
import { MAX_VALUE_DEPTH, nestingDepth } from '../core/nesting.js';

/** Levels of objects and arrays a request body may nest (the body itself is level 1). */
export const MAX_BODY_DEPTH = MAX_VALUE_DEPTH;

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
