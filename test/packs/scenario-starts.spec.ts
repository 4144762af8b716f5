/**
 * Scenarios start a case the way the API does: as a user of the starter's role, through the start
 * form, with the registration number the process gives; `refusedStarts` must be refused and leave
 * nothing behind. Each variation of Semarang's PBG scenario below must pass or fail as stated.
 */
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { readPack } from '../../engine/packs/read.js';
import { validatePack, type ValidatedPack } from '../../engine/packs/validate.js';
import type { RoleMap } from '../../engine/packs/roles.js';
import { checkRoleMap, importPack } from '../../engine/packs/import.js';
import { ScenarioHarness } from '../../engine/packs/scenarios/harness.js';
import { runScenario } from '../../engine/packs/scenarios/run.js';
import type { Scenario } from '../../engine/packs/scenarios/format.js';

describe('packs: scenarios start through the start form', function () {
  // Reading and validating the whole Semarang pack and opening a PGlite harness, like its neighbours.
  this.timeout(180_000);
  let pack: ValidatedPack;
  let roles: RoleMap;
  let harness: ScenarioHarness;
  let pbg: Scenario;
  before(async () => {
    pack = await validatePack(await readPack('processes/semarang'));
    roles = checkRoleMap(JSON.parse(await readFile('processes/regencies/klaten.roles.json', 'utf8')));
    harness = await ScenarioHarness.open();
    pbg = pack.scenarios.find((s) => s.file === 'scenarios/pbg-terbit.json')!.scenario;
  });
  after(async () => harness?.close());

  async function run(change: (s: Scenario) => void) {
    const s: Scenario = structuredClone(pbg);
    change(s);
    const tenant = await harness.createTenant('klaten');
    await importPack(harness.engine, harness.admin(tenant), pack, roles);
    return runScenario(harness, tenant, 'pbg.json', s, roles);
  }

  it('given the PBG scenario as shipped, then its refused starts are refused and the case gets number 00001', async () => {
    expect(pbg.refusedStarts?.map((r) => r.status)).to.deep.equal([400, 403]);
    expect(pbg.expect?.businessKey).to.equal('PBG/2026/03/00001');
    const result = await run(() => undefined);
    expect(result.error).to.equal(undefined);
    expect(result.ok).to.equal(true);
  });

  it('given a start by someone outside alur:starters, then the scenario fails with the 403', async () => {
    const result = await run((s) => { delete s.start.role; });
    expect(result.ok).to.equal(false);
    expect(result.error).to.match(/^start: Forbidden: You may not start Persetujuan Bangunan Gedung \(PBG\): only members of dpmptsp-klaten-loket may\./);
  });

  it('given start values the form refuses, then the scenario fails naming the form', async () => {
    const result = await run((s) => { s.start.variables = { ...s.start.variables, luasBangunan: 0 }; });
    expect(result.ok).to.equal(false);
    expect(result.error).to.match(/^start: InvalidInput: The values do not fit the start form of Persetujuan Bangunan Gedung \(PBG\)\./);
  });

  it('given a refused start that is accepted, or refused for other fields, then the scenario fails saying so', async () => {
    const accepted = await run((s) => { s.refusedStarts = [{ role: 'loket-dpmptsp', variables: s.start.variables, status: 400 }]; });
    expect(accepted.error).to.equal('refused start 1: expected the start to be refused with 400, but it started');
    const otherFields = await run((s) => { s.refusedStarts![0].errors = ['luasBangunan']; });
    expect(otherFields.error).to.match(/^refused start 1: expected errors on luasBangunan, got fungsiBangunan, kecamatan, luasBangunan, nomorPermohonan/);
    const wrongStatus = await run((s) => { s.refusedStarts![1].status = 400; });
    expect(wrongStatus.error).to.match(/^refused start 2: expected a 400 refusal, got 403/);
  });

  it('given a different expected number, then the scenario fails with the number found', async () => {
    const result = await run((s) => { s.expect!.businessKey = 'PBG/2026/03/00002'; });
    expect(result.error).to.equal('expect: expected business key PBG/2026/03/00002, found PBG/2026/03/00001');
  });
});
