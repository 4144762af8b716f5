/**
 * Why `new RegExp(pattern)` refused a pattern, as catalog text: V8 writes "Invalid regular
 * expression: /(/: Unterminated group", English only. The common shapes are worded; anything else
 * is marked as technical detail (technical.ts).
 */
import { shapedText, type Shapes } from './technical.js';
import type { Text } from './text.js';

const SHAPES: Shapes = [
  [/Unterminated group/, 'regexp-error.unterminated-group'],
  [/Unmatched '\)'/, 'regexp-error.unmatched-paren'],
  [/Unterminated character class/, 'regexp-error.unterminated-class'],
  [/Nothing to repeat/, 'regexp-error.nothing-to-repeat'],
  [/Lone quantifier brackets|Incomplete quantifier/, 'regexp-error.lone-brace'],
  [/\\ at end of pattern/, 'regexp-error.backslash-at-end'],
  [/numbers out of order/, 'regexp-error.quantifier-order'],
  [/Range out of order/, 'regexp-error.range-order'],
  [/Invalid group/, 'regexp-error.invalid-group'],
  [/capture group name|named reference/, 'regexp-error.group-name'],
  [/Invalid (Unicode |class |decimal |named capture )?escape|Invalid property name|Invalid class property name/, 'regexp-error.escape'],
  [/too large/, 'regexp-error.too-large'],
];

export function regexpErrorText(err: unknown): Text {
  const message = err instanceof Error ? err.message : String(err);
  return shapedText(message, SHAPES, message.replace(/^Invalid regular expression: /, ''));
}
