/**
 * The OpenID Connect relying party (openid-client): authorization code flow with PKCE (S256),
 * state and nonce, one client per configured provider. Discovery happens at the first sign-in of
 * a provider and is remembered; a failed discovery is forgotten, so a provider that was down is
 * asked again next time. Owns no storage: the caller keeps state, nonce and verifier between the
 * two legs. Never logs tokens or claims.
 */
import * as oidc from 'openid-client';
import type { SsoProvider } from './sso-options.js';

/** What the first leg hands the caller to keep until the provider returns. */
export interface AuthorizationStart { url: string; state: string; nonce: string; codeVerifier: string }

/** Claims of a completed sign-in: the ID token's, with the userinfo endpoint's added. */
export type Claims = Record<string, unknown> & { sub: string };

/** How long one request to the provider may take. */
const TIMEOUT_SECONDS = 10;

export class OidcClients {
  private readonly configs = new Map<string, Promise<oidc.Configuration>>();

  constructor(private readonly redirectUri: string) {}

  /** The authorization URL to send the browser to, with a fresh state, nonce and PKCE verifier. */
  async start(provider: SsoProvider): Promise<AuthorizationStart> {
    const config = await this.config(provider);
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.redirectUri, scope: provider.scopes, response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier), code_challenge_method: 'S256', state, nonce,
    });
    return { url: url.href, state, nonce, codeVerifier };
  }

  /**
   * The second leg: checks the provider's answer (`callbackUrl`, the redirect URI with the query
   * the browser brought) against the state, exchanges the code with the verifier, checks the ID
   * token and its nonce, and reads userinfo. Throws on any mismatch or provider error.
   */
  async finish(provider: SsoProvider, callbackUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<Claims> {
    const config = await this.config(provider);
    const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
      pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true,
    });
    const idClaims = tokens.claims();
    if (!idClaims) throw new Error('the provider returned no ID token');
    let info: Record<string, unknown> = {};
    if (config.serverMetadata().userinfo_endpoint) info = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
    // The ID token is signed; userinfo only adds claims the token left out (groups, NIP, …).
    return { ...info, ...idClaims } as Claims;
  }

  private config(provider: SsoProvider): Promise<oidc.Configuration> {
    let found = this.configs.get(provider.id);
    if (!found) {
      const auth = provider.clientSecret ? oidc.ClientSecretBasic(provider.clientSecret) : oidc.None();
      const insecure = new URL(provider.issuer).protocol === 'http:';
      found = oidc.discovery(new URL(provider.issuer), provider.clientId, { redirect_uris: [this.redirectUri] }, auth, {
        timeout: TIMEOUT_SECONDS, ...(insecure ? { execute: [oidc.allowInsecureRequests] } : {}),
      });
      found.catch(() => this.configs.delete(provider.id));
      this.configs.set(provider.id, found);
    }
    return found;
  }
}
