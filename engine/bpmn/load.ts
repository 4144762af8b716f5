/**
 * Reading a BPMN document into moddle elements: the safe XML gate (read-xml.ts), then bpmn-moddle
 * with the zeebe and Alur descriptors. Shared by compileBpmn (strict) and importBpmn (lenient).
 */
import { parseDefinitions, type ParsedDefinitions } from './moddle.js';
import type { Problem } from './problems.js';
import { readXml, type ReadOptions } from './read-xml.js';

export type Loaded = { ok: true; parsed: ParsedDefinitions; strictProblems: Problem[] } | { ok: false; errors: Problem[] };

export async function loadBpmn(xml: string | Uint8Array, opts: ReadOptions = {}): Promise<Loaded> {
  const read = readXml(xml, opts);
  if (!read.ok) return read;
  const parsed = await parseDefinitions(read.text);
  return parsed.ok ? { ok: true, parsed: parsed.parsed, strictProblems: read.strictProblems } : parsed;
}
