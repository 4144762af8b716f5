/**
 * The usual designer spec's stage: one real server, one tenant with its users, and one Chromium
 * page, set up before the spec's tests and torn down after them (it registers mocha's hooks).
 */
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, newPage } from './browser.js';
import { setupTenant, type TestUser } from './api.js';
import { startServer, type RunningServer } from './server.js';

export interface DesignerScene { server: RunningServer; browser: Browser; page: Page }

export function designerScene(tenant: { id: string; name: string; users: TestUser[] }): DesignerScene {
  const scene = {} as DesignerScene;
  before(async function () {
    scene.server = await startServer();
    await setupTenant(scene.server.url, scene.server.adminPassword, tenant);
    scene.browser = await launchBrowser();
    scene.page = await newPage(scene.browser);
  });
  after(async function () {
    await scene.browser?.close();
    await scene.server?.stop();
  });
  return scene;
}
