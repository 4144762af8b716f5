/**
 * betsy's 301 constraint models (<root>/betsy/constraints): each violates one BPMN 2.0 constraint
 * and must be refused at deployment. Compiled exactly as the betsy adapter compiles execution
 * models (script tasks as jobs, betsy conditions translated), so a pass is a real rejection.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { translateBetsyExpression } from './betsy-expressions.js';
import { withTimeout, type CaseResult } from './import-types.js';

export async function runConstraints(root: string): Promise<CaseResult[]> {
  const dir = join(resolve(root), 'betsy');
  const expectations = JSON.parse(readFileSync(join(dir, 'betsy-expectations.json'), 'utf8')) as { constraint_tests: { files: string[] } };
  const results: CaseResult[] = [];
  for (const path of expectations.constraint_tests.files) {
    const name = path.replace(/^constraints\//, '');
    try {
      const result = await withTimeout(compileBpmn(new Uint8Array(readFileSync(join(dir, path))), { scriptJobType: 'betsy', translateExpression: translateBetsyExpression }), 5000, path);
      results.push(result.ok
        ? { group: 'betsy/constraints', name, pass: false, reason: 'deployed, but violates a BPMN 2.0 constraint' }
        : { group: 'betsy/constraints', name, pass: true, reason: result.errors[0]?.message });
    } catch (err) {
      results.push({ group: 'betsy/constraints', name, pass: false, reason: (err as Error).message });
    }
  }
  return results;
}
