/**
 * `alur pack test`, the README's headline command, as a regency admin runs it: Semarang's pack
 * built into a zip passes every scenario with Batang's roles (exit 0); a pack with a broken
 * scenario fails naming the scenario and the step (exit 1); without a role map it is a usage
 * error (exit 2).
 */
import { expect } from 'chai';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { readPack } from '../../engine/packs/read.js';
import { validatePack } from '../../engine/packs/validate.js';
import { findSoffice } from '../../engine/letters/index.js';
import { alur } from './cli-support.js';
import { packWithScenarios } from './small-pack.js';

const scenario = (name: string, catatan: string) => ({
  name, process: 'uji', start: { variables: { nomor: 'UJI-1' } },
  steps: [
    { completeTask: { element: 't', role: 'petugas', variables: { catatan: 'lengkap' } } },
    { expect: { state: 'completed', variables: { catatan } } },
  ],
});

describe('alur pack test (CLI)', function () {
  this.timeout(10 * 60_000);
  let dir: string;
  before(async () => { dir = await mkdtemp(join(tmpdir(), 'alur-pack-test-')); });
  after(async () => rm(dir, { recursive: true, force: true }));

  it('given Semarang\'s pack built into a zip and Batang\'s role map, when tested, then every scenario passes and it exits 0', async () => {
    const zip = join(dir, 'semarang.zip');
    const built = await alur(['pack', 'build', 'processes/semarang', '-o', zip]);
    expect(built.code, built.err).to.equal(0);
    const pack = await validatePack(await readPack('processes/semarang'));
    const count = pack.scenarios.length;
    // A scenario that needs LibreOffice is reported SKIP where it is missing, naming the package.
    const skipped = findSoffice(undefined) ? 0 : pack.scenarios.filter((s) => s.scenario.needs?.includes('soffice')).length;
    const r = await alur(['pack', 'test', zip, '--roles', 'processes/regencies/batang.roles.json']);
    expect(r.code, `${r.out}${r.err}`).to.equal(0);
    expect(r.out.match(/^PASS /gm)).to.have.length(count - skipped);
    expect(r.out.match(/^SKIP /gm) ?? []).to.have.length(skipped);
    expect(r.out).to.contain(`${count - skipped} passed, 0 failed${skipped ? `, ${skipped} skipped` : ''}`);
    if (skipped) expect(r.out).to.contain('Needs LibreOffice (soffice; Debian libreoffice-writer-nogui)');
  });

  it('given a pack with a scenario whose expectation does not hold, when tested, then that scenario fails naming the step and it exits 1', async () => {
    const pack = join(dir, 'uji');
    for (const [path, bytes] of packWithScenarios({ lulus: scenario('catatan lengkap', 'lengkap'), rusak: scenario('catatan salah', 'kurang') })) {
      await mkdir(dirname(join(pack, path)), { recursive: true });
      await writeFile(join(pack, path), bytes);
    }
    const roles = join(dir, 'roles.json');
    await writeFile(roles, JSON.stringify({ petugas: 'petugas-batang' }));
    const r = await alur(['pack', 'test', pack, '--roles', roles]);
    expect(r.code, `${r.out}${r.err}`).to.equal(1);
    expect(r.out).to.match(/^PASS \[1\/2\] scenarios\/lulus\.json — catatan lengkap/m);
    expect(r.out).to.match(/^FAIL \[2\/2\] scenarios\/rusak\.json — catatan salah/m);
    expect(r.out).to.contain('step 2 (expect): variable catatan: expected "kurang", found "lengkap"');
    expect(r.out).to.contain('1 passed, 1 failed');
    expect(r.err).to.match(/^uji@1\.0\.0: 2 scenarios with roles\.json$/m);

    // Under an Indonesian locale every line the command writes is Indonesian, the failure included.
    const id = await alur(['pack', 'test', pack, '--roles', roles], { LANG: 'id_ID.UTF-8' });
    expect(id.code).to.equal(1);
    expect(id.err).to.match(/^uji@1\.0\.0: 2 skenario dengan roles\.json$/m);
    expect(id.out).to.match(/^FAIL \[2\/2\] scenarios\/rusak\.json — catatan salah \(\d+ md\)$/m);
    expect(id.out).to.contain('langkah 2 (expect): variabel catatan: seharusnya "kurang", ternyata "lengkap"');
    expect(id.out).to.contain('1 lulus, 1 gagal');
    const built = await alur(['pack', 'build', pack, '-o', join(dir, 'uji.zip')], { LANG: 'id_ID.UTF-8' });
    expect(built.code, built.err).to.equal(0);
    expect(built.err).to.match(/^Menyusun .*\nMemeriksa \d+ berkas$/m);
    expect(built.out).to.match(/^✓ .*uji\.zip \(\d+ byte\): 1 proses, 1 formulir, 2 skenario$/m);
  });

  it('given no role map, when tested, then it is a usage error (exit 2)', async () => {
    const r = await alur(['pack', 'test', 'processes/semarang']);
    expect(r.code).to.equal(2);
    expect(r.err).to.contain('Usage: alur pack test <dir|zip> --roles map.json');
  });
});
