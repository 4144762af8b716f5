/**
 * The core's problems and refusals in words: the core (engine/core) says what is wrong by a code
 * and its details, language-free; here they become catalog text (catalog/modifying.ts), rendered
 * in the reader's language where they leave the server. An element is shown by its name when it
 * has one (“Periksa berkas”), else by its id.
 */
import type { ElementProblem, ElementRef, InputRefused, ProblemParam } from '../core/index.js';
import { catalog } from '../messages/catalog/index.js';
import { allOf, entry, text, type MessageKey, type Param, type Text } from '../messages/index.js';
import type { ErrorItem } from './errors.js';

const isRef = (value: unknown): value is ElementRef => typeof value === 'object' && value !== null && 'id' in value;

/** An element as a reader sees it: its name in quotes, or its id; the process itself as "the process". */
export function elementShown(ref: ElementRef): Param {
  if (ref.name) return `“${ref.name}”`;
  return ref.process ? text('modify.the-process') : ref.id;
}

/** The catalog key of a value the core passes as a code (an element type, an event kind, a case status), when there is one. */
const WORDED: Record<string, string> = { type: 'element', targetType: 'element', event: 'event-kind', targetEvent: 'event-kind', status: 'case-status' };

function paramOf(name: string, value: ProblemParam): Param {
  if (Array.isArray(value)) return allOf(value.map((v) => (isRef(v) ? elementShown(v) : String(v))));
  if (isRef(value)) return elementShown(value);
  if (name in WORDED && typeof value === 'string') return text(`${WORDED[name]}.${value}` as MessageKey);
  return value as string | number;
}

/** A modification's or migration's problem as catalog text (`area`: modify or migrate). */
export function problemText(area: 'modify' | 'migrate', problem: ElementProblem<string>): Text {
  const params = Object.fromEntries(Object.entries(problem.params).map(([name, value]) => [name, paramOf(name, value)]));
  return text(`${area}.${problem.code}` as MessageKey, params);
}

/** The problem as an entry of a 400's `errors`: the element's id, its message in the reader's language, its catalog key. */
export function problemItem(area: 'modify' | 'migrate', problem: ElementProblem<string>): ErrorItem {
  return { ...entry({ element: problem.element }, problemText(area, problem)), key: `${area}.${problem.code}` };
}

/** Elements as the refusal's summary names them: by name when they have one. */
export function elementsShown(problems: readonly ElementProblem<string>[]): Param {
  const seen = new Map<string, Param>();
  for (const p of problems) if (!seen.has(p.element)) seen.set(p.element, elementShown({ id: p.element, name: p.name }));
  return allOf([...seen.values()]);
}

/** An input the core refused, in words; its English `message` when it gives no reason. */
export function refusalText(err: InputRefused): Text | string {
  return err.reason ? text(`refused.${err.reason}` as MessageKey, err.params) : err.message;
}

/** Params of an ignored input that are codes, worded by the catalog (a case's status, a subscription's kind). */
const IGNORED_WORDED: Record<string, string> = { status: 'case-status.', kind: 'ignored.kind-' };

/**
 * Why an input changed nothing (an `input.ignored` history entry's `code` and `params`, engine/core/ignored.ts),
 * in words; undefined for an entry from before codes were kept, which keeps its English reason.
 */
export function ignoredText(data: Record<string, unknown>): Text | undefined {
  const key = `ignored.${String(data.code)}`;
  if (typeof data.code !== 'string' || !(key in catalog)) return undefined;
  const raw = data.params && typeof data.params === 'object' ? data.params as Record<string, unknown> : {};
  const params: Record<string, Param> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (typeof value !== 'string' && typeof value !== 'number') continue;
    const worded = name in IGNORED_WORDED ? `${IGNORED_WORDED[name]}${value}` : undefined;
    params[name] = worded && worded in catalog ? text(worded as MessageKey) : value;
  }
  return text(key as MessageKey, params);
}
