/**
 * `npm run conformance -- <corpus root>`: runs the betsy execution suite through the core, the
 * betsy constraint models, the negative cases and the MIWG import suite, prints a pass rate per
 * group and every failing case, then holds the results to DEVIATIONS.md (gate.ts): the run fails
 * on any failure not recorded there with its reason, any model outside coverage that deploys, and
 * fewer constraint models refused than recorded. The corpus is read in place; a missing path is
 * an error. `--deviations <file>` holds the run to another record (the gate's own specs do).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { runBetsyCase, sameTrace, type BetsyCase } from './betsy-adapter.js';
import { outOfCoverage } from './betsy-coverage.js';
import { translateBetsyExpression } from './betsy-expressions.js';
import { parseDeviations } from './deviations.js';
import { gate, type BetsyCaseResult, type ModelCheck } from './gate.js';
import { runConstraints } from './import-constraints.js';
import { runNegative } from './import-negative.js';
import { runMiwg } from './import-miwg.js';
import type { CaseResult } from './import-types.js';

interface BetsyTest { name: string; group: string; bpmn_path: string; start_process_id: string; test_cases: BetsyCase[] }

async function runBetsy(dir: string): Promise<BetsyCaseResult[]> {
  const spec = JSON.parse(readFileSync(join(dir, 'betsy-expectations.json'), 'utf8')) as { tests: BetsyTest[] };
  const results: BetsyCaseResult[] = [];
  for (const test of spec.tests) {
    const xml = readFileSync(join(dir, test.bpmn_path), 'utf8');
    const uncovered = outOfCoverage(xml).map((c) => c.what);
    for (const c of test.test_cases) {
      let run: { trace: string[]; errors: string[] };
      try {
        run = await runBetsyCase(xml, test, c);
      } catch (err) {
        run = { trace: [`CRASH ${(err as Error).message}`], errors: [] };
      }
      const pass = sameTrace(run.trace, c.expected_trace);
      results.push({
        test: test.name, number: c.number, group: `betsy/${test.group}`, pass, covered: uncovered.length === 0,
        reason: pass ? undefined : `expected [${c.expected_trace.join(', ')}] got [${run.trace.join(', ')}]${run.errors.length ? ` (${run.errors.join('; ')})` : ''}${uncovered.length ? ` (outside coverage: ${uncovered.join(', ')})` : ''}`,
      });
    }
  }
  return results;
}

/** Every execution model in the corpus (tests' models and any other), checked against coverage. */
async function checkModels(dir: string): Promise<ModelCheck[]> {
  const files = readdirSync(dir).filter((d) => d !== 'constraints' && statSync(join(dir, d)).isDirectory())
    .flatMap((d) => readdirSync(join(dir, d), { recursive: true }).map((f) => join(dir, d, String(f))))
    .filter((f) => f.endsWith('.bpmn')).sort();
  const checks: ModelCheck[] = [];
  for (const file of files) {
    const xml = readFileSync(file, 'utf8');
    const constructs = outOfCoverage(xml);
    if (constructs.length === 0) {
      checks.push({ path: relative(dir, file), constructs: [], deployed: true, refusedFor: [] });
      continue;
    }
    const compiled = await compileBpmn(xml, { scriptJobType: 'betsy', translateExpression: translateBetsyExpression });
    const errors = compiled.ok ? [] : compiled.errors;
    checks.push({
      path: relative(dir, file), constructs: constructs.map((c) => c.what), deployed: compiled.ok,
      refusedFor: constructs.filter((c) => errors.some((e) => !!e.element && c.refusal.test(e.message))).map((c) => c.what),
    });
  }
  return checks;
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
  const args = process.argv.slice(2);
  const option = args.indexOf('--deviations');
  const deviationsFile = option >= 0 ? args.splice(option, 2)[1] : join(dirname(fileURLToPath(import.meta.url)), 'DEVIATIONS.md');
  const arg = args[0];
  if (!arg || !deviationsFile) {
    console.error('usage: npm run conformance -- <path to the conformance corpus, e.g. ../shared/conformance> [--deviations <record>]');
    return 2;
  }
  const root = resolve(arg);
  if (!existsSync(join(root, 'betsy', 'betsy-expectations.json'))) {
    console.error(`error: ${root} is not a conformance corpus (betsy/betsy-expectations.json is missing)`);
    return 2;
  }
  const betsy = await runBetsy(join(root, 'betsy'));
  const models = await checkModels(join(root, 'betsy'));
  const constraints = await runConstraints(root);
  const imports = [...(await runNegative(root)), ...(await runMiwg(root))];
  const asRows = (rs: BetsyCaseResult[]): CaseResult[] => rs.map((r) => ({ group: r.group, name: `${r.test}#${r.number}`, pass: r.pass, reason: r.reason }));

  console.log('\nbetsy execution, all cases');
  table(asRows(betsy));
  const covered = betsy.filter((r) => r.covered);
  console.log(`\nbetsy execution, cases whose elements are in the coverage list (${covered.length} of ${betsy.length})`);
  table(asRows(covered));
  const coveredPass = covered.filter((r) => r.pass).length;
  console.log(`${'covered total'.padEnd(28)} ${coveredPass}/${covered.length} ${((100 * coveredPass) / covered.length).toFixed(1)}%`);
  const outside = models.filter((m) => m.constructs.length > 0);
  console.log(`\nbetsy models outside coverage refused at deployment: ${outside.filter((m) => !m.deployed).length}/${outside.length}`);
  console.log('\nimport and deployment');
  table([...constraints, ...imports]);

  const failing = [...asRows(betsy), ...constraints, ...imports].filter((r) => !r.pass);
  console.log(`\nfailing cases (${failing.length}):`);
  for (const r of failing) console.log(`  ${r.group} ${r.name}: ${r.reason ?? ''}`);

  const deviations = parseDeviations(readFileSync(deviationsFile, 'utf8'));
  const violations = gate({ betsy, models, constraints, imports }, deviations);
  console.log(`\ngate (${violations.length} violation${violations.length === 1 ? '' : 's'}):`);
  for (const v of violations) console.log(`  ${v}`);
  console.log(`\nconformance ${violations.length === 0 ? 'PASSED: every failure is recorded' : 'FAILED: see the gate above'} (record: ${relative(process.cwd(), deviationsFile)})`);
  return violations.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code), (err) => {
  console.error(err);
  process.exit(1);
});
