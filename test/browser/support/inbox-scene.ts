/**
 * The scene every inbox browser test starts from: the real server (embedded), two tenants, staff
 * users in different groups, the project's two-step approval example and the inbox's own
 * Indonesian permit fixture deployed, and a headless browser. Also the few page moves all inbox
 * tests share (open a tab, open a task, claim it). Set up through the HTTP API only.
 */
import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';
import { setupTenant } from './api.js';
import { InboxApi } from './inbox-api.js';
import { signIn } from './inbox-browser.js';

export const PASSWORD = 'Rahasia-123!';
export const TENANT = 'kotauji';
/** processes/examples: the project's two-step approval (verifikator → kepala-dinas). */
export const EXAMPLE = 'two-step-approval';
/** test/browser/fixtures: a permit with forms at both steps and a deadline from the case. */
export const PERMIT = 'inbox-approval';

export interface Scene {
  server: RunningServer;
  browser: Browser;
  analyst: InboxApi;
  open(username: string, viewport?: { width: number; height: number }): Promise<Page>;
  startCase(processKey: string, variables?: Record<string, unknown>): Promise<{ id: string; businessKey: string }>;
  closePages(): Promise<void>;
  tearDown(): Promise<void>;
}

export async function setUpScene(): Promise<Scene> {
  const built = spawnSync(process.execPath, ['inbox/build.mjs'], { stdio: 'inherit', env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' } });
  expect(built.status, 'inbox build').to.equal(0);
  // Embedded mode on purpose: the inbox must work with nothing but Node.
  const server = await startServer({ env: { DATABASE_URL: '', REDIS_URL: '' } });
  const browser = await launchBrowser();
  const staff = (username: string, roles: string[], groups: string[]) => ({ username, password: PASSWORD, roles, groups });
  await setupTenant(server.url, server.adminPassword, { id: TENANT, name: 'Kota Uji', users: [
    // People have names, as in a real office (the README's inbox screenshot comes from this scene).
    { ...staff('analis', ['analyst'], ['bagian-organisasi']), displayName: 'Dimas Pratama' },
    { ...staff('sari', ['staff'], ['verifikator']), displayName: 'Sari Wulandari' },
    { ...staff('rina', ['staff'], ['verifikator']), displayName: 'Rina Kartika, S.E.', jabatan: 'Plh. Kepala Seksi Verifikasi' },
    { ...staff('budi', ['staff'], ['kepala-dinas']), displayName: 'Budi Santoso, S.H.' },
    staff('dewi', ['staff'], ['bagian-umum']),
  ] });
  // The same group name in another tenant: a name match must never cross tenants.
  await setupTenant(server.url, server.adminPassword, { id: 'kabuji', name: 'Kabupaten Uji', users: [staff('tono', ['staff'], ['verifikator'])] });
  const analyst = await InboxApi.login(server.url, 'analis', PASSWORD);
  await analyst.deploy([join('processes', 'examples', 'two-step-approval.bpmn'), join('processes', 'examples', 'two-step-approval.form')]);
  const fixtures = join('test', 'browser', 'fixtures');
  await analyst.deploy([join(fixtures, 'inbox-approval.bpmn'), join(fixtures, 'inbox-verify.form'), join(fixtures, 'inbox-approve.form')]);

  const pages: Page[] = [];
  let counter = 0;
  return {
    server, browser, analyst,
    async open(username, viewport) {
      const page = await signIn(browser, server.url, username, PASSWORD, viewport);
      pages.push(page);
      return page;
    },
    async startCase(processKey, variables = {}) {
      counter += 1;
      // Letters (SRT) for the example, permits (IZN) for the fixture; each scene has a fresh database.
      const prefix = processKey === PERMIT ? 'IZN' : 'SRT';
      const businessKey = `${prefix}-2026-${String(counter).padStart(4, '0')}`;
      const instance = await analyst.startCase(processKey, businessKey, variables);
      return { id: instance.id, businessKey };
    },
    async closePages() {
      for (const page of pages.splice(0)) await page.context().close();
    },
    async tearDown() {
      await browser.close();
      await server.stop();
    },
  };
}

export function taskRow(page: Page, businessKey: string, taskName: string) {
  return page.locator('.task-row', { hasText: businessKey }).filter({ hasText: taskName });
}

/** Picks a tab, waits for the task (polling brings it in), and opens it. */
export async function openTask(page: Page, tab: RegExp, businessKey: string, taskName: string): Promise<void> {
  await page.getByRole('navigation', { name: /Daftar tugas|Task lists/ }).getByRole('link', { name: tab }).click();
  const row = taskRow(page, businessKey, taskName);
  await row.waitFor({ timeout: 20_000 });
  await row.getByRole('link').click();
  await page.getByRole('heading', { level: 1, name: taskName }).waitFor();
}

export async function claim(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Ambil tugas' }).click();
  await page.getByText('Tugas telah Anda ambil.').waitFor();
}

/** Waits until the case is in `state` and returns the ids of the elements it completed. */
export async function endedElements(api: InboxApi, instanceId: string, state = 'completed'): Promise<string[]> {
  await InboxApi.eventually(async () => {
    const instance = await api.ok('GET', `process-instances/${instanceId}`);
    return instance.state === state ? instance : undefined;
  }, `the case to be ${state}`);
  const history = await api.ok('GET', `process-instances/${instanceId}/history`);
  return history.items.filter((item: any) => item.type === 'element.completed').map((item: any) => item.elementId);
}
