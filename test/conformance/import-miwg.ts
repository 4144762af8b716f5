/**
 * The MIWG import cases (<root>/miwg/miwg-manifest.json): every well-formed file imports; the
 * malformed ones are refused with a position; each tool roundtrip that the manifest marks as
 * identical to its reference yields the reference's flow graph, and so does each reference model.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { flowGraph, importBpmn } from '../../engine/bpmn/flow-graph.js';
import { withTimeout, type CaseResult } from './import-types.js';

interface MiwgFile {
  path: string;
  case: string;
  kind: string;
  well_formed: boolean;
  same_element_counts_as_reference?: boolean;
  same_flow_graph_as_reference?: boolean;
}

interface MiwgManifest {
  files: MiwgFile[];
  reference_signatures: Record<string, { path: string; sequence_flows_by_type_and_name: Record<string, number> }>;
}

export async function runMiwg(root: string): Promise<CaseResult[]> {
  const dir = join(resolve(root), 'miwg');
  const manifest = JSON.parse(readFileSync(join(dir, 'miwg-manifest.json'), 'utf8')) as MiwgManifest;
  const results: CaseResult[] = [];
  for (const file of manifest.files) {
    const group = `miwg/${file.path.split('/')[0]}`;
    try {
      const imported = await withTimeout(importBpmn(new Uint8Array(readFileSync(join(dir, file.path)))), 5000, file.path);
      if (!file.well_formed) {
        const error = imported.ok ? undefined : imported.errors[0];
        results.push({ group, name: file.path, pass: !!error && error.line !== undefined, reason: error ? error.message : 'imported a malformed file' });
        continue;
      }
      if (!imported.ok) {
        results.push({ group, name: file.path, pass: false, reason: imported.errors.map((e) => e.message).join('; ') });
        continue;
      }
      results.push({ group, name: file.path, pass: true });
      // The 58 flagged roundtrips must reproduce the reference's graph; the references themselves
      // show that this importer reads them as the manifest's independent parse did.
      const graphGroup = file.kind === 'reference' ? 'miwg/flow-graph-reference'
        : file.same_element_counts_as_reference && file.same_flow_graph_as_reference ? 'miwg/flow-graph' : undefined;
      if (graphGroup) {
        const expected = manifest.reference_signatures[file.case]?.sequence_flows_by_type_and_name ?? {};
        const diff = graphDiff(expected, flowGraph(imported.definitions));
        results.push({ group: graphGroup, name: file.path, pass: diff === undefined, reason: diff });
      }
    } catch (err) {
      results.push({ group, name: file.path, pass: false, reason: (err as Error).message });
    }
  }
  return results;
}

/** Undefined when both multisets are equal, else a short description of the first differences. */
export function graphDiff(expected: Record<string, number>, actual: Record<string, number>): string | undefined {
  const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  const diffs = [...keys].filter((k) => (expected[k] ?? 0) !== (actual[k] ?? 0)).map((k) => `${k}: expected ${expected[k] ?? 0}, got ${actual[k] ?? 0}`);
  return diffs.length === 0 ? undefined : diffs.slice(0, 5).join('; ');
}
