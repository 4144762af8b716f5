/**
 * What each form-js component type means for the data it submits: whether it holds a value under
 * its `key`, nests its children under a `path`, or repeats them as a list. Mirrors the `config` of
 * each field in @bpmn-io/form-js-viewer 1.x; it never renders or evaluates anything.
 */

/** Types whose value the user enters under `key`. */
export const INPUT_TYPES = new Set([
  'textfield', 'textarea', 'number', 'checkbox', 'checklist', 'radio', 'select', 'taglist',
  'datetime', 'filepicker',
]);

/** Keyed, but computed from a FEEL expression rather than typed by the user. */
export const COMPUTED_TYPES = new Set(['expression']);

/** Types that show something and submit nothing. */
export const DISPLAY_TYPES = new Set([
  'text', 'html', 'spacer', 'separator', 'image', 'iframe', 'table', 'button', 'documentPreview',
]);

/** Containers: `group` nests under an optional `path`; `dynamiclist` repeats under its `path`. */
export const CONTAINER_TYPES = new Set(['group', 'dynamiclist']);

/** Single-choice and multi-choice types whose options are `values`, `valuesKey` or `valuesExpression`. */
export const SINGLE_CHOICE_TYPES = new Set(['radio', 'select']);
export const MULTI_CHOICE_TYPES = new Set(['checklist', 'taglist']);

export function isKeyed(type: string): boolean {
  return INPUT_TYPES.has(type) || COMPUTED_TYPES.has(type);
}

export function isKnownType(type: string): boolean {
  return isKeyed(type) || DISPLAY_TYPES.has(type) || CONTAINER_TYPES.has(type);
}

/** Path segments that would reach into an object's prototype; never allowed in keys or paths. */
export const FORBIDDEN_SEGMENTS = new Set(['__proto__', 'prototype', 'constructor']);

/** Splits a dotted key or path; returns undefined for an empty or unsafe one. */
export function splitPath(dotted: unknown): string[] | undefined {
  if (typeof dotted !== 'string' || dotted.trim() === '') return undefined;
  const segments = dotted.split('.');
  if (segments.some((s) => s === '' || FORBIDDEN_SEGMENTS.has(s) || /^\d+$/.test(s))) return undefined;
  return segments;
}
