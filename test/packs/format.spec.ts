// Given pack manifests, BPMN assignments and signatures, when they are checked, mapped and
// verified, then problems name their file and element and role keys become the tenant's groups.
import { expect } from 'chai';
import { evaluate } from 'feelin';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { applyRoleMap, roleUses } from '../../engine/packs/roles.js';
import { parseManifest } from '../../engine/packs/manifest.js';
import { canonicalJson } from '../../engine/packs/canonical.js';
import { compareSemver } from '../../engine/packs/semver.js';
import { generateKeyPair, signManifest, verifyPackSignature } from '../../engine/packs/signature.js';
import { readPack } from '../../engine/packs/read.js';
import { validatePack } from '../../engine/packs/validate.js';
import { formatProblem, PackError } from '../../engine/packs/problems.js';
import { zipFiles } from '../../engine/packs/build.js';
import { readPackZip } from '../../engine/packs/read-zip.js';
import { sha256 } from '../../engine/packs/files.js';
import { UNMAPPED_ROLE } from '../../engine/core/elements/user-task.js';

/** A process s → T1 → T2 → … → e whose user tasks have the given candidateGroups values. */
const doc = (groups: Record<string, string>) => {
  const chain = ['s', ...Object.keys(groups), 'e'];
  const flow = (i: number) => `f${i}`;
  const tasks = Object.entries(groups).map(([id, g], k) => `<bpmn:userTask id="${id}"><bpmn:extensionElements><zeebe:userTask/>` +
    `<zeebe:assignmentDefinition candidateGroups="${g}"/></bpmn:extensionElements><bpmn:incoming>${flow(k)}</bpmn:incoming><bpmn:outgoing>${flow(k + 1)}</bpmn:outgoing></bpmn:userTask>`);
  const flows = chain.slice(1).map((id, i) => `<bpmn:sequenceFlow id="${flow(i)}" sourceRef="${chain[i]}" targetRef="${id}"/>`);
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
<bpmn:process id="p" isExecutable="true"><bpmn:startEvent id="s"><bpmn:outgoing>f0</bpmn:outgoing></bpmn:startEvent>
${tasks.join('\n')}
<bpmn:endEvent id="e"><bpmn:incoming>${flow(chain.length - 2)}</bpmn:incoming></bpmn:endEvent>
${flows.join('\n')}
</bpmn:process></bpmn:definitions>`;
};

describe('pack roles', () => {
  const map = { 'kepala-opd': 'kadin-batang', sekretaris: 'setdin-batang', 'bidang-a': 'bidang-a-batang' };
  const xml = doc({ T1: 'kepala-opd, sekretaris', T2: '=if urgent then &quot;kepala-opd&quot; else &quot;sekretaris&quot;', T3: '=bidang' });

  it('finds the literal role keys and marks variable-driven assignments as dynamic', async () => {
    const uses = await roleUses(xml, 'x.bpmn');
    expect(uses.map((u) => [u.element, u.keys, u.dynamic])).to.deep.equal([
      ['T1', ['kepala-opd', 'sekretaris'], false],
      ['T2', ['kepala-opd', 'sekretaris'], true],
      ['T3', [], true],
    ]);
  });

  it('rewrites static lists and FEEL so that every assignment yields the tenant groups', async () => {
    const mapped = await applyRoleMap(xml, 'x.bpmn', map);
    const compiled = await compileBpmn(mapped);
    if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
    const els = compiled.definitions.processes[0].elements;
    const groups = (id: string, ctx: Record<string, unknown>) => {
      const e = els[id].userTask!.candidateGroups!;
      return 'feel' in e ? evaluate(e.feel, ctx).value : e.value;
    };
    expect(groups('T1', {})).to.equal('kadin-batang,setdin-batang');
    expect(groups('T2', { urgent: true })).to.deep.equal(['kadin-batang']);
    expect(groups('T2', { urgent: false })).to.deep.equal(['setdin-batang']);
    expect(groups('T3', { bidang: 'bidang-a' })).to.deep.equal(['bidang-a-batang']);
    // A value the map does not know is marked, and the user task turns the mark into an
    // unmapped-role incident instead of offering the task to a group of that name.
    expect(groups('T3', { bidang: 'tidak-dipetakan' })).to.deep.equal([`${UNMAPPED_ROLE}tidak-dipetakan`]);
  });

  it('leaves a document without assignments byte for byte unchanged', async () => {
    const plain = xml.replace(/<zeebe:assignmentDefinition[^>]*\/>/g, '');
    expect(await applyRoleMap(plain, 'x.bpmn', map)).to.equal(plain);
  });
});

describe('pack manifest and signature', () => {
  it('names the field path of each schema violation', () => {
    try {
      parseManifest(Buffer.from(JSON.stringify({ formatVersion: 1, name: 'Bad Name', version: '1.0' })));
      throw new Error('accepted');
    } catch (err) {
      expect(err).to.be.instanceOf(PackError);
      const where = (err as PackError).problems.map((p) => `${p.file} ${p.element}`);
      expect(where).to.include.members(['pack.json name', 'pack.json version', 'pack.json publisher']);
    }
  });

  it('signs the canonical manifest, so reformatting keeps the signature valid', async () => {
    const { publicKey, privateKey } = generateKeyPair();
    const manifest = parseManifest((await readPack('processes/semarang')).files.get('pack.json'));
    const sig = Buffer.from(signManifest(manifest, privateKey));
    const reordered = JSON.parse(canonicalJson(manifest));
    expect(verifyPackSignature(reordered, sig, [{ publisher: 'semarang', publicKey }])).to.equal('verified');
    const tampered = { ...reordered, version: '9.9.9' };
    expect(() => verifyPackSignature(tampered, sig, [{ publisher: 'semarang', publicKey }])).to.throw(/Bad signature/);
  });

  it('orders semantic versions', () => {
    expect(compareSemver('1.2.0', '1.10.0')).to.equal(-1);
    expect(compareSemver('1.0.0-rc.1', '1.0.0')).to.equal(-1);
    expect(compareSemver('1.0.0-rc.2', '1.0.0-rc.10')).to.equal(-1);
    expect(compareSemver('2.0.0+build.5', '2.0.0')).to.equal(0);
  });
});

describe('pack validation cross-checks', function () {
  this.timeout(60_000);

  it("validates Semarang's pack: seven processes, declared roles and connectors", async () => {
    const v = await validatePack(await readPack('processes/semarang'));
    expect(v.processes).to.have.length(7);
    expect(v.connectorsUsed).to.deep.equal(['document-render', 'notifikasi', 'tte-sign']);
    expect(v.scenarios.length).to.be.at.least(12);
    for (const p of v.manifest.processes) expect(v.scenarios.filter((s) => s.scenario.process === p.id).length, p.id).to.be.at.least(2);
  });

  it('refuses an undeclared role, an undeclared connector and a missing form, naming file and element', async () => {
    const pack = await readPack('processes/semarang');
    const manifest = JSON.parse(pack.files.get('pack.json')!.toString());
    manifest.roles = manifest.roles.filter((r: { key: string }) => r.key !== 'bkpsdm');
    manifest.connectors = manifest.connectors.filter((c: { type: string }) => c.type !== 'tte-sign');
    manifest.files.forms = manifest.files.forms.filter((f: { path: string }) => f.path !== 'forms/form-surat-cuti.form');
    pack.files.delete('forms/form-surat-cuti.form');
    pack.files.set('pack.json', Buffer.from(JSON.stringify(manifest)));
    try {
      await validatePack(await readPackZip(await zipFiles(pack.files)));
      throw new Error('accepted');
    } catch (err) {
      const problems = (err as PackError).problems.map((p) => `${p.file}#${p.element}: ${p.message}`);
      expect(problems).to.include('bpmn/permohonan-cuti-asn.bpmn#Task_SuratCuti: Role "bkpsdm" is used as a candidate but not declared in pack.json roles.');
      expect(problems).to.include('bpmn/permohonan-cuti-asn.bpmn#Task_SuratCuti: Form "form-surat-cuti" is not in the pack.');
      expect(problems.some((p) => /Task_TTE: Service task type "tte-sign" is not declared/.test(p))).to.equal(true);
      // The same problems in Bahasa Indonesia, as the designer and `LANG=id_ID… npx alur` show them.
      const id = (err as PackError).problems.map((p) => formatProblem(p, 'id'));
      expect(id).to.include('bpmn/permohonan-cuti-asn.bpmn [Task_SuratCuti]: Formulir "form-surat-cuti" tidak ada dalam paket.');
      expect(id).to.include('bpmn/permohonan-cuti-asn.bpmn [Task_SuratCuti]: Peran "bkpsdm" dipakai sebagai kandidat tetapi tidak dinyatakan dalam roles di pack.json.');
    }
  });

  it('warns when a service task passes personal data to its job', async () => {
    const pack = await readPack('processes/semarang');
    const path = 'bpmn/surat-keterangan-penelitian.bpmn';
    const xml = pack.files.get(path)!.toString().replace('source="=nomorPermohonan" target="referensi"', 'source="=namaPemohon" target="referensi"');
    pack.files.set(path, Buffer.from(xml));
    const manifest = JSON.parse(pack.files.get('pack.json')!.toString());
    manifest.files.bpmn.find((f: { path: string }) => f.path === path).sha256 = sha256(Buffer.from(xml));
    pack.files.set('pack.json', Buffer.from(JSON.stringify(manifest)));
    const v = await validatePack(await readPackZip(await zipFiles(pack.files)));
    expect(v.warnings.filter((w) => /personal data/.test(w.message)).map((w) => `${w.file}#${w.element}`)).to.deep.equal([`${path}#Task_KirimSurat`]);
  });
});
