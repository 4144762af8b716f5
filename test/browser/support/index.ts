/** Shared helpers for browser tests: a real server, headless Chromium, and an API client. */
export { startServer, freePort, type RunningServer, type StartOptions } from './server.js';
export { launchBrowser, newPage, screenshot, screenshotDir, CHROMIUM_ARGS } from './browser.js';
export { ApiClient, setupTenant, type TestUser } from './api.js';
