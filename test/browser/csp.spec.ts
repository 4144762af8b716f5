/**
 * The Content-Security-Policy (engine/api/security-headers.ts) against the real apps in Chromium:
 * the inbox (login, the list, a task with its form, diagram and history) and the designer (a
 * diagram, the properties panel with its FEEL editor, the lint) run without one violation, and the
 * policy is really enforced (an inline script the page tries to add is refused and reported).
 * Every page the browser support opens also fails its test on a violation (support/page-errors.ts).
 */
import { expect } from 'chai';
import type { Page } from 'playwright-core';
import { newPage } from './support/index.js';
import { fillEntry, loginToDesigner, openGroup, select } from './support/designer-page.js';
import { claim, openTask, PASSWORD, PERMIT, setUpScene, type Scene } from './support/inbox-scene.js';
import { INBOX_PATH } from './support/inbox-browser.js';

/** Records every CSP violation the page reports (events from the document, and Chromium's console errors). */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__alurCspViolation', (text: string) => { seen.push(text); });
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __alurCspViolation(t: string): void }).__alurCspViolation(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  page.on('console', (msg) => { if (/Content.Security.Policy/i.test(msg.text())) seen.push(`console: ${msg.text()}`); });
  return seen;
}

describe('security headers (browser): the designer and the inbox under the CSP', function () {
  this.timeout(240_000);
  let scene: Scene;

  before(async function () { scene = await setUpScene(); });
  after(async function () { await scene?.tearDown(); });

  it('given the inbox, when a staff user logs in and opens a task with its form, diagram and history, then no CSP violation is reported', async function () {
    const kase = await scene.startCase(PERMIT, { pemohon: 'CV Aman Sentosa', tenggatVerifikasi: new Date(Date.now() + 86_400_000).toISOString() });
    const page = await newPage(scene.browser);
    const violations = await watchViolations(page);
    await page.goto(`${scene.server.url}${INBOX_PATH}`);
    await page.getByLabel(/Nama pengguna/).fill('sari');
    await page.getByLabel(/Kata sandi/).fill(PASSWORD);
    await page.getByRole('button', { name: /^Masuk$/ }).click();
    await openTask(page, /Tugas grup saya/, kase.businessKey, 'Verifikasi berkas');
    await claim(page);
    await page.getByLabel('Nama pemohon').waitFor();
    await page.locator('.djs-element.alur-active[data-element-id="Task_Verify"]').waitFor();
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(violations).to.deep.equal([]);
    await page.context().close();
  });

  it('given the designer, when an analyst opens it and edits in the properties panel with its FEEL editor, then no CSP violation is reported', async function () {
    const page = await newPage(scene.browser);
    const violations = await watchViolations(page);
    await loginToDesigner(page, scene.server.url, 'analis', PASSWORD);
    await select(page, 'StartEvent_1');
    await openGroup(page, 'general');
    await fillEntry(page, 'name', 'Permohonan masuk');
    await page.locator('[data-testid=issues]').waitFor({ state: 'attached' });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 500)));
    expect(violations).to.deep.equal([]);

    await page.context().close();
  });

  it('given the policy, when a page adds an inline script, then it does not run and the violation is reported (the watch above can see one)', async function () {
    // A page outside the support's watch (which would fail the test on the violation this provokes).
    const page = await (await scene.browser.newContext()).newPage();
    const violations = await watchViolations(page);
    await page.goto(`${scene.server.url}/designer/index.html`);
    await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inlineRan = true';
      document.body.append(s);
    });
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 200)));
    expect(await page.evaluate(() => (window as unknown as { __inlineRan?: boolean }).__inlineRan)).to.equal(undefined);
    expect(violations.some((v) => v.startsWith('script-src'))).to.equal(true);
    await page.context().close();
  });
});
