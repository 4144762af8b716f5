/**
 * Problems the core finds with an operator's request (a modification, a migration), as data: the
 * core is pure and speaks no language, so it says what is wrong by a `code` and its `params`, and
 * the engine words them in the reader's language (engine/service/core-text.ts, catalog
 * modifying.ts). Elements are named by id and by name: the reader sees the name.
 */
import type { ProcessModel } from './model.js';

/** An element named in a problem: its id, and its name when the model gives one. */
export interface ElementRef { id: string; name?: string; /** The process itself ("the process" to a reader). */ process?: true }

export type ProblemParam = string | number | ElementRef | readonly (number | ElementRef)[];

/** One element's problem: which element (id, and name when it has one), what (`code`) and the details. */
export interface ElementProblem<C extends string> { element: string; name?: string; code: C; params: Record<string, ProblemParam> }

/** `id` of `model` (an element, or the process itself) as a reader should see it named. */
export function refOf(model: ProcessModel, id: string): ElementRef {
  if (id === model.id) return { id, ...(model.name ? { name: model.name } : {}), process: true };
  const name = model.elements[id]?.name;
  return name ? { id, name } : { id };
}

export function problemOf<C extends string>(model: ProcessModel, id: string, code: C, params: Record<string, ProblemParam> = {}): ElementProblem<C> {
  const { name } = refOf(model, id);
  return { element: id, ...(name ? { name } : {}), code, params };
}

/** The problems as a short language-free reason (an `input.ignored` history entry). */
export function reasonOf(problems: readonly ElementProblem<string>[]): string {
  return problems.map((p) => `${p.element}: ${p.code}`).join('; ');
}
