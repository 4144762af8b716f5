/**
 * Single sign-on settings: which OpenID Connect providers sign people in, and which claims carry
 * what. config.ts reads the variables (ALUR_PUBLIC_URL, ALUR_OIDC_*) and hands their raw values
 * here; this module only checks and shapes them, refusing nonsense at start with the variable's
 * name. A provider is either the global one (ALUR_OIDC_ISSUER: the tenant comes from a claim) or
 * one tenant's own (ALUR_OIDC_TENANTS: the tenant is fixed); a tenant's entry inherits the global
 * claim settings it does not name.
 */

/** The claims a provider's sign-ins are read from. */
export interface SsoClaims {
  /** Becomes the username (default preferred_username). */
  username: string;
  /** Names the tenant; a tenant's own provider checks it only when set explicitly. */
  tenant?: string;
  /** The user's groups; unset: groups are managed in Alur only. */
  groups?: string;
  /** The user's tenant roles (admin, analyst, staff); unset: roles are managed in Alur only. */
  roles?: string;
}

export interface SsoProvider {
  /** `default` for the global provider, else the tenant's id. */
  id: string;
  /** The tenant every sign-in of this provider belongs to (tenant providers). */
  tenant?: string;
  issuer: string;
  clientId: string;
  /** Unset: a public client (PKCE only, no client authentication). */
  clientSecret?: string;
  /** Shown on the sign-in button ("Masuk dengan {label}"). */
  label?: string;
  scopes: string;
  claims: SsoClaims;
  /** Claim value → group id of the tenant (values not listed are matched to group ids as they are); read with Object.hasOwn. */
  groupMap: Record<string, string>;
  /** Whether an unknown user is created at their first sign-in (else refused). */
  provision: boolean;
}

export interface SsoOptions {
  /** Where people reach Alur (https://alur.batangkab.go.id); the provider returns to `<publicUrl>/api/auth/sso/callback`. */
  publicUrl: string;
  providers: SsoProvider[];
}

/** The raw values of the variables (undefined when unset or empty). */
export interface SsoVariables {
  publicUrl?: string;
  issuer?: string;
  clientId?: string;
  clientSecret?: string;
  label?: string;
  scopes?: string;
  usernameClaim?: string;
  tenantClaim?: string;
  groupsClaim?: string;
  rolesClaim?: string;
  groupMap?: string;
  provision?: string;
  tenants?: string;
}

const TENANT_FIELDS = new Set(['issuer', 'clientId', 'clientSecret', 'label', 'scopes', 'usernameClaim', 'tenantClaim', 'groupsClaim', 'rolesClaim', 'groupMap', 'provision']);

/** The providers the variables describe, or undefined when none is configured. */
export function ssoOptions(v: SsoVariables): SsoOptions | undefined {
  const providers: SsoProvider[] = [];
  const groupMap = v.groupMap === undefined ? {} : mapOf(parseJson(v.groupMap, 'ALUR_OIDC_GROUP_MAP'), 'ALUR_OIDC_GROUP_MAP');
  const provision = booleanOf(v.provision, 'ALUR_OIDC_PROVISION', true);
  const shared = { scopes: v.scopes ?? 'openid profile email', label: v.label, groupMap, provision };
  const claims = { username: v.usernameClaim ?? 'preferred_username', groups: v.groupsClaim, roles: v.rolesClaim };
  if (v.issuer !== undefined || v.clientId !== undefined) {
    if (!v.issuer || !v.clientId) throw new Error('ALUR_OIDC_ISSUER and ALUR_OIDC_CLIENT_ID are set together');
    providers.push({ id: 'default', issuer: issuerOf(v.issuer, 'ALUR_OIDC_ISSUER'), clientId: v.clientId, clientSecret: v.clientSecret, ...shared, claims: { ...claims, tenant: v.tenantClaim ?? 'tenant' } });
  }
  if (v.tenants !== undefined) {
    const entries = parseJson(v.tenants, 'ALUR_OIDC_TENANTS');
    if (!isObject(entries)) throw new Error('ALUR_OIDC_TENANTS must be an object of tenant id → provider');
    for (const [tenant, raw] of Object.entries(entries)) {
      const where = `ALUR_OIDC_TENANTS.${tenant}`;
      if (!/^[a-z0-9][a-z0-9-]{0,62}$/.test(tenant)) throw new Error(`${where}: not a tenant id`);
      if (!isObject(raw)) throw new Error(`${where} must be an object`);
      const unknown = Object.keys(raw).filter((k) => !TENANT_FIELDS.has(k));
      if (unknown.length) throw new Error(`${where}: unknown field ${unknown.join(', ')}`);
      const str = (k: string) => { const x = raw[k]; if (x !== undefined && typeof x !== 'string') throw new Error(`${where}.${k} must be a string`); return x as string | undefined; };
      const issuer = str('issuer');
      const clientId = str('clientId');
      if (!issuer || !clientId) throw new Error(`${where} needs issuer and clientId`);
      providers.push({
        id: tenant, tenant, issuer: issuerOf(issuer, `${where}.issuer`), clientId, clientSecret: str('clientSecret'),
        label: str('label') ?? shared.label, scopes: str('scopes') ?? shared.scopes,
        groupMap: raw.groupMap === undefined ? groupMap : mapOf(raw.groupMap, `${where}.groupMap`),
        provision: raw.provision === undefined ? provision : booleanOf(String(raw.provision), `${where}.provision`, true),
        claims: { username: str('usernameClaim') ?? claims.username, tenant: str('tenantClaim'), groups: str('groupsClaim') ?? claims.groups, roles: str('rolesClaim') ?? claims.roles },
      });
    }
  }
  if (!providers.length) return undefined;
  if (!v.publicUrl) throw new Error('ALUR_PUBLIC_URL must be set for single sign-on (the provider sends people back to <ALUR_PUBLIC_URL>/api/auth/sso/callback)');
  let publicUrl: URL;
  try { publicUrl = new URL(v.publicUrl); } catch { throw new Error(`ALUR_PUBLIC_URL is not a URL, got ${JSON.stringify(v.publicUrl)}`); }
  if (!/^https?:$/.test(publicUrl.protocol)) throw new Error('ALUR_PUBLIC_URL must be an http(s) URL');
  return { publicUrl: publicUrl.href.replace(/\/+$/, ''), providers };
}

/** An https issuer; plain http only on this machine (a provider under test, a local Keycloak). */
function issuerOf(raw: string, key: string): string {
  let url: URL;
  try { url = new URL(raw); } catch { throw new Error(`${key} is not a URL, got ${JSON.stringify(raw)}`); }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) throw new Error(`${key} must be an https URL (plain http only on localhost), got ${JSON.stringify(raw)}`);
  return raw;
}

function parseJson(raw: string, key: string): unknown {
  try { return JSON.parse(raw); } catch { throw new Error(`${key} is not JSON`); }
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function mapOf(x: unknown, key: string): Record<string, string> {
  if (!isObject(x) || Object.values(x).some((v) => typeof v !== 'string')) throw new Error(`${key} must be an object of claim value → group id`);
  return { ...x } as Record<string, string>;
}

function booleanOf(raw: string | undefined, key: string, fallback: boolean): boolean {
  if (raw === undefined) return fallback;
  if (raw === 'true' || raw === 'false') return raw === 'true';
  throw new Error(`${key} must be true or false, got ${JSON.stringify(raw)}`);
}
