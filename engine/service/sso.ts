/**
 * Single sign-on through OpenID Connect, the three legs of one sign-in:
 * 1. `start`: the browser app sends the person to GET /api/auth/sso/start; an attempt (state,
 *    nonce, PKCE verifier) is stored and the browser goes on to the provider's login page.
 * 2. `callback`: the provider sends the browser back with a code; the attempt is taken (once),
 *    the code exchanged and the ID token checked (auth/oidc-clients.ts), the claims turned into a
 *    user (sso-provision.ts) or a refusal, and the outcome stored under a one-time code that the
 *    browser carries to its app in the URL fragment (never sent to a server, never a Referer).
 * 3. `exchange`: the app posts the code and gets a bearer token, as from a password login — or
 *    the refusal, worded in the app's language.
 * Open attempts are bounded (MAX_OPEN_ATTEMPTS): a flood of unauthenticated starts answers 429
 * instead of filling the table.
 */
import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import type { SsoOptions, SsoProvider } from '../auth/sso-options.js';
import type { OidcClients } from '../auth/oidc-clients.js';
import type { TokenCache } from '../auth/token-cache.js';
import { hashToken } from '../auth/tokens.js';
import { countOpenAttempts, insertAttempt, insertHandoff, takeAttempt, takeHandoff } from '../store/sso.js';
import { findTenant } from '../store/tenants.js';
import { provisionUser } from './sso-provision.js';
import { issueToken, type UserView } from './identity.js';
import { Forbidden, NotFound, TooManyRequests, Unauthenticated } from './errors.js';
import { inTransaction } from '../store/unit-of-work.js';
import { text, type Text } from '../messages/index.js';

export const SSO_APPS = ['inbox', 'designer'] as const;
export type SsoApp = (typeof SSO_APPS)[number];

const ATTEMPT_MS = 10 * 60_000;
const HANDOFF_MS = 2 * 60_000;
const MAX_OPEN_ATTEMPTS = 10_000;

export interface SsoDeps { knex: Knex; options: SsoOptions; clients: OidcClients; tokenTtlMs: number; tokenCache?: TokenCache; logError?: (err: unknown) => void }

/** The sign-in buttons a login screen shows: one per provider, with its tenant (null: the claim decides). */
export async function ssoButtons(deps: SsoDeps): Promise<{ id: string; label: string | null; tenant: string | null; tenantName: string | null }[]> {
  return Promise.all(deps.options.providers.map(async (p) => ({
    id: p.id, label: p.label ?? null, tenant: p.tenant ?? null, tenantName: p.tenant ? (await findTenant(deps.knex, p.tenant))?.name ?? null : null,
  })));
}

/** Whether a provider signs in people of `tenant` (a tenant's own, or the global one). */
export function ssoServes(options: SsoOptions | undefined, tenant: string): boolean {
  return !!options?.providers.some((p) => !p.tenant || p.tenant === tenant);
}

/** Leg 1: stores an attempt and answers the provider's authorization URL. */
export async function startSignIn(deps: SsoDeps, providerId: string, app: SsoApp): Promise<string> {
  const provider = providerOf(deps, providerId);
  // Real time: the provider's tokens and the browser run on it, not on a rehearsal's clock.
  const now = new Date();
  if ((await countOpenAttempts(deps.knex, now)) >= MAX_OPEN_ATTEMPTS) throw new TooManyRequests(text('sso.busy'), 60);
  const start = await deps.clients.start(provider);
  await insertAttempt(deps.knex, { state: start.state, provider: provider.id, app, nonce: start.nonce, code_verifier: start.codeVerifier, expires_at: new Date(now.getTime() + ATTEMPT_MS) }, now);
  return start.url;
}

/**
 * Leg 2: the provider's answer (the query of the callback URL). Answers where to send the browser:
 * its app, with the one-time code of the outcome in the fragment. Never throws for a refusal.
 */
export async function finishSignIn(deps: SsoDeps, query: URLSearchParams): Promise<string> {
  const now = new Date();
  const state = query.get('state') ?? '';
  const attempt = state ? await takeAttempt(deps.knex, state, now) : undefined;
  const app: SsoApp = attempt && (SSO_APPS as readonly string[]).includes(attempt.app) ? attempt.app as SsoApp : 'inbox';
  let outcome: { userId: string } | { refusal: Text };
  const provider = attempt && deps.options.providers.find((p) => p.id === attempt.provider);
  if (!attempt || !provider) outcome = { refusal: text('sso.expired') };
  else if (query.get('error')) outcome = { refusal: text('sso.provider-refused', { reason: (query.get('error_description') || query.get('error') || '').slice(0, 200) }) };
  else {
    try {
      const callback = new URL(`${redirectUri(deps.options)}?${query}`);
      const claims = await deps.clients.finish(provider, callback, { state: attempt.state, nonce: attempt.nonce, codeVerifier: attempt.code_verifier });
      outcome = await inTransaction(deps.knex, (trx) => provisionUser(trx, provider, claims, now));
      if ('userId' in outcome) deps.tokenCache?.forgetUser(outcome.userId);
    } catch (err) {
      // The reason only: an error's cause may carry the provider's answer, and logs hold no personal data.
      deps.logError?.(new Error(`single sign-on with ${provider.id} failed: ${err instanceof Error ? `${err.name}: ${err.message}` : 'unknown error'}`));
      outcome = { refusal: text('sso.provider-failed') };
    }
  }
  const code = randomBytes(32).toString('base64url');
  await insertHandoff(deps.knex, {
    code_hash: hashToken(code), user_id: 'userId' in outcome ? outcome.userId : null, refusal: 'refusal' in outcome ? outcome.refusal : null, expires_at: new Date(now.getTime() + HANDOFF_MS),
  }, now);
  return `${deps.options.publicUrl}/${app}/#/sso/${code}`;
}

/** Leg 3: the app's one-time code → a bearer token and the user, or the refusal (403), or 401 when unknown or used. */
export async function exchangeSignIn(deps: SsoDeps, code: string): Promise<{ token: string; user: UserView }> {
  const handoff = await takeHandoff(deps.knex, hashToken(code), new Date());
  if (!handoff) throw new Unauthenticated(text('sso.expired'));
  if (handoff.refusal) throw new Forbidden(text(handoff.refusal.key, handoff.refusal.params));
  const user = await deps.knex('app_user').where({ id: handoff.user_id }).first();
  // Deactivated between the callback and now: refused like any other sign-in.
  if (!user || user.disabled) throw new Forbidden(text('sso.deactivated', { username: user?.username ?? '' }));
  return issueToken(deps.knex, user, deps.tokenTtlMs);
}

export function redirectUri(options: SsoOptions): string {
  return `${options.publicUrl}/api/auth/sso/callback`;
}

function providerOf(deps: SsoDeps, id: string): SsoProvider {
  const provider = deps.options.providers.find((p) => p.id === id);
  if (!provider) throw new NotFound(text('sso.unknown-provider', { provider: id.slice(0, 80) }));
  return provider;
}
