// Given the `alur` command, when packs are validated, built, signed, trusted, imported and
// exported, then exit codes are 0 ok / 1 failure / 2 usage and errors name the file.
import { expect } from 'chai';
import { alur } from './cli-support.js';
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('alur pack (CLI)', function () {
  this.timeout(10 * 60_000);
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'alur-cli-')); });

  it('answers wrong usage with exit code 2', async () => {
    expect((await alur(['pack', 'frob'])).code).to.equal(2);
    expect((await alur(['pack', 'validate'])).code).to.equal(2);
    expect((await alur(['pack', 'validate', 'x', '--bogus'])).err).to.match(/Unknown option --bogus/);
  });

  it('says wrong usage in the locale\'s language: the overview, a command\'s syntax and a bad option', async () => {
    const id = { LANG: 'id_ID.UTF-8' };
    const overview = await alur(['pack', 'frob'], id);
    expect(overview.code).to.equal(2);
    expect(overview.err).to.contain('Cara pakai: alur pack <perintah>').and.contain('periksa paket').and.not.contain('Usage');
    expect((await alur(['pack', 'validate'], id)).err.trim()).to.equal('Cara pakai: alur pack validate <dir|zip> [--trust keys.json]');
    expect((await alur(['pack', 'validate', 'x', '--bogus'], id)).err.trim()).to.equal('Opsi --bogus tidak dikenal');
    expect((await alur(['pack', 'build', 'x', '-o'], id)).err.trim()).to.equal('Opsi --out memerlukan nilai');
    expect((await alur(['--help'])).out).to.contain('Usage: alur pack <command>');
  });

  it('validates a good pack (0) and names the tampered file of a bad one (1)', async () => {
    const ok = await alur(['pack', 'validate', 'processes/semarang']);
    expect(ok.code, ok.err).to.equal(0);
    expect(ok.out).to.match(/semarang-layanan@1\.0\.0: 7 processes/);
    const copy = join(dir, 'tampered');
    await cp('processes/semarang', copy, { recursive: true });
    await writeFile(join(copy, 'forms/form-disposisi.form'), '{"type":"default","id":"form-disposisi","components":[]}');
    const bad = await alur(['pack', 'validate', copy]);
    expect(bad.code).to.equal(1);
    expect(bad.err).to.match(/Pack refused: one problem\.\n {2}forms\/form-disposisi\.form: Checksum mismatch: pack\.json says sha256/);
    // The locale decides the CLI's language, as POSIX programs read it (LC_ALL, LC_MESSAGES, LANG).
    const id = await alur(['pack', 'validate', copy], { LANG: 'id_ID.UTF-8' });
    expect(id.code).to.equal(1);
    expect(id.err).to.match(/Paket ditolak: 1 masalah\.\n {2}forms\/form-disposisi\.form: Checksum tidak cocok: pack\.json menyebut sha256/);
  });

  it('signs, trusts, refuses the unsigned pack, imports the signed one and exports it unchanged', async () => {
    const env = { ALUR_DATA_DIR: join(dir, 'data') };
    const src = join(dir, 'pack');
    await cp('processes/semarang', src, { recursive: true });
    const unsigned = join(dir, 'unsigned.zip');
    expect((await alur(['pack', 'build', src, '-o', unsigned])).code).to.equal(0);
    expect((await alur(['pack', 'keygen', join(dir, 'semarang')])).code).to.equal(0);
    const signed = join(dir, 'signed.zip');
    expect((await alur(['pack', 'build', src, '-o', signed, '--sign', join(dir, 'semarang.key.pem')])).code).to.equal(0);
    const roles = 'processes/regencies/klaten.roles.json';
    const created = await alur(['pack', 'import', unsigned, '--tenant', 'klaten', '--roles', roles, '--create-tenant', '--dry-run'], env);
    expect(created.code, created.err).to.equal(0);
    expect((await alur(['pack', 'trust', join(dir, 'semarang.pub.pem'), '--tenant', 'klaten', '--publisher', 'semarang'], env)).code).to.equal(0);
    const refused = await alur(['pack', 'import', unsigned, '--tenant', 'klaten', '--roles', roles, '--create-tenant'], env);
    expect(refused.code).to.equal(1);
    expect(refused.err).to.match(/pack\.sig: Missing: this tenant accepts only packs signed/);
    const imported = await alur(['pack', 'import', signed, '--tenant', 'klaten', '--roles', roles, '--create-tenant'], env);
    expect(imported.code, imported.err).to.equal(0);
    expect(imported.out).to.match(/added {5}permohonan-cuti-asn v1/);
    const out = join(dir, 'exported.zip');
    expect((await alur(['pack', 'export', 'semarang-layanan', '--tenant', 'klaten', '-o', out], env)).code).to.equal(0);
    expect(Buffer.compare(await readFile(out), await readFile(signed))).to.equal(0);
  });
});
