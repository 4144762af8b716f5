/**
 * A browser test whose page threw an uncaught exception fails (support/page-errors.ts), and only
 * that test: shown on a sample spec run by mocha with the browser configuration. A page that throws
 * fails its test naming the exception while the next test still runs and passes; the same page
 * without the throw passes.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

function runSample(script: string): { status: number | null; out: string } {
  // Inside the repository, so the sample imports the support as any browser spec does.
  const dir = mkdtempSync(join(root, 'test', 'browser', '.sample-'));
  try {
    const file = join(dir, 'sample.spec.ts');
    writeFileSync(file, `
      import { launchBrowser, newPage } from '../support/index.js';
      describe('sample', function () {
        it('opens a page', async function () {
          const browser = await launchBrowser();
          try {
            const page = await newPage(browser);
            await page.setContent(${JSON.stringify(`<p>halo</p><script>${script}</script>`)});
            await page.waitForTimeout(500);
          } finally {
            await browser.close();
          }
        });
        it('runs the next test', function () {});
      });`);
    const r = spawnSync(process.execPath, [join(root, 'node_modules/mocha/bin/mocha.js'), '--config', join(root, '.mocharc.browser.json'), file], { cwd: root, encoding: 'utf8' });
    return { status: r.status, out: `${r.stdout}${r.stderr}` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('browser tests: an uncaught exception in the page fails the test', function () {
  this.timeout(120_000);

  it('given a page that throws, when its test runs, then the run fails naming the exception', function () {
    const r = runSample("setTimeout(() => { throw new Error('tombol rusak'); }, 0);");
    expect(r.out).to.contain('uncaught exception in the page').and.to.contain('tombol rusak');
    expect(r.out).to.match(/1 passing/).and.to.match(/1 failing/);
    expect(r.status).to.not.equal(0);
  });

  it('given the same page without the throw, when its test runs, then it passes (the gate is not always failing)', function () {
    const r = runSample("document.title = 'baik';");
    expect(r.status, r.out).to.equal(0);
  });
});
