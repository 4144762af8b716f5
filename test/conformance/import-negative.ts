/**
 * The negative import cases (<root>/negative/negative-manifest.json): hostile or broken inputs
 * must be refused with a clear error (XML errors with a position) or imported with a diagnostic,
 * always quickly. For the XXE case a file.txt with a unique marker sits in the working directory
 * during the check, and the marker must appear in neither the result nor the error.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { importBpmn } from '../../engine/bpmn/flow-graph.js';
import { withTimeout, type CaseResult } from './import-types.js';

interface NegativeCase {
  path: string;
  expected: 'reject' | 'import' | 'reject-or-import-with-diagnostic' | 'reject-or-import-bounded';
  well_formed_xml: boolean;
  problem: string;
}

const LIMIT_MS = 5000;

export async function runNegative(root: string): Promise<CaseResult[]> {
  const dir = join(resolve(root), 'negative');
  const manifest = JSON.parse(readFileSync(join(dir, 'negative-manifest.json'), 'utf8')) as { cases: NegativeCase[] };
  const results: CaseResult[] = [];
  for (const c of manifest.cases) {
    const bytes = new Uint8Array(readFileSync(join(dir, c.path)));
    try {
      results.push({ group: 'negative', name: c.path, ...(await judge(c, bytes)) });
    } catch (err) {
      results.push({ group: 'negative', name: c.path, pass: false, reason: (err as Error).message });
    }
  }
  return results;
}

async function judge(c: NegativeCase, bytes: Uint8Array): Promise<{ pass: boolean; reason?: string }> {
  const hostile = /<!DOCTYPE[^>]*SYSTEM/i.test(new TextDecoder('latin1').decode(bytes.subarray(0, 4096)));
  const marker = hostile ? plantMarker() : undefined;
  const started = Date.now();
  try {
    const compiled = await withTimeout(compileBpmn(bytes), LIMIT_MS, c.path);
    const imported = await withTimeout(importBpmn(bytes), LIMIT_MS, c.path);
    const elapsed = Date.now() - started;
    if (marker && JSON.stringify([compiled, imported.ok ? imported.warnings : imported.errors]).includes(marker.text)) {
      return { pass: false, reason: 'the content of file.txt leaked into the result' };
    }
    switch (c.expected) {
      case 'reject': {
        if (compiled.ok) return { pass: false, reason: 'deployed, but must be refused' };
        const first = compiled.errors[0];
        if (!c.well_formed_xml && first?.line === undefined) return { pass: false, reason: `XML error without position: ${first?.message}` };
        return { pass: true, reason: first?.message };
      }
      case 'import':
        return imported.ok ? { pass: true, reason: imported.warnings.map((w) => w.message).join('; ') || undefined } : { pass: false, reason: imported.errors[0]?.message };
      case 'reject-or-import-with-diagnostic': {
        if (!imported.ok) return { pass: true, reason: imported.errors[0]?.message };
        const named = imported.warnings.find((w) => namesProblem(w.message, c.problem));
        return named ? { pass: true, reason: named.message } : { pass: false, reason: 'imported without a diagnostic naming the offending element' };
      }
      case 'reject-or-import-bounded':
        return elapsed < LIMIT_MS ? { pass: true, reason: imported.ok ? 'imported' : imported.errors[0]?.message } : { pass: false, reason: `took ${elapsed} ms` };
      default:
        return { pass: false, reason: `unknown expectation ${String(c.expected)}` };
    }
  } finally {
    marker?.remove();
  }
}

/** True when a warning names an element (`<prefix:name>`) that the manifest's problem text mentions. */
function namesProblem(message: string, problemText: string): boolean {
  const named = /<(?:[\w-]+:)?([\w-]+)>/.exec(message)?.[1];
  return !!named && problemText.includes(named);
}

/** Puts ./file.txt with a unique marker in the working directory (or reads the one that is there). */
function plantMarker(): { text: string; remove(): void } {
  const path = resolve('file.txt');
  if (existsSync(path)) return { text: readFileSync(path, 'utf8').trim() || '\u0000never', remove() {} };
  const text = `ALUR-XXE-MARKER-${process.pid}-${Date.now()}`;
  writeFileSync(path, text);
  return { text, remove: () => rmSync(path, { force: true }) };
}
