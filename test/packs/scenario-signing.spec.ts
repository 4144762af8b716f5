/**
 * Semarang's penandatanganan-dokumen runs the real tte-sign connector in a pack scenario: the
 * letter the scenario makes is approved by the kepala OPD and signed; the signed copy is version 2
 * and `pdfsig` finds its PAdES signature valid over the whole file, named after the approver's
 * certificate holder. A runJob that cannot sign fails the scenario with the connector's message.
 * Semarang's skp-terbit goes end to end with real connectors only: document-render fills the
 * pack's template, numbers the letter from the register and has LibreOffice make its PDF, and
 * tte-sign signs that same PDF; without LibreOffice the scenario reports itself skipped.
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
import { execFileSync } from 'node:child_process';
import { pdfsig } from '../api/signing-fixtures.js';
import { whereInstalled } from '../support/debian-tools.js';

describe('packs: a scenario signs a letter with tte-sign', function () {
  this.timeout(300_000);
  let pack: ValidatedPack;
  let roles: RoleMap;
  let harness: ScenarioHarness;
  let tte: Scenario;
  let skp: Scenario;
  before(async () => {
    pack = await validatePack(await readPack('processes/semarang'));
    roles = checkRoleMap(JSON.parse(await readFile('processes/regencies/rembang.roles.json', 'utf8')));
    harness = await ScenarioHarness.open();
    tte = pack.scenarios.find((s) => s.file === 'scenarios/penandatanganan-tte.json')!.scenario;
    skp = pack.scenarios.find((s) => s.file === 'scenarios/skp-terbit.json')!.scenario;
  });
  after(async () => harness?.close());

  async function run(s: Scenario, file = 'penandatanganan-tte.json') {
    const tenant = await harness.createTenant('rembang');
    await importPack(harness.engine, harness.admin(tenant), pack, roles);
    return { tenant, result: await runScenario(harness, tenant, file, s, roles) };
  }

  /** The tenant's signed document, with its blob's chunks for documentBytes. */
  const signedIn = (tenant: string) => harness.db.knex('document as d').join('document_blob as b', 'b.id', 'd.blob_id').where({ 'd.tenant_id': tenant }).whereNotNull('d.signature').first('d.*', 'b.chunks');

  whereInstalled(['pdfsig'], 'scenario signing: pdfsig', () => {
    it('given Semarang\'s scenario with Rembang\'s roles, then it passes and the signed version verifies with pdfsig', async () => {
      const { tenant, result } = await run(tte);
      expect(result.error).to.equal(undefined);
      expect(result.ok).to.equal(true);
      const signed = await signedIn(tenant);
      expect(signed).to.include({ version: 2, name: 'surat-ttd.pdf' });
      expect(signed.signature).to.include({ signedBy: `${roles['kepala-opd']}@${tenant}`, reason: 'Menyetujui SK' });
      const verdict = pdfsig(await documentBytes(harness.db.knex, signed));
      expect(verdict, verdict.output).to.include({ valid: true, totalDocumentSigned: true, type: 'ETSI.CAdES.detached', signer: 'Sertifikat uji skenario Alur (tidak sah)' });
    });
  });

  // LibreOffice makes the letter's PDF; poppler checks the signature and reads the pages back.
  whereInstalled(['soffice', 'pdfsig', 'pdftotext'], 'scenario signing: a letter rendered and signed', () => {
    it('given Semarang\'s skp-terbit, then the letter is rendered from the pack\'s template, numbered 1/070/KESBANGPOL/2026, made a PDF by LibreOffice, and that PDF is signed by the kepala Kesbangpol and verifies with pdfsig', async function () {
      const { tenant, result } = await run(skp, 'skp-terbit.json');
      expect(result.error).to.equal(undefined);
      expect(result.ok).to.equal(true);
      expect(result.skipped).to.equal(undefined);
      const knex = harness.db.knex;
      const docs = await knex('document').where({ tenant_id: tenant }).select('id', 'name', 'media_type', 'version');
      const docx = docs.find((d) => d.media_type.includes('wordprocessingml'));
      const pdf = docs.find((d) => d.media_type === 'application/pdf' && d.version === 1);
      expect(docx.name).to.equal('surat-keterangan-penelitian-SKP-2026-0077.docx');
      const signed = await signedIn(tenant);
      expect(signed).to.include({ version: 2, version_of: pdf.id, media_type: 'application/pdf' });
      expect(signed.signature).to.include({ signedBy: `${roles['kepala-kesbangpol']}@${tenant}`, reason: 'Menyetujui SKP' });
      const bytes = await documentBytes(knex, signed);
      const verdict = pdfsig(bytes);
      expect(verdict, verdict.output).to.include({ valid: true, totalDocumentSigned: true, type: 'ETSI.CAdES.detached', signer: 'Sertifikat uji skenario Alur (tidak sah)' });
      // The signed pages are the letter LibreOffice made from the template, with its number.
      const text = execFileSync('pdftotext', ['-', '-'], { input: bytes }).toString();
      expect(text).to.contain('1/070/KESBANGPOL/2026').and.to.contain('Partisipasi warga dalam Musrenbang');
    });
  });

  it('given a machine without LibreOffice, then skp-terbit is reported skipped naming the Debian package, and nothing of it ran', async () => {
    const without = await ScenarioHarness.open({ soffice: 'off' });
    try {
      const tenant = await without.createTenant('rembang');
      await importPack(without.engine, without.admin(tenant), pack, roles);
      const result = await runScenario(without, tenant, 'skp-terbit.json', skp, roles);
      expect(result.ok).to.equal(true);
      expect(result.error).to.equal(undefined);
      expect(result.skipped).to.equal('needs LibreOffice (soffice; Debian libreoffice-writer-nogui) for the letter\'s PDF');
      expect(await without.db.knex('process_instance').where({ tenant_id: tenant }).count('* as n').first()).to.deep.equal({ n: 0 });
    } finally {
      await without.close();
    }
  });

  it('given a start without its document, or an expectDocument the case does not meet, then the scenario fails naming the cause', async () => {
    // The start form asks for the draft as a filepicker (form-konsep-dokumen): a start that names
    // no upload is refused at the start, naming the field, and nothing runs.
    const noDoc = structuredClone(tte);
    delete noDoc.documents;
    (noDoc.start.variables as Record<string, unknown>).dokumenId = 'DOK-2026-0009';
    const failed = (await run(noDoc)).result;
    expect(failed.ok).to.equal(false);
    expect(failed.error).to.match(/^start: InvalidInput: .*\(dokumenId: /);

    const wrongSigner = structuredClone(tte);
    wrongSigner.steps[2] = { expectDocument: { variable: 'dokumenId', versions: 2, signedByRole: 'sekretaris' } };
    const other = (await run(wrongSigner)).result;
    expect(other.ok).to.equal(false);
    expect(other.error).to.match(/^step 3 \(expectDocument\): document dokumenId: signed by .+, expected a user of role sekretaris$/);
  });
});
