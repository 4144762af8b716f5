/**
 * The conformance gate fails on each kind of broken result: every `it` below feeds it one
 * deliberately broken run (a fake corpus result) and expects the violation that names it, after
 * the first shows that a run matching its record passes.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDeviations, type Deviations } from './deviations.js';
import { gate, type BetsyCaseResult, type GateInput, type ModelCheck } from './gate.js';
import type { CaseResult } from './import-types.js';

const RECORD = `# Conformance deviations
## betsy execution: cases outside the coverage list
| construct | cases | why not (yet) |
|---|---|---|
| complex gateway | \`ComplexGateway\` | Camunda 8 has no complex gateway either. |

## betsy execution: in-coverage cases that fail
| cases | expected | Alur | reason |
|---|---|---|---|
| \`Timer_Cycle#2\` | four | one | a documented semantic decision |

## betsy constraint models
| models | constraint | why Alur deploys them |
|---|---|---|
| \`EXT053/EXT053_1_failure.bpmn\` | scriptFormat | Camunda 8 script tasks carry no scriptFormat. |
`;

const betsy = (test: string, number: number, pass: boolean): BetsyCaseResult => ({ test, number, group: 'betsy/events', pass, covered: true, reason: pass ? undefined : 'expected [SCRIPT_task1] got []' });
const constraint = (name: string, pass: boolean): CaseResult => ({ group: 'betsy/constraints', name, pass, reason: pass ? 'refused' : 'deployed, but violates a BPMN 2.0 constraint' });
const model = (path: string, over: Partial<ModelCheck> = {}): ModelCheck => ({ path, constructs: ['complex gateway'], deployed: false, refusedFor: ['complex gateway'], ...over });

/** A run that matches RECORD exactly. */
function run(): GateInput {
  return {
    betsy: [betsy('ComplexGateway', 1, false), betsy('Timer_Cycle', 1, true), betsy('Timer_Cycle', 2, false), betsy('ExclusiveGateway', 1, true)],
    models: [model('gateways/ComplexGateway.bpmn'), { path: 'gateways/ExclusiveGateway.bpmn', constructs: [], deployed: true, refusedFor: [] }],
    constraints: [constraint('EXT053/EXT053_1_failure.bpmn', false), constraint('EXT002/EXT002_1.bpmn', true), constraint('EXT064/EXT064_2.bpmn', true)],
    imports: [{ group: 'negative', name: 'xxe.bpmn', pass: true }, { group: 'miwg/tools', name: 'A.1.0.bpmn', pass: true }],
  };
}

const record = (): Deviations => parseDeviations(RECORD);

describe('conformance/gate: the run fails when behaviour is wrong', () => {
  it('given a run matching its record, when judged, then there is no violation (the gate can pass)', () => {
    expect(record().problems).to.deep.equal([]);
    expect(gate(run(), record())).to.deep.equal([]);
  });

  it('given a betsy failure the record does not list, when judged, then the run fails naming the case', () => {
    const input = run();
    input.betsy[3] = betsy('ExclusiveGateway', 1, false);
    expect(gate(input, record())).to.deep.equal(['betsy ExclusiveGateway#1 fails and DEVIATIONS.md does not list it: expected [SCRIPT_task1] got []']);
  });

  it('given a listed case that is not the failing one (Name#2 listed, #1 fails), when judged, then the run fails', () => {
    const input = run();
    input.betsy[1] = betsy('Timer_Cycle', 1, false);
    expect(gate(input, record())).to.deep.equal(['betsy Timer_Cycle#1 fails and DEVIATIONS.md does not list it: expected [SCRIPT_task1] got []']);
  });

  it('given a record row without a reason, when judged, then the run fails even though the case is named', () => {
    const deviations = parseDeviations(RECORD.replace('| a documented semantic decision |', '|  |'));
    expect(gate(run(), deviations)).to.deep.equal(['DEVIATIONS.md: row for Timer_Cycle#2 gives no reason']);
  });

  it('given a listed case that passes now, or a name that is no case, when judged, then the run fails so the record stays true', () => {
    const input = run();
    input.betsy[2] = betsy('Timer_Cycle', 2, true);
    expect(gate(input, record())).to.deep.equal(['DEVIATIONS.md lists Timer_Cycle#2, which passes now: remove it']);
    const typo = parseDeviations(RECORD.replace('`ComplexGateway`', '`ComplexGateway`, `ComplexGatewy`'));
    expect(gate(run(), typo)).to.deep.equal(['DEVIATIONS.md lists ComplexGatewy, which is no betsy case']);
  });

  it('given a model outside coverage that deploys, when judged, then the run fails even though its cases are listed', () => {
    const input = run();
    input.models[0] = model('gateways/ComplexGateway.bpmn', { deployed: true, refusedFor: [] });
    expect(gate(input, record())).to.deep.equal(['gateways/ComplexGateway.bpmn uses complex gateway (outside coverage) but deploys: refuse it or run it correctly']);
  });

  it('given a model outside coverage refused for an unrelated reason, when judged, then the run fails', () => {
    const input = run();
    input.models[0] = model('gateways/ComplexGateway.bpmn', { constructs: ['complex gateway', 'conditional event'], refusedFor: ['complex gateway'] });
    expect(gate(input, record())).to.deep.equal(['gateways/ComplexGateway.bpmn is refused, but no error names the element and says conditional event is unsupported']);
  });

  it('given fewer constraint models refused than recorded, when judged, then the run fails naming the model', () => {
    const input = run();
    input.constraints[2] = constraint('EXT064/EXT064_2.bpmn', false);
    expect(gate(input, record())).to.deep.equal([
      'constraint model EXT064/EXT064_2.bpmn is not refused (deployed, but violates a BPMN 2.0 constraint) and DEVIATIONS.md does not list it',
      '1 constraint models refused, fewer than the 2 DEVIATIONS.md records',
    ]);
  });

  it('given a constraint model the record lists as deployed that is refused now, when judged, then the run fails until the record is updated', () => {
    const input = run();
    input.constraints[0] = constraint('EXT053/EXT053_1_failure.bpmn', true);
    expect(gate(input, record())).to.deep.equal(['constraint model EXT053/EXT053_1_failure.bpmn is refused now, but DEVIATIONS.md lists it as deployed: remove it']);
  });

  it('given a failing negative or MIWG case, when judged, then the run fails', () => {
    const input = run();
    input.imports[0] = { group: 'negative', name: 'xxe.bpmn', pass: false, reason: 'the content of file.txt leaked into the result' };
    expect(gate(input, record())).to.deep.equal(['negative xxe.bpmn fails: the content of file.txt leaked into the result']);
  });

  it('given the repository record, when read, then every row names cases and gives a reason', () => {
    const here = dirname(fileURLToPath(import.meta.url));
    const deviations = parseDeviations(readFileSync(join(here, 'DEVIATIONS.md'), 'utf8'));
    expect(deviations.problems).to.deep.equal([]);
    expect(deviations.execution.size).to.be.greaterThan(0);
    expect(deviations.constraints.size).to.be.greaterThan(0);
  });
});
