/**
 * The conformance gate: what makes `npm run conformance` fail. It holds a run's results to the
 * record in DEVIATIONS.md, so a new regression, a stale record, a model outside coverage that
 * deploys or a constraint model that stops being refused each fail the run with its name. Pure:
 * results in, violations out (gate.spec.ts feeds it broken results).
 */
import type { Deviations } from './deviations.js';
import type { CaseResult } from './import-types.js';

export interface BetsyCaseResult {
  test: string;
  number: number;
  group: string;
  pass: boolean;
  /** All of the model's constructs are in the coverage list. */
  covered: boolean;
  reason?: string;
}

/** One betsy execution model checked against the coverage list. */
export interface ModelCheck {
  path: string;
  /** Constructs outside coverage the model uses. */
  constructs: string[];
  deployed: boolean;
  /** Of `constructs`, those refused by an error naming an element and saying it is unsupported. */
  refusedFor: string[];
}

export interface GateInput {
  betsy: BetsyCaseResult[];
  models: ModelCheck[];
  constraints: CaseResult[];
  /** Negative cases and MIWG: every one must pass. */
  imports: CaseResult[];
}

export function gate(input: GateInput, deviations: Deviations): string[] {
  const violations = [...deviations.problems];
  violations.push(...executionViolations(input.betsy, deviations.execution));
  for (const m of input.models) {
    if (m.constructs.length === 0) continue;
    if (m.deployed) violations.push(`${m.path} uses ${m.constructs.join(', ')} (outside coverage) but deploys: refuse it or run it correctly`);
    else {
      const unnamed = m.constructs.filter((c) => !m.refusedFor.includes(c));
      if (unnamed.length > 0) violations.push(`${m.path} is refused, but no error names the element and says ${unnamed.join(', ')} is unsupported`);
    }
  }
  violations.push(...constraintViolations(input.constraints, deviations.constraints));
  for (const r of input.imports) if (!r.pass) violations.push(`${r.group} ${r.name} fails: ${r.reason ?? ''}`);
  return violations;
}

function executionViolations(results: BetsyCaseResult[], listed: Map<string, string>): string[] {
  const violations: string[] = [];
  for (const r of results) {
    if (!r.pass && !listed.has(`${r.test}#${r.number}`) && !listed.has(r.test)) {
      violations.push(`betsy ${r.test}#${r.number} fails and DEVIATIONS.md does not list it: ${r.reason ?? ''}`);
    }
  }
  for (const name of listed.keys()) {
    const [test, number] = name.split('#');
    const cases = results.filter((r) => r.test === test && (number === undefined || String(r.number) === number));
    if (cases.length === 0) violations.push(`DEVIATIONS.md lists ${name}, which is no betsy case`);
    else if (cases.every((r) => r.pass)) violations.push(`DEVIATIONS.md lists ${name}, which passes now: remove it`);
  }
  return violations;
}

function constraintViolations(results: CaseResult[], listed: Map<string, string>): string[] {
  const violations: string[] = [];
  const refused = results.filter((r) => r.pass).length;
  const recorded = results.length - listed.size;
  for (const r of results) {
    if (!r.pass && !listed.has(r.name)) violations.push(`constraint model ${r.name} is not refused (${r.reason ?? ''}) and DEVIATIONS.md does not list it`);
    if (r.pass && listed.has(r.name)) violations.push(`constraint model ${r.name} is refused now, but DEVIATIONS.md lists it as deployed: remove it`);
  }
  for (const name of listed.keys()) if (!results.some((r) => r.name === name)) violations.push(`DEVIATIONS.md lists constraint model ${name}, which is not in the corpus`);
  if (refused < recorded) violations.push(`${refused} constraint models refused, fewer than the ${recorded} DEVIATIONS.md records`);
  return violations;
}
