/**
 * The English texts @bpmn-io/form-js-editor writes in its palette and properties panel (it has no
 * translate service for most of them), learnt from its bundle: entries' labels, descriptions,
 * tooltips (also a phone-only one) and placeholders, the text of its JSX (tooltips with links),
 * and the messages its validators return.
 */
import { readFileSync } from 'node:fs';

/** Strings of the bundle that are never shown: class names, ids, internal errors, enum words. */
const NOT_SHOWN = new Set(['an', 'true', 'false', 'horizontal', 'vertical', 'No associated form field in the registry', 'Drop is not a valid target', 'Drop not allowed by path registry',
  // a table's stand-in columns on the canvas, drawn where the analyst's own headers go (never rewritten there)
  'Column 1', 'Column 2', 'Column 3']);

export function formEditorStrings(bundle: string): string[] {
  const source = readFileSync(bundle, 'utf8');
  const found = new Set<string>();
  const quoted = String.raw`'((?:[^'\\]|\\.)+)'`;
  const patterns = [
    new RegExp(String.raw`\b(?:label|description|tooltip|placeholder|title|text|emptyPlaceholder)\s*:\s*${quoted}`, 'g'),
    new RegExp(String.raw`\btooltip\s*:[^\n]*?\?\s*${quoted}`, 'g'),
    /\bchildren:\s*\[?\s*"((?:[^"\\]|\\.)+)"/g,
    new RegExp(String.raw`\breturn\s+${quoted};`, 'g'),
  ];
  const unescape = (text: string) => text.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(unescape(match[1]));
  // A text returned as literals joined with + (the options source's tooltip).
  for (const match of source.matchAll(new RegExp(String.raw`\breturn\s+((?:${quoted}\s*\+\s*)+${quoted});`, 'g'))) {
    found.add([...match[1].matchAll(new RegExp(quoted, 'g'))].map((part) => unescape(part[1])).join(''));
  }
  return [...found].filter((text) => /[A-Za-z]{2}/.test(text) && !NOT_SHOWN.has(text) && !/^[a-z]+([_-][a-z0-9]+)+$|__|^[a-z]+[A-Z]\w*-/.test(text)).sort();
}
