/**
 * The shape of a form's data as a tree of keys, and the walk that compares submitted data with
 * it: keys no field owns, a group's value that is not an object, a dynamic list that is not a
 * list of objects. Unknown keys are reported or dropped from the output copy, as the caller's
 * policy says; known values are left to the field checks.
 */
import { isPlainObject, type Plain } from './data.js';
import type { ScopePlan } from './model.js';

export type UnknownFields = 'reject' | 'strip' | 'allow';

export interface KeyTree {
  /** Objects made by group paths and dotted keys; `label` names them in messages. */
  objects: Map<string, KeyTree>;
  lists: Map<string, KeyTree>;
  fields: Set<string>;
  label?: string;
}

function emptyTree(label?: string): KeyTree {
  return { objects: new Map(), lists: new Map(), fields: new Set(), label };
}

function branch(tree: KeyTree, segments: string[]): KeyTree {
  let current = tree;
  for (const segment of segments) {
    if (!current.objects.has(segment)) current.objects.set(segment, emptyTree());
    current = current.objects.get(segment)!;
  }
  return current;
}

export function keyTree(scope: ScopePlan): KeyTree {
  const tree = emptyTree();
  for (const field of scope.fields) branch(tree, field.segments.slice(0, -1)).fields.add(field.segments.at(-1)!);
  for (const list of scope.lists) {
    branch(tree, list.segments.slice(0, -1)).lists.set(list.segments.at(-1)!, { ...keyTree(list.scope), label: list.label });
  }
  return tree;
}

export interface StructureProblem {
  path: string[];
  code: 'unknown' | 'type';
  expected?: 'object' | 'list';
}

/** Compares `data` with `tree`; problems go to `problems`, unknown keys leave `out` unless allowed. */
export function walkStructure(tree: KeyTree, data: Plain, out: Plain, path: string[], policy: UnknownFields, problems: StructureProblem[]): void {
  for (const key of Object.keys(data)) {
    const value = data[key];
    const at = [...path, key];
    if (tree.fields.has(key)) continue;
    const object = tree.objects.get(key);
    const list = tree.lists.get(key);
    if (object) {
      if (isPlainObject(value)) walkStructure(object, value, out[key] as Plain, at, policy, problems);
      else if (value !== null && value !== undefined) problems.push({ path: at, code: 'type', expected: 'object' });
    } else if (list) {
      if (Array.isArray(value)) walkItems(list, value, out[key] as unknown[], at, policy, problems);
      else if (value !== null && value !== undefined) problems.push({ path: at, code: 'type', expected: 'list' });
    } else {
      if (policy === 'reject') problems.push({ path: at, code: 'unknown' });
      if (policy !== 'allow') delete out[key];
    }
  }
}

function walkItems(tree: KeyTree, items: unknown[], out: unknown[], path: string[], policy: UnknownFields, problems: StructureProblem[]): void {
  items.forEach((item, index) => {
    const at = [...path, String(index)];
    if (isPlainObject(item)) walkStructure(tree, item, out[index] as Plain, at, policy, problems);
    else problems.push({ path: at, code: 'type', expected: 'object' });
  });
}
