/**
 * `npm run conformance -- <corpus root>`: runs the betsy execution suite through the core, the
 * betsy constraint models, the negative cases and the MIWG import suite, and prints a pass rate
 * per group plus every failing case. The corpus is read in place; a missing path is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { runBetsyCase, sameTrace, type BetsyCase } from './betsy-adapter.js';
import { outOfCoverage } from './betsy-coverage.js';
import { runConstraints } from './import-constraints.js';
import { runNegative } from './import-negative.js';
import { runMiwg } from './import-miwg.js';
import type { CaseResult } from './import-types.js';

interface BetsyTest { name: string; group: string; bpmn_path: string; start_process_id: string; test_cases: BetsyCase[] }

async function runBetsy(root: string): Promise<(CaseResult & { covered: boolean })[]> {
  const dir = join(root, 'betsy');
  const spec = JSON.parse(readFileSync(join(dir, 'betsy-expectations.json'), 'utf8')) as { tests: BetsyTest[] };
  const results: (CaseResult & { covered: boolean })[] = [];
  for (const test of spec.tests) {
    const xml = readFileSync(join(dir, test.bpmn_path), 'utf8');
    const uncovered = outOfCoverage(xml);
    for (const c of test.test_cases) {
      const name = `${test.name}#${c.number}`;
      let actual: string[];
      try {
        actual = await runBetsyCase(xml, test.start_process_id, c);
      } catch (err) {
        actual = [`CRASH ${(err as Error).message}`];
      }
      const pass = sameTrace(actual, c.expected_trace);
      results.push({
        group: `betsy/${test.group}`, name, pass, covered: uncovered.length === 0,
        reason: pass ? undefined : `expected [${c.expected_trace.join(', ')}] got [${actual.join(', ')}]${uncovered.length ? ` (outside coverage: ${uncovered.join(', ')})` : ''}`,
      });
    }
  }
  return results;
}

function table(rows: CaseResult[]): void {
  const groups = new Map<string, { pass: number; total: number }>();
  for (const r of rows) {
    const g = groups.get(r.group) ?? { pass: 0, total: 0 };
    g.total++;
    if (r.pass) g.pass++;
    groups.set(r.group, g);
  }
  for (const [group, g] of groups) console.log(`${group.padEnd(28)} ${String(g.pass).padStart(4)}/${String(g.total).padEnd(4)} ${((100 * g.pass) / g.total).toFixed(1).padStart(5)}%`);
}

async function main(): Promise<number> {
  const arg = process.argv[2];
  if (!arg) {
    console.error('usage: npm run conformance -- <path to the conformance corpus, e.g. ../shared/conformance>');
    return 2;
  }
  const root = resolve(arg);
  if (!existsSync(join(root, 'betsy', 'betsy-expectations.json'))) {
    console.error(`error: ${root} is not a conformance corpus (betsy/betsy-expectations.json is missing)`);
    return 2;
  }
  const betsy = await runBetsy(root);
  const imports = [...(await runConstraints(root)), ...(await runNegative(root)), ...(await runMiwg(root))];

  console.log('\nbetsy execution, all cases');
  table(betsy);
  const covered = betsy.filter((r) => r.covered);
  console.log(`\nbetsy execution, cases whose elements are in the coverage list (${covered.length} of ${betsy.length})`);
  table(covered);
  const coveredRate = covered.filter((r) => r.pass).length / covered.length;
  console.log(`${'covered total'.padEnd(28)} ${covered.filter((r) => r.pass).length}/${covered.length} ${(100 * coveredRate).toFixed(1)}%`);
  console.log('\nimport and deployment');
  table(imports);

  const failing = [...betsy, ...imports].filter((r) => !r.pass);
  console.log(`\nfailing cases (${failing.length}):`);
  for (const r of failing) console.log(`  ${r.group} ${r.name}: ${r.reason ?? ''}`);
  const importFailures = imports.filter((r) => !r.pass && !r.group.includes('constraints'));
  // The gate: >= 95 % of covered betsy cases, and every negative/MIWG import case.
  const ok = coveredRate >= 0.95 && importFailures.length === 0;
  console.log(`\nconformance ${ok ? 'PASSED' : 'FAILED'}: covered betsy ${(100 * coveredRate).toFixed(1)}% (target 95%), import failures ${importFailures.length}`);
  return ok ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
