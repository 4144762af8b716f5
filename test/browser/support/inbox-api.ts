/**
 * The shared ApiClient (api.ts) with what the inbox tests add: paths relative to /api/, a
 * deployment upload, starting instances, and waiting for the engine to get somewhere. Never
 * touches the database directly, so the tests see exactly what an integrator would.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { ApiClient } from './api.js';

export class InboxApi extends ApiClient {
  static override async login(base: string, username: string, password: string): Promise<InboxApi> {
    const client = await ApiClient.login(base, username, password);
    return new InboxApi(base, client.token);
  }

  /** GET/POST under /api/ without throwing; returns status and parsed body. */
  call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    return this.request(method, `/api/${path}`, body);
  }

  /** Like `call`, but fails the test with the server's answer when the status is not a success. */
  ok(method: string, path: string, body?: unknown): Promise<any> {
    return this.expect([200, 201, 204], method, `/api/${path}`, body);
  }

  async deploy(files: string[]): Promise<any> {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([await readFile(file)]), basename(file));
    return this.expect([200, 201], 'POST', '/api/deployments', form);
  }

  startCase(processKey: string, businessKey: string, variables: Record<string, unknown>): Promise<{ id: string }> {
    return this.ok('POST', 'process-instances', { processKey, businessKey, variables });
  }

  /** Polls `check` until it returns a value (not undefined) or the time is up. */
  static async eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await check();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
