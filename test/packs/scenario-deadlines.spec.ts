/**
 * Scenarios check deadlines in working days: `expectTask` a task's `dueAt` and `workingDaysLeft`,
 * `expect` the case's `sla` (state, working days left, due instant, paused) as the API shows them
 * at the scenario's clock. Semarang's reklame-fiktif-positif passes as shipped; each wrong
 * expectation below fails naming what was found.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { readPack } from '../../engine/packs/read.js';
import { validatePack, type ValidatedPack } from '../../engine/packs/validate.js';
import type { RoleMap } from '../../engine/packs/roles.js';
import { checkRoleMap, importPack } from '../../engine/packs/import.js';
import { ScenarioHarness } from '../../engine/packs/scenarios/harness.js';
import { runScenario } from '../../engine/packs/scenarios/run.js';
import { parseScenario, type Scenario, type Step } from '../../engine/packs/scenarios/format.js';

describe('packs: scenarios check working-day deadlines and the case SLA', function () {
  // Reading and validating the whole Semarang pack and opening a PGlite harness, like its neighbours.
  this.timeout(180_000);
  let pack: ValidatedPack;
  let roles: RoleMap;
  let harness: ScenarioHarness;
  let reklame: Scenario;
  before(async () => {
    pack = await validatePack(await readPack('processes/semarang'));
    roles = checkRoleMap(JSON.parse(await readFile('processes/regencies/semarang.roles.json', 'utf8')));
    harness = await ScenarioHarness.open();
    reklame = pack.scenarios.find((s) => s.file === 'scenarios/reklame-fiktif-positif.json')!.scenario;
  });
  after(async () => harness?.close());

  async function run(s: Scenario) {
    const tenant = await harness.createTenant('semarang');
    await importPack(harness.engine, harness.admin(tenant), pack, roles);
    return runScenario(harness, tenant, 'reklame.json', s, roles);
  }

  /** The shipped scenario's steps up to the day before the deadline (Thursday 20 August 2026, 11:00 WIB). */
  function dayBefore(extra: Step): Scenario {
    const s = structuredClone(reklame);
    const at = s.steps.findIndex((step) => 'advanceClock' in step && step.advanceClock === 'P7DT1H');
    s.steps = [...s.steps.slice(0, at + 1), extra];
    delete s.expect;
    return s;
  }

  it('given the shipped scenario, then its task and case deadlines hold: 1 working day left, due soon, missed in the end', async () => {
    expect(reklame.steps).to.deep.include({ expect: { sla: { state: 'due-soon', workingDaysLeft: 1, dueAt: '2026-08-21T03:00:00Z' } } });
    expect(reklame.expect?.sla).to.deep.equal({ state: 'missed' });
    const result = await run(reklame);
    expect(result.ok, result.error).to.equal(true);
  });

  it('given a wrong workingDaysLeft or dueAt on a task, then the step fails naming what the task has', async () => {
    const left = await run(dayBefore({ expectTask: { element: 'Task_Keputusan', workingDaysLeft: 2 } }));
    expect(left.ok).to.equal(false);
    expect(left.error).to.equal('step 4 (expectTask): task at Task_Keputusan: 1 working days left, expected 2 (due 2026-08-21T03:00:00.000Z, now 2026-08-20T04:00:00.000Z)');
    const due = await run(dayBefore({ expectTask: { element: 'Task_Keputusan', dueAt: '2026-08-20T03:00:00Z' } }));
    expect(due.error).to.equal('step 4 (expectTask): task at Task_Keputusan: due 2026-08-21T03:00:00.000Z, expected 2026-08-20T03:00:00.000Z');
  });

  it('given a wrong case SLA, then the expectation fails naming the SLA as the API shows it', async () => {
    const result = await run(dayBefore({ expect: { sla: { state: 'on-track', paused: false } } }));
    expect(result.ok).to.equal(false);
    expect(result.error).to.equal('step 4 (expect): case SLA: expected {"state":"on-track","paused":false}, found {"state":"due-soon","workingDaysLeft":1,"dueAt":"2026-08-21T03:00:00.000Z","paused":false} (now 2026-08-20T04:00:00.000Z)');
  });

  it('given an sla expectation that is empty or has an unknown state, then the scenario file is refused', () => {
    const file = (sla: unknown) => Buffer.from(JSON.stringify({ name: 'x', process: 'p', start: {}, steps: [], expect: { sla } }));
    expect(parseScenario(file({}), 's.json').problems.map((p) => p.element)).to.deep.equal(['expect.sla']);
    expect(parseScenario(file({ state: 'terlambat' }), 's.json').problems.map((p) => p.element)).to.deep.equal(['expect.sla.state']);
    expect(parseScenario(file({ state: 'overdue', workingDaysLeft: -1 }), 's.json').problems).to.deep.equal([]);
  });
});
