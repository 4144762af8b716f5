/**
 * The gate every BPMN document passes before bpmn-moddle sees it. bpmn-moddle's parser is lenient
 * (it repairs duplicate attributes and unclosed tags with a warning), so this module decides what is
 * well-formed: size limit, encoding, no DOCTYPE (so no entity is ever expanded and no file or URL is
 * ever read), strict XML with namespaces (saxes), a bound on attributes per element, a BPMN root
 * element and unique ids. It never fetches or opens anything.
 */
import { SaxesParser } from 'saxes';
import { decodeXml } from './decode.js';
import { finding, positionOf, type Problem } from './problems.js';
import { anyOf, text as message, xmlErrorText, type Text } from '../messages/index.js';

export const BPMN_NS = 'http://www.omg.org/spec/BPMN/20100524/MODEL';
const DI_NS = 'http://www.omg.org/spec/BPMN/20100524/DI';
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const MAX_ATTRIBUTES = 1000;
/** Real models nest a few dozen levels; the bound keeps recursive walks over the model safe. */
export const MAX_DEPTH = 256;
/** Child elements of which a BPMN element may hold only one (moddle would silently keep the last). */
const SINGLE_CHILD_GROUPS = [['standardLoopCharacteristics', 'multiInstanceLoopCharacteristics']];

export interface ReadOptions {
  maxBytes?: number;
  maxAttributes?: number;
}

/**
 * Duplicate ids and repeated single children do not stop reading (tools export them): the compiler
 * refuses them, the importer only warns.
 */
export type ReadResult = { ok: true; text: string; strictProblems: Problem[] } | { ok: false; errors: Problem[] };

class Stop extends Error {}

export function readXml(input: string | Uint8Array, opts: ReadOptions = {}): ReadResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = typeof input === 'string' ? new TextEncoder().encode(input).length : input.length;
  if (size > maxBytes) {
    return { ok: false, errors: [finding(message('xml.too-large', { size, max: maxBytes }))] };
  }
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const decoded = decodeXml(input);
    if (!decoded.ok) return { ok: false, errors: [decoded.error] };
    text = decoded.text;
  }
  const doctype = /<!DOCTYPE/i.exec(text);
  if (doctype) {
    const pos = positionOf(text, doctype.index);
    return { ok: false, errors: [finding(message('xml.doctype', pos), pos)] };
  }
  const { errors, strictProblems } = checkWellFormed(text, opts.maxAttributes ?? MAX_ATTRIBUTES);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, text, strictProblems };
}

/** Strict parse with saxes; returns the first XML error (later ones are noise) and all strict problems. */
function checkWellFormed(text: string, maxAttributes: number): { errors: Problem[]; strictProblems: Problem[] } {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const problems: Problem[] = [];
  const strictProblems: Problem[] = [];
  const ids = new Map<string, number>();
  let attributes = 0;
  let root = true;
  // Per open element: how many children of each single-child group it has seen.
  const groupCounts: number[][] = [];
  const fail = (problem: Text): never => {
    const at = { line: parser.line, column: parser.column };
    problems.push(finding(message('xml.at', { problem, ...at }), at));
    throw new Stop();
  };
  // saxes's own words (English) are worded by xml-error.ts; where it is, we say.
  parser.on('error', (err) => fail(message('xml.not-well-formed', { detail: xmlErrorText(err) })));
  parser.on('opentagstart', () => { attributes = 0; });
  parser.on('attribute', () => {
    if (++attributes > maxAttributes) fail(message('xml.too-many-attributes', { max: maxAttributes }));
  });
  parser.on('closetag', () => { groupCounts.pop(); });
  parser.on('opentag', (tag) => {
    if (groupCounts.length >= MAX_DEPTH) fail(message('xml.too-deep', { max: MAX_DEPTH }));
    const parentCounts = groupCounts[groupCounts.length - 1];
    groupCounts.push(SINGLE_CHILD_GROUPS.map(() => 0));
    if (parentCounts && tag.uri === BPMN_NS) {
      SINGLE_CHILD_GROUPS.forEach((group, i) => {
        if (group.includes(tag.local) && ++parentCounts[i] === 2) {
          strictProblems.push(finding(message('xml.single-child', { children: anyOf(group), line: parser.line }), { line: parser.line, column: parser.column }));
        }
      });
    }
    if (root) {
      root = false;
      if (tag.uri !== BPMN_NS || tag.local !== 'definitions') {
        fail(message('xml.wrong-root', { found: `{${tag.uri ?? ''}}${tag.local}`, expected: `{${BPMN_NS}}definitions` }));
      }
    }
    const id = tag.attributes.id;
    if (id && !id.prefix && (tag.uri === BPMN_NS || tag.uri === DI_NS)) {
      const seen = ids.get(id.value) ?? 0;
      ids.set(id.value, seen + 1);
      if (seen === 1) strictProblems.push(finding(message('xml.duplicate-id', { id: id.value }), { element: id.value, line: parser.line, column: parser.column }));
    }
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (!(err instanceof Stop)) problems.push(finding(message('xml.not-well-formed', { detail: xmlErrorText(err) })));
  }
  if (root && problems.length === 0) problems.push(finding(message('xml.no-root')));
  return { errors: problems, strictProblems };
}
