// Given hostile pack archives built here with yazl, when each is read, validated and imported,
// then it is refused with an error naming the offending file, and nothing is deployed or stored.
import { expect } from 'chai';
import { cp, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import yazl from 'yazl';
import { buildPack, zipFiles } from '../../engine/packs/build.js';
import { readPackZip } from '../../engine/packs/read-zip.js';
import { readPackFolder } from '../../engine/packs/read-folder.js';
import { validatePack } from '../../engine/packs/validate.js';
import { importPack } from '../../engine/packs/import.js';
import { FolderPackStore } from '../../engine/packs/store.js';
import { PackError } from '../../engine/packs/problems.js';
import { generateKeyPair, signManifest } from '../../engine/packs/signature.js';
import { limitsWith } from '../../engine/packs/limits.js';
import { ScenarioHarness } from '../../engine/packs/scenarios/harness.js';
import { BPMN, FORM, packFiles } from './small-pack.js';
import { sha256 } from '../../engine/packs/files.js';
import { docx, zipBomb } from '../letters/docx.js';

type Entry = { name: string; data: Buffer; symlink?: boolean; compress?: boolean };

function rawZip(entries: Entry[]): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  for (const e of entries) zip.addBuffer(e.data, e.name, { mode: e.symlink ? 0o120777 : 0o100644, compress: e.compress ?? true });
  zip.end();
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

async function refusal(zip: Buffer, opts: Parameters<typeof validatePack>[1] = {}, limits = limitsWith()): Promise<PackError> {
  try {
    await validatePack(await readPackZip(zip, 'evil.zip', limits), opts);
  } catch (err) {
    expect(err).to.be.instanceOf(PackError);
    return err as PackError;
  }
  throw new Error('the pack was accepted');
}

describe('hostile packs', function () {
  this.timeout(120_000);

  it('accepts the well-formed control pack', async () => {
    const v = await validatePack(await readPackZip(await zipFiles(packFiles())));
    expect(v.processes.map((p) => p.id)).to.deep.equal(['uji']);
  });

  it('refuses ../ paths, absolute paths and backslashes, naming the entry', async () => {
    for (const name of ['../../etc/cron.d/evil', '/etc/passwd', 'bpmn\\..\\..\\x', 'C:/x']) {
      // yazl refuses such names itself, so the archive gets a same-length placeholder that is patched afterwards.
      const placeholder = 'Q'.repeat(name.length);
      const zip = await rawZip([{ name: 'pack.json', data: Buffer.from('{}') }, { name: placeholder, data: Buffer.from('x') }]);
      const patched = Buffer.from(zip.toString('latin1').split(placeholder).join(name), 'latin1');
      const err = await refusal(patched);
      expect(err.message).to.contain(name);
    }
  });

  it('refuses symbolic links', async () => {
    const err = await refusal(await rawZip([{ name: 'bpmn/link.bpmn', data: Buffer.from('/etc/passwd'), symlink: true }]));
    expect(err.message).to.match(/bpmn\/link\.bpmn.*symbolic link/);
  });

  it('refuses zip bombs: a huge entry, a high compression ratio, too many entries', async () => {
    const big = Buffer.alloc(6 * 1024 * 1024);
    expect((await refusal(await rawZip([{ name: 'bpmn/bomb.bpmn', data: big }]))).message).to.match(/bomb\.bpmn.*(limit|ratio)/);
    const err = await refusal(await rawZip([{ name: 'forms/z.form', data: Buffer.alloc(1024 * 1024) }]));
    expect(err.message).to.match(/z\.form.*compression ratio/);
    const many = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, data: Buffer.from('x') }));
    expect((await refusal(await rawZip(many), {}, limitsWith({ maxEntries: 20 }))).message).to.match(/30 entries/);
  });

  it('refuses a letter template that is a zip bomb inside the zip, or whose tags do not compile, naming the template and the tag', async () => {
    const withTemplate = async (content: Buffer) => {
      const files = packFiles((f) => f.set('templates/surat.docx', content));
      const manifest = JSON.parse(files.get('pack.json')!.toString('utf8'));
      manifest.files.templates = [{ path: 'templates/surat.docx', sha256: sha256(content) }];
      files.set('pack.json', Buffer.from(JSON.stringify(manifest, null, 2)));
      return zipFiles(files);
    };
    const control = await validatePack(await readPackZip(await withTemplate(docx(['Nomor: {nomorSurat}']))));
    expect(control.manifest.files.templates).to.have.length(1);
    // The bomb is stored (not deflated again) in the pack, so only the template's own directory betrays it.
    expect((await refusal(await withTemplate(await zipBomb(30 * 1024 * 1024)))).message).to.match(/templates\/surat\.docx: Refused: \d+ bytes uncompressed/);
    const broken = await refusal(await withTemplate(docx(['{#lampiran}Lampiran: {.}'])));
    expect(broken.problems[0]).to.include({ file: 'templates/surat.docx', element: 'lampiran' });
  });

  it('refuses duplicate entries, also when they differ only in case', async () => {
    const err = await refusal(await rawZip([{ name: 'forms/f.form', data: Buffer.from('{}') }, { name: 'forms/F.form', data: Buffer.from('{}') }]));
    expect(err.message).to.match(/F\.form.*duplicate/);
  });

  it('refuses a checksum mismatch and a file not listed in pack.json', async () => {
    const files = packFiles();
    files.set('forms/f.form', Buffer.from(JSON.stringify({ ...FORM, components: [] })));
    files.set('extra.sh', Buffer.from('rm -rf /'));
    const err = await refusal(await zipFiles(files));
    expect(err.problems.map((p) => p.file)).to.include.members(['forms/f.form', 'extra.sh']);
    expect(err.message).to.match(/Checksum mismatch/);
  });

  it('refuses unsigned and wrongly signed packs where the tenant trusts keys', async () => {
    const publisher = generateKeyPair();
    const stranger = generateKeyPair();
    const trusted = [{ publisher: 'semarang', publicKey: publisher.publicKey }];
    const files = packFiles();
    expect((await refusal(await zipFiles(files), { trustedKeys: trusted })).message).to.match(/pack\.sig: Missing/);
    const manifest = JSON.parse(files.get('pack.json')!.toString());
    files.set('pack.sig', Buffer.from(signManifest(manifest, stranger.privateKey)));
    expect((await refusal(await zipFiles(files), { trustedKeys: trusted })).message).to.match(/pack\.sig: Bad signature/);
    files.set('pack.sig', Buffer.from(signManifest(manifest, publisher.privateKey)));
    const ok = await validatePack(await readPackZip(await zipFiles(files)), { trustedKeys: trusted });
    expect(ok.signature).to.equal('verified');
  });

  it('refuses a BPMN with an XXE entity, naming the file', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>${BPMN.replace(/^<\?xml[^>]*>/, '').replace('name="Periksa"', 'name="&x;"')}`;
    const err = await refusal(await zipFiles(packFiles((f) => f.set('bpmn/uji.bpmn', Buffer.from(xxe)))));
    expect(err.message).to.match(/bpmn\/uji\.bpmn.*DOCTYPE/);
  });

  it('refuses a form that carries script, naming the file', async () => {
    const form = { ...FORM, components: [...FORM.components, { type: 'html', content: '<script>fetch("/api/tasks")</script>' }] };
    const err = await refusal(await zipFiles(packFiles((f) => f.set('forms/f.form', Buffer.from(JSON.stringify(form))))));
    expect(err.problems.some((p) => p.file === 'forms/f.form' && /script/i.test(p.message))).to.equal(true);
  });

  it('refuses a folder whose listed file is a symlink leading outside', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'alur-pack-'));
    const { mkdir, symlink, writeFile } = await import('node:fs/promises');
    const files = packFiles();
    await mkdir(join(dir, 'bpmn'));
    await mkdir(join(dir, 'forms'));
    for (const [name, data] of files) if (name !== 'bpmn/uji.bpmn') await writeFile(join(dir, name), data);
    await symlink('/etc/hostname', join(dir, 'bpmn/uji.bpmn'));
    try {
      await readPackFolder(dir);
      throw new Error('accepted');
    } catch (err) {
      expect((err as Error).message).to.match(/bpmn\/uji\.bpmn.*symbolic link/);
    }
  });

  describe('importing', () => {
    let h: ScenarioHarness;
    before(async () => { h = await ScenarioHarness.open(); });
    after(async () => h?.close());

    it('deploys nothing and stores nothing for an unmapped role or a refused pack', async () => {
      const tenant = await h.createTenant('hostile');
      const storeDir = await mkdtemp(join(tmpdir(), 'alur-store-'));
      const store = new FolderPackStore(storeDir);
      const v = await validatePack(await readPackZip(await zipFiles(packFiles())));
      try {
        await importPack(h.engine, h.admin(tenant), v, {}, { store });
        throw new Error('accepted');
      } catch (err) {
        expect((err as Error).message).to.match(/Pack role "petugas" is not mapped/);
      }
      const defs = await h.db.knex('process_definition').where({ tenant_id: tenant });
      expect(defs).to.have.length(0);
      expect(await readdir(storeDir)).to.deep.equal([]);
      const done = await importPack(h.engine, h.admin(tenant), v, { petugas: 'loket-batang' }, { store });
      expect(done.deployed).to.equal(true);
      const again = await importPack(h.engine, h.admin(tenant), v, { petugas: 'loket-batang' }, { store, dryRun: true });
      expect(again.processes.map((p) => p.change)).to.deep.equal(['unchanged']);
      const def = await h.db.knex('process_definition').where({ tenant_id: tenant }).first();
      expect(def.xml).to.contain('candidateGroups="loket-batang"');
      // The folder store lists what it holds for this tenant only, without the zip; trusted keys are no pack.
      await store.setTrustedKeys(tenant, []);
      const listed = await store.list(tenant);
      expect(listed.map((p) => [p.name, p.version])).to.deep.equal([[v.manifest.name, v.manifest.version]]);
      expect(listed[0]).to.not.have.property('zip');
      expect(await store.list('tenant-lain')).to.deep.equal([]);
    });
  });

  it('builds the same bytes twice from the same folder', async () => {
    // Build from a copy: building rewrites the folder's pack.json, and a test leaves sources alone.
    const copy = await mkdtemp(join(tmpdir(), 'alur-build-'));
    await cp('processes/semarang', copy, { recursive: true });
    const a = await buildPack(copy);
    const b = await buildPack(copy);
    expect(sha256(a.zip)).to.equal(sha256(b.zip));
  });
});
