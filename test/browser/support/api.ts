/**
 * A small client for setting up browser tests through the public HTTP API: log in, create a
 * tenant and its users, and read what the UI did (definitions, instances). Never touches the
 * database directly, so the tests see the server as a user would.
 */
export interface TestUser { username: string; password: string; roles: string[]; groups?: string[]; displayName?: string; jabatan?: string }

export class ApiClient {
  constructor(readonly baseUrl: string, readonly token?: string) {}

  static async login(baseUrl: string, username: string, password: string): Promise<ApiClient> {
    const response = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!response.ok) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
    return new ApiClient(baseUrl, ((await response.json()) as { token: string }).token);
  }

  async request(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = {};
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON (XML, zip): keep the text
    }
    return { status: response.status, body: parsed };
  }

  /** Like request(), but fails the test on any status other than `expected`. */
  async expect(status: number | number[], method: string, path: string, body?: unknown): Promise<any> {
    const result = await this.request(method, path, body);
    const wanted = Array.isArray(status) ? status : [status];
    if (!wanted.includes(result.status)) throw new Error(`${method} ${path}: expected ${wanted.join('/')}, got ${result.status} ${JSON.stringify(result.body)}`);
    return result.body;
  }

  createTenant(id: string, name: string): Promise<any> {
    return this.expect(201, 'POST', '/api/tenants', { id, name });
  }

  createUser(tenant: string, user: TestUser): Promise<any> {
    return this.expect(201, 'POST', '/api/users', { ...user, tenant, groups: user.groups ?? [] });
  }
}

/** Logs in as the platform admin and creates a tenant with the given users. */
export async function setupTenant(baseUrl: string, adminPassword: string, tenant: { id: string; name: string; users: TestUser[] }): Promise<ApiClient> {
  const admin = await ApiClient.login(baseUrl, 'admin', adminPassword);
  await admin.createTenant(tenant.id, tenant.name);
  for (const user of tenant.users) await admin.createUser(tenant.id, user);
  return admin;
}
