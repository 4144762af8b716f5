// Given Semarang's pack and each regency's role map, when the pack is imported into a scratch
// tenant per scenario, then every scenario passes with that regency's own group names (one that
// needs LibreOffice is reported skipped where it is not installed, and runs everywhere else).
import { expect } from 'chai';
import { readFile } from 'node:fs/promises';
import { readPack } from '../../engine/packs/read.js';
import { validatePack, type ValidatedPack } from '../../engine/packs/validate.js';
import { checkRoleMap } from '../../engine/packs/import.js';
import { ScenarioHarness } from '../../engine/packs/scenarios/harness.js';
import { runPackScenarios } from '../../engine/packs/scenarios/suite.js';

describe('Semarang pack in Batang, Klaten and Rembang', function () {
  this.timeout(15 * 60_000);
  let pack: ValidatedPack;
  let harness: ScenarioHarness;

  before(async () => {
    pack = await validatePack(await readPack('processes/semarang'));
    harness = await ScenarioHarness.open();
  });
  after(async () => harness?.close());

  for (const regency of ['batang', 'klaten', 'rembang']) {
    it(`runs every scenario in ${regency} with its own groups`, async () => {
      const roles = checkRoleMap(JSON.parse(await readFile(`processes/regencies/${regency}.roles.json`, 'utf8')));
      expect(Object.keys(roles).sort()).to.deep.equal(pack.manifest.roles.map((r) => r.key).sort());
      expect(Object.values(roles).every((g) => g.includes(regency))).to.equal(true);
      const results = await runPackScenarios(pack, roles, { harness, tenantPrefix: regency });
      const failures = results.filter((r) => !r.ok).map((r) => `${r.file}: ${r.error}`);
      expect(failures, failures.join('\n')).to.deep.equal([]);
      expect(results).to.have.length(pack.scenarios.length).and.length.greaterThanOrEqual(12);
      const needing = pack.scenarios.filter((s) => s.scenario.needs?.includes('soffice')).map((s) => s.file);
      expect(needing).to.include('scenarios/skp-terbit.json');
      expect(results.filter((r) => r.skipped).map((r) => r.file)).to.deep.equal(harness.soffice ? [] : needing);
    });
  }
});
