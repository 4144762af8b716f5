/**
 * The mocha configurations refuse a focused (`.only`) or pending (no body, `.skip`) test: one
 * left in by mistake would otherwise let CI pass while most of the suite never ran.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function mocha(config: string, spec: string): { status: number | null; out: string } {
  const dir = mkdtempSync(join(tmpdir(), 'alur-mocharc-'));
  try {
    const file = join(dir, 'sample.spec.ts');
    writeFileSync(file, spec);
    const r = spawnSync(process.execPath, [join(root, 'node_modules/mocha/bin/mocha.js'), '--config', join(root, config), file], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('mocha configuration: focused and pending tests fail the run', function () {
  this.timeout(120_000);
  for (const config of ['.mocharc.json', '.mocharc.browser.json']) {
    it(`given ${config} and a spec with it.only, when run, then the run fails`, () => {
      const r = mocha(config, "describe('s', () => { it.only('a', () => {}); it('b', () => {}); });");
      expect(r.out).to.match(/`\.only` forbidden/);
      expect(r.status).to.not.equal(0);
    });

    it(`given ${config} and a spec with a pending or skipped test, when run, then the run fails`, () => {
      for (const spec of ["describe('s', () => { it('a', () => {}); it('todo'); });", "describe('s', () => { it.skip('a', () => {}); });"]) {
        const r = mocha(config, spec);
        expect(r.out, spec).to.match(/Pending test forbidden/);
        expect(r.status, spec).to.not.equal(0);
      }
    });

    it(`given ${config} and a spec without either, when run, then it passes (the check above is not always failing)`, () => {
      const r = mocha(config, "describe('s', () => { it('a', () => {}); });");
      expect(r.status, r.out).to.equal(0);
    });
  }
});
