/**
 * test/support/debian-tools.ts: a spec that needs a Debian program runs where it is installed; where
 * it is missing, `npm test` on a fresh machine still passes (the tests are left out and stderr
 * names the package), while under CI the run fails naming the package — CI never leaves one out.
 * Shown with pdfsig hidden by an empty PATH, in a mocha run of its own with the project's config.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const helper = join(root, 'test/support/debian-tools.ts');

describe('test helper: specs that need a Debian program', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'alur-debian-tools-'));
    mkdirSync(join(dir, 'empty'));
    writeFileSync(join(dir, 'sample.spec.ts'), `
      import { whereInstalled } from ${JSON.stringify(helper)};
      describe('contoh', () => {
        whereInstalled(['pdfsig'], 'tanda tangan diperiksa pdfsig', () => { it('memeriksa tanda tangan', () => {}); });
        it('tanpa program apa pun', () => {});
      });`);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  function mocha(env: Record<string, string | undefined>) {
    const r = spawnSync(process.execPath, [join(root, 'node_modules/mocha/bin/mocha.js'), '--config', join(root, '.mocharc.json'), '--reporter', 'spec', join(dir, 'sample.spec.ts')], {
      cwd: root, encoding: 'utf8', env: { ...process.env, CI: undefined, ...env },
    });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  }

  it('given pdfsig installed, when run, then its tests run', () => {
    const r = mocha({});
    expect(r.status, r.out).to.equal(0);
    expect(r.out).to.contain('memeriksa tanda tangan').and.to.contain('2 passing');
  });

  it('given pdfsig missing outside CI, when run, then the run passes without its tests and says which package to install', () => {
    const r = mocha({ PATH: join(dir, 'empty') });
    expect(r.status, r.out).to.equal(0);
    expect(r.out).to.contain('skipped "tanda tangan diperiksa pdfsig": pdfsig not installed (Debian: apt-get install poppler-utils)');
    expect(r.out).to.contain('1 passing').and.not.to.contain('memeriksa tanda tangan').and.not.to.contain('pending');
  });

  it('given pdfsig missing under CI=true, when run, then the run fails naming the package', () => {
    const r = mocha({ PATH: join(dir, 'empty'), CI: 'true' });
    expect(r.status, r.out).to.not.equal(0);
    expect(r.out).to.contain('tanda tangan diperiksa pdfsig: needs pdfsig');
    expect(r.out).to.contain('pdfsig not installed (Debian: apt-get install poppler-utils); CI runs every spec');
    expect(r.out).to.contain('1 passing').and.to.contain('1 failing');
  });
});
