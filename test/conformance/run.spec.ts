/**
 * `npm run conformance` end to end on a small fake corpus: it exits 0 when every failure is
 * recorded, 1 when the gate finds a broken result, and 2 when there is no corpus — so CI's last
 * step cannot pass on a broken build or a missing path.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const model = (id: string, token: string) => `<?xml version="1.0" encoding="UTF-8"?>
<bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" id="${id}Test" targetNamespace="http://example.org/betsy">
  <bpmn2:process id="${id}" isExecutable="true">
    <bpmn2:startEvent id="S"/><bpmn2:scriptTask id="T"><bpmn2:script>${token}</bpmn2:script></bpmn2:scriptTask><bpmn2:endEvent id="E"/>
    <bpmn2:sequenceFlow id="F1" sourceRef="S" targetRef="T"/><bpmn2:sequenceFlow id="F2" sourceRef="T" targetRef="E"/>
  </bpmn2:process>
</bpmn2:definitions>`;

const RECORD = `## betsy execution: in-coverage cases that fail
| cases | reason |
|---|---|
| \`Known\` | a recorded decision, with its reason |

## betsy constraint models
| models | why Alur deploys them |
|---|---|
`;

/** A corpus with a passing test, a recorded failing one, and optionally an unrecorded failure and a constraint model that deploys. */
function corpus(dir: string, broken: boolean): void {
  const tests = [['Passing', 'SCRIPT_task1', ['SCRIPT_task1']], ['Known', 'SCRIPT_task1', ['SCRIPT_task2']]];
  if (broken) tests.push(['Regressed', 'SCRIPT_task1', ['SCRIPT_task3']]);
  mkdirSync(join(dir, 'betsy', 'basics'), { recursive: true });
  mkdirSync(join(dir, 'betsy', 'constraints'), { recursive: true });
  for (const [name, token] of tests) writeFileSync(join(dir, 'betsy', 'basics', `${name}.bpmn`), model(name as string, token as string));
  if (broken) writeFileSync(join(dir, 'betsy', 'constraints', 'EXT999_1.bpmn'), model('Valid', 'SCRIPT_task1'));
  writeFileSync(join(dir, 'betsy', 'betsy-expectations.json'), JSON.stringify({
    tests: tests.map(([name, , expected]) => ({
      name, group: 'basics', bpmn_path: `basics/${name}.bpmn`, start_process_id: name,
      test_cases: [{ number: 1, delay_ms: 0, start_parallel_process_first: false, expected_trace: expected, start_variables: { testCaseNumber: 1, integerVariable: 0 } }],
    })),
    constraint_tests: { files: broken ? ['constraints/EXT999_1.bpmn'] : [] },
  }));
  mkdirSync(join(dir, 'negative'));
  writeFileSync(join(dir, 'negative', 'negative-manifest.json'), JSON.stringify({ cases: [] }));
  mkdirSync(join(dir, 'miwg'));
  writeFileSync(join(dir, 'miwg', 'miwg-manifest.json'), JSON.stringify({ files: [], reference_signatures: {} }));
  writeFileSync(join(dir, 'DEVIATIONS.md'), RECORD);
}

function conformance(...args: string[]): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'test/conformance/run.ts'), ...args], { cwd: root, encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

describe('conformance/run: the exit code CI sees', function () {
  this.timeout(120_000);
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'alur-conformance-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('given a corpus whose only failure is recorded with its reason, when run, then it passes', () => {
    corpus(dir, false);
    const r = conformance(dir, '--deviations', join(dir, 'DEVIATIONS.md'));
    expect(r.out).to.contain('gate (0 violations)');
    expect(r.status, r.out).to.equal(0);
  });

  it('given a corpus with an unrecorded failure and a constraint model that deploys, when run, then it fails naming both', () => {
    corpus(dir, true);
    const r = conformance(dir, '--deviations', join(dir, 'DEVIATIONS.md'));
    expect(r.out).to.contain('betsy Regressed#1 fails and DEVIATIONS.md does not list it: expected [SCRIPT_task3] got [SCRIPT_task1]');
    expect(r.out).to.contain('constraint model EXT999_1.bpmn is not refused');
    expect(r.out).to.contain('conformance FAILED');
    expect(r.status).to.equal(1);
  });

  it('given no corpus at the path, when run, then it is an error, not a pass', () => {
    const r = conformance(join(dir, 'missing'));
    expect(r.out).to.contain('is not a conformance corpus');
    expect(r.status).to.equal(2);
  });
});
