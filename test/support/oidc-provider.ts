/**
 * A real OpenID Connect provider for specs: `oidc-provider` started in this process on a
 * localhost port, with its own login page (devInteractions: any password for a known login) and
 * one confidential client for Alur. Accounts are a map the spec changes between sign-ins (a new
 * group claim, another tenant); consent is granted without asking, as a government's provider
 * does for its own applications. `signIn` walks the whole code flow the way a browser would —
 * Alur's start, the provider's login form, the callback — and answers Alur's one-time code.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

export type AccountClaims = Record<string, unknown>;

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Login name → claims (sub is the login name). */
  accounts: Map<string, AccountClaims>;
  close(): Promise<void>;
}

export async function startProvider(redirectUri: string): Promise<TestProvider> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://localhost:${(server.address() as AddressInfo).port}`;
  const accounts = new Map<string, AccountClaims>();
  const clientId = 'alur';
  const clientSecret = 'rahasia-klien-alur-untuk-uji';
  const provider = quietly(() => new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    async findAccount(_ctx: unknown, id: string) {
      if (!accounts.has(id)) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...accounts.get(id) }) };
    },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'nip', 'jabatan', 'tenant', 'groups', 'roles'], email: ['email'] },
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['kunci-cookie-uji'] },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600 },
    async loadExistingGrant(ctx: KoaContextWithOIDC) {
      const oidc = ctx.oidc;
      const grantId = oidc.result?.consent?.grantId || oidc.session!.grantIdFor(oidc.client!.clientId);
      if (grantId) return oidc.provider.Grant.find(grantId);
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId });
      grant.addOIDCScope('openid profile email');
      await grant.save();
      return grant;
    },
  }));
  server.on('request', provider.callback());
  return {
    issuer, clientId, clientSecret, accounts,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

/** Runs `make` without oidc-provider's start-up warnings (development keys, in-memory storage, the dev login page: what a spec wants). */
function quietly<T>(make: () => T): T {
  const warn = console.warn;
  console.warn = (...args: unknown[]) => { if (!String(args[0]).includes('oidc-provider WARNING')) warn(...args); };
  try {
    return make();
  } finally {
    console.warn = warn;
  }
}

/** A browser's cookie jar for one origin at a time: enough for the provider's session cookies. */
class Jar {
  private readonly cookies = new Map<string, string>();
  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
  keep(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair.indexOf('=');
      this.cookies.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
    }
  }
}

/**
 * Signs `login` in through the provider, starting at Alur (`alurUrl`), and answers where Alur sent
 * the browser at the end (`/<app>/#/sso/<code>`) with the code. `jar` keeps the provider's session
 * between calls, as a browser would (pass a new one for a fresh browser).
 */
export async function signIn(alurUrl: string, login: string, opts: { provider?: string; app?: string; jar?: Jar } = {}): Promise<{ location: string; code: string }> {
  const jar = opts.jar ?? new Jar();
  let url = `${alurUrl}/api/auth/sso/start?provider=${opts.provider ?? 'default'}&app=${opts.app ?? 'inbox'}`;
  let body: string | undefined;
  for (let hop = 0; hop < 12; hop++) {
    const fromAlur = url.startsWith(alurUrl);
    const response = await fetch(url, {
      method: body ? 'POST' : 'GET', redirect: 'manual', body,
      headers: { ...(fromAlur ? {} : { cookie: jar.header() }), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
    });
    if (!fromAlur) jar.keep(response);
    body = undefined;
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, url).href;
      const code = next.match(/#\/sso\/([A-Za-z0-9_-]+)$/);
      if (code) return { location: next, code: code[1] };
      url = next;
      continue;
    }
    const html = await response.text();
    const form = html.match(/<form[^>]*action="([^"]+)"/);
    if (response.status !== 200 || !form || !html.includes('name="login"')) throw new Error(`unexpected answer ${response.status} at ${url}: ${html.slice(0, 300)}`);
    url = new URL(form[1], url).href;
    body = new URLSearchParams({ prompt: 'login', login, password: 'any' }).toString();
  }
  throw new Error('too many redirects');
}

export function newJar(): Jar {
  return new Jar();
}
