/**
 * What JSON.parse found wrong, as catalog text: V8's own words are English only ("Unexpected end
 * of JSON input", "Expected ',' or '}' after property value in JSON at position 12"), and a pack's
 * pack.json, a .form file or a role map is read by people who may read Indonesian only. The
 * shapes V8 writes are recognised; anything else travels as given.
 */
import { anyOf, text, type Param, type Text } from './text.js';

export function jsonErrorText(err: unknown, source?: string): Text | string {
  const message = err instanceof Error ? err.message : String(err);
  if (/Unexpected end of JSON input/.test(message)) return text('json.ends-early');
  const problem = jsonProblem(message);
  if (!problem) return message;
  const position = /at position (\d+)/.exec(message);
  if (!position || source === undefined) return problem;
  const before = source.slice(0, Number(position[1]));
  return text('json.at', { problem, line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') });
}

function jsonProblem(message: string): Text | undefined {
  const token = /Unexpected token '([^']*)'/.exec(message);
  if (token) return text('json.unexpected', { token: token[1] });
  if (/non-whitespace character after JSON/.test(message)) return text('json.trailing');
  if (/Bad control character/.test(message)) return text('json.control-character');
  if (/Unterminated string/.test(message)) return text('json.unterminated-string');
  const expected = /Expected (.+?)(?: after .*)? in JSON/.exec(message);
  if (!expected) return undefined;
  const items: Param[] = expected[1].split(' or ').map((item) => /property name/.test(item) ? text('json.property-name') : item.replace(/^'(.*)'$/, '"$1"'));
  return text('json.expected', { items: anyOf(items) });
}
