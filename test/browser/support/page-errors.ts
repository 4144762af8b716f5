/**
 * An uncaught exception in a page under test fails that test. Every page the support opens is
 * watched: the page's exception is thrown again in this process, outside any promise, where mocha
 * takes it as an uncaught exception of the test running at that moment and fails that test (the
 * others still run). Logging it was not enough: a UI that threw half-way could still show what the
 * assertions looked for, and the run passed. A Content-Security-Policy violation fails it the same
 * way: the app did something the server's policy (engine/api/security-headers.ts) forbids, so in
 * a real browser that part of it does not work.
 */
import type { Page } from 'playwright-core';

export class PageError extends Error {
  override name = 'PageError';
}

export function watchPageErrors(page: Page, who = 'page'): void {
  page.on('pageerror', (error) => {
    const failure = new PageError(`uncaught exception in the page [${who}]: ${error.message}\n${error.stack ?? ''}`);
    setImmediate(() => { throw failure; });
  });
  page.on('console', (msg) => {
    if (!/Content.Security.Policy/i.test(msg.text())) return;
    const failure = new PageError(`Content-Security-Policy violation in the page [${who}]: ${msg.text()}`);
    setImmediate(() => { throw failure; });
  });
}
