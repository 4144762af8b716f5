/**
 * Small helpers over plain JSON data: read, write and remove a value at a path, merge case
 * variables with submitted ones, compare values. They never touch prototypes: a `__proto__` key in
 * submitted data is treated as an ordinary (unknown) key, never followed.
 */

export type Plain = Record<string, unknown>;

export function isPlainObject(value: unknown): value is Plain {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(obj: unknown, key: string): unknown {
  return isPlainObject(obj) || Array.isArray(obj)
    ? (Object.prototype.hasOwnProperty.call(obj, key) ? (obj as Plain)[key] : undefined)
    : undefined;
}

/** The value at `path`, or undefined when any step is missing. */
export function getAt(obj: unknown, path: readonly string[]): unknown {
  let current = obj;
  for (const segment of path) current = own(current, segment);
  return current;
}

/** Sets `value` at `path`, creating plain objects on the way (callers pass vetted segments). */
export function setAt(obj: Plain, path: readonly string[], value: unknown): void {
  let current: Plain = obj;
  path.slice(0, -1).forEach((segment) => {
    const next = own(current, segment);
    if (!isPlainObject(next) && !Array.isArray(next)) current[segment] = {};
    current = current[segment] as Plain;
  });
  current[path[path.length - 1]] = value;
}

/** Removes the value at `path`, then every parent object left empty (as form-js does on hide). */
export function removeAt(obj: Plain, path: readonly string[]): void {
  const parents: unknown[] = [obj];
  for (const segment of path.slice(0, -1)) {
    const next = own(parents[parents.length - 1], segment);
    if (!isPlainObject(next) && !Array.isArray(next)) return;
    parents.push(next);
  }
  delete (parents[parents.length - 1] as Plain)[path[path.length - 1]];
  for (let i = parents.length - 1; i > 0; i--) {
    const child = parents[i];
    if (!isPlainObject(child) || Object.keys(child).length > 0) return;
    delete (parents[i - 1] as Plain)[path[i - 1]];
  }
}

/** A deep copy of JSON data (functions, dates and prototypes do not survive, by design). */
export function cloneData<T>(value: T): T {
  return value === undefined ? value : JSON.parse(JSON.stringify(value));
}

/** `base` with `over` laid on top: objects merge key by key, anything else is replaced. */
export function deepMerge(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const merged: Plain = { ...base };
  for (const key of Object.keys(over)) {
    if (key === '__proto__') continue;
    merged[key] = deepMerge(merged[key], over[key]);
  }
  return merged;
}

/** Structural equality of JSON values. */
export function sameData(a: unknown, b: unknown): boolean {
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (!isPlainObject(value)) return value ?? null;
  return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical(value[k])]));
}
