/**
 * FEEL through feelin, made safe for the engine: only plain data goes into the context (functions
 * in a context are callable), `now()`/`today()` read the caller's clock instead of the machine's,
 * and syntax errors are found once, at deployment, by `checkFeel`.
 */
import { evaluate, parseExpression } from 'feelin';
import { zonedIso } from './time-zone.js';
import { phrase, text, type Text } from '../messages/index.js';
import { plannedBy, workingDayFunctions, type WorkingDayCall } from '../calendar/feel-functions.mjs';
import type { CalendarData } from '../calendar/working-days.mjs';

/**
 * `plannedBy`: the value is the result of one `add working days(from, n)` call — a deadline that a
 * calendar change computes again from the same `from` (API.md, "Working days and deadlines").
 */
export type FeelResult = { ok: true; value: unknown; plannedBy?: { from: string; n: number } } | { ok: false; error: string };

/**
 * What an evaluation needs besides the variables: the tenant's working-day calendar, as data.
 * Without one the working-day functions count Monday to Friday in UTC with no holidays.
 */
export interface FeelOptions {
  calendar?: CalendarData;
}

/** Evaluates FEEL; implementations may bound evaluation time (see sandbox.ts). */
export interface FeelEvaluator {
  evaluate(expression: string, context: Record<string, unknown>, now: string, options?: FeelOptions): FeelResult;
}

/** The calendar the working-day functions use when the caller gives none. */
export const PLAIN_CALENDAR: CalendarData = Object.freeze({ zone: 'UTC', weekend: [6, 7], holidays: [] });

const KNOWN_NAMES = Object.fromEntries(['add working days', 'working days between', 'is working day'].map((name) => [name, null]));

/** Returns a message (English, as it reads inside a sentence: "x: invalid FEEL at …") when `expression` is not valid FEEL, else undefined. */
export function checkFeel(expression: string): string | undefined {
  const error = feelError(expression);
  return error && phrase(error, 'en');
}

/** Why `expression` is not valid FEEL, as catalog text (the deploy rules write it in the reader's language); undefined when it is. */
export function feelError(expression: string): Text | undefined {
  if (expression.trim() === '') return text('feel.empty');
  let position = -1;
  try {
    const tree = parseExpression(expression, KNOWN_NAMES, undefined);
    tree.iterate({
      enter(node) {
        if (position < 0 && node.type.isError) position = node.from;
      },
    });
  } catch (err) {
    return text('feel.unreadable', { detail: (err as Error).message });
  }
  return position >= 0 ? text('feel.invalid-at', { position, source: JSON.stringify(expression) }) : undefined;
}

/** Strips the FEEL `=` prefix of a Camunda attribute value. */
export function stripFeelPrefix(text: string): string {
  return text.trim().startsWith('=') ? text.trim().slice(1) : text;
}

/** Plain JSON copy of a FEEL value: dates, durations and contexts become strings/objects. */
export function toPlain(value: unknown): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value ?? null));
}

const PATH = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const STRING = /^"([^"\\]*)"$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'not', 'for', 'some', 'every', 'if', 'function', 'in', 'return', 'then', 'else', 'and', 'or', 'between', 'instance', 'of']);

/**
 * Most expressions in real models are a literal or a variable path (`=nip`, `=pemohon.nama`).
 * feelin parses every expression anew (hundreds of microseconds), so these take a shortcut with
 * FEEL's own semantics: a missing variable or property is null. Their cost is the length of the
 * path plus copying the value read, so the bounded evaluator runs them in this thread too.
 */
export function trivialFeel(expression: string, context: Record<string, unknown>): { value: unknown } | undefined {
  const text = expression.trim();
  if (text === 'true' || text === 'false') return { value: text === 'true' };
  if (text === 'null') return { value: null };
  if (NUMBER.test(text)) return { value: Number(text) };
  const str = STRING.exec(text);
  if (str) return { value: str[1] };
  if (!PATH.test(text)) return undefined;
  const parts = text.split('.');
  if (KEYWORDS.has(parts[0]) || parts[0] === 'now' || parts[0] === 'today') return undefined;
  let value: unknown = context;
  for (const part of parts) {
    // A path over a list maps over its items in FEEL; leave that to feelin.
    if (Array.isArray(value)) return undefined;
    if (value === null || typeof value !== 'object') return { value: null };
    value = Object.prototype.hasOwnProperty.call(value, part) ? (value as Record<string, unknown>)[part] : null;
  }
  return { value: toPlain(value) };
}

/** Evaluates in this thread with a caller-supplied clock. Pure; used by the core by default. */
export function evaluateInline(expression: string, context: Record<string, unknown>, now: string, options: FeelOptions = {}): FeelResult {
  const quick = trivialFeel(expression, context);
  if (quick) return { ok: true, value: quick.value };
  try {
    const calls: WorkingDayCall[] = [];
    // The tenant's calendar carries its zone: now() and today() speak it (the instant is the same).
    if (options.calendar?.zone) now = zonedIso(now, options.calendar.zone);
    const ctx = {
      ...context,
      ...workingDayFunctions(options.calendar ?? PLAIN_CALENDAR, calls),
      now: () => evaluate(`date and time("${now}")`, {}).value,
      today: () => evaluate(`date("${now.slice(0, 10)}")`, {}).value,
    };
    const { value } = evaluate(expression, ctx);
    const plain = toPlain(value);
    const planned = calls.length > 0 ? plannedBy(calls, plain) : undefined;
    return planned ? { ok: true, value: plain, plannedBy: planned } : { ok: true, value: plain };
  } catch (err) {
    return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: ${(err as Error).message}` };
  }
}

export const inlineEvaluator: FeelEvaluator = { evaluate: evaluateInline };

/**
 * `evaluator` with `now()` and `today()` in `zone` (see time-zone.ts): the caller's UTC instant is
 * handed on as that zone's wall time with its offset, so `today()` is the local date and
 * `now() + duration("P3D")` keeps the offset. The instant itself does not change.
 */
export function inTimeZone<T extends FeelEvaluator>(evaluator: T, zone: string): T {
  zonedIso(new Date(0).toISOString(), zone); // an unknown zone fails here, at start, not per expression
  return { ...evaluator, evaluate: (expression: string, context: Record<string, unknown>, now: string, options?: FeelOptions) => evaluator.evaluate(expression, context, zonedIso(now, options?.calendar?.zone ?? zone), options) };
}
