/**
 * HTTP helpers the inbox browser tests use to set the scene through the public API (API.md):
 * tenants, users, a deployment, instances, and checks of what the API answers. Never touches the
 * database directly, so the tests see exactly what an integrator would.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';

export class InboxApi {
  constructor(readonly base: string, private readonly token: string) {}

  static async login(base: string, username: string, password: string): Promise<InboxApi> {
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { token: string };
    return new InboxApi(base, body.token);
  }

  /** Sends a request and returns status and parsed body, without throwing on 4xx. */
  async call(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const response = await fetch(`${this.base}/api/${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* XML or empty */ }
    return { status: response.status, body: parsed };
  }

  /** Like `call`, but fails the test with the server's answer when the status is not expected. */
  async ok(method: string, path: string, body?: unknown, expected = [200, 201, 204]): Promise<any> {
    const result = await this.call(method, path, body);
    if (!expected.includes(result.status)) throw new Error(`${method} ${path}: ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  async deploy(files: string[]): Promise<any> {
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([await readFile(file)]), basename(file));
    const response = await fetch(`${this.base}/api/deployments`, { method: 'POST', headers: { authorization: `Bearer ${this.token}` }, body: form });
    const text = await response.text();
    if (response.status !== 201 && response.status !== 200) throw new Error(`deploy: ${response.status} ${text}`);
    return JSON.parse(text);
  }

  startInstance(processKey: string, businessKey: string, variables: Record<string, unknown>): Promise<{ id: string }> {
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
