/**
 * Semarang's penandatanganan-dokumen runs the real tte-sign connector in a pack scenario: the
 * letter the scenario makes is approved by the kepala OPD and signed; the signed copy is version 2
 * and `pdfsig` finds its PAdES signature valid over the whole file, named after the approver's
 * certificate holder. A runJob that cannot sign fails the scenario with the connector's message.
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
import { documentBytes } from '../../engine/documents/read-bytes.js';
import { pdfsig } from '../api/signing-fixtures.js';

describe('packs: a scenario signs a letter with tte-sign', function () {
  this.timeout(300_000);
  let pack: ValidatedPack;
  let roles: RoleMap;
  let harness: ScenarioHarness;
  let tte: Scenario;
  before(async () => {
    pack = await validatePack(await readPack('processes/semarang'));
    roles = checkRoleMap(JSON.parse(await readFile('processes/regencies/rembang.roles.json', 'utf8')));
    harness = await ScenarioHarness.open();
    tte = pack.scenarios.find((s) => s.file === 'scenarios/penandatanganan-tte.json')!.scenario;
  });
  after(async () => harness?.close());

  async function run(s: Scenario) {
    const tenant = await harness.createTenant('rembang');
    await importPack(harness.engine, harness.admin(tenant), pack, roles);
    return { tenant, result: await runScenario(harness, tenant, 'penandatanganan-tte.json', s, roles) };
  }

  it('given Semarang\'s scenario with Rembang\'s roles, then it passes and the signed version verifies with pdfsig', async () => {
    const { tenant, result } = await run(tte);
    expect(result.error).to.equal(undefined);
    expect(result.ok).to.equal(true);
    const knex = harness.db.knex;
    const signed = await knex('document as d').join('document_blob as b', 'b.id', 'd.blob_id').where({ 'd.tenant_id': tenant }).whereNotNull('d.signature').first('d.*', 'b.chunks');
    expect(signed).to.include({ version: 2, name: 'surat-ttd.pdf' });
    expect(signed.signature).to.include({ signedBy: `${roles['kepala-opd']}@${tenant}`, reason: 'Menyetujui SK' });
    const verdict = pdfsig(await documentBytes(knex, signed));
    expect(verdict, verdict.output).to.include({ valid: true, totalDocumentSigned: true, type: 'ETSI.CAdES.detached', signer: 'Sertifikat uji skenario Alur (tidak sah)' });
  });

  it('given a runJob whose document is missing, or an expectDocument the case does not meet, then the scenario fails naming the cause', async () => {
    const noDoc = structuredClone(tte);
    delete noDoc.documents;
    (noDoc.start.variables as Record<string, unknown>).dokumenId = 'DOK-2026-0009';
    const failed = (await run(noDoc)).result;
    expect(failed.ok).to.equal(false);
    expect(failed.error).to.contain('step 2 (runJob): job tte-sign at Task_TTE failed: tte-sign: tidak ada dokumen yang ditunjuk');

    const wrongSigner = structuredClone(tte);
    wrongSigner.steps[2] = { expectDocument: { variable: 'dokumenId', versions: 2, signedByRole: 'sekretaris' } };
    const other = (await run(wrongSigner)).result;
    expect(other.ok).to.equal(false);
    expect(other.error).to.match(/^step 3 \(expectDocument\): document dokumenId: signed by .+, expected a user of role sekretaris$/);
  });
});
