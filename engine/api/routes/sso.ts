/**
 * Single sign-on (README "Single sign-on"): the login screens' buttons, the two browser legs
 * (start → the provider; callback → back to the app with a one-time code in the fragment) and the
 * app's exchange of that code for a bearer token; and PATCH /api/tenants/{id}, where a tenant
 * admin turns password sign-in off once single sign-on serves the tenant. Without a provider
 * configured, the buttons list is empty and the legs answer 404.
 */
import type { Response } from 'express';
import type { Ctx, Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { ssoButtons, startSignIn, finishSignIn, exchangeSignIn, ssoServes, SSO_APPS, type SsoApp, type SsoDeps } from '../../service/sso.js';
import { NotFound } from '../../service/errors.js';
import { text } from '../../messages/index.js';

const exchangeBody = { type: 'object', additionalProperties: false, required: ['code'], properties: { code: { type: 'string', minLength: 1, maxLength: 100 } } };
const tenantPatchBody = {
  type: 'object', additionalProperties: false, minProperties: 1,
  properties: { name: { type: 'string', minLength: 1, maxLength: 200 }, localPasswords: { type: 'boolean', description: 'false: only single sign-on signs this tenant\'s people in.' } },
};

export function ssoRoutes(r: Routes, deps: RouteDeps): void {
  const sso: SsoDeps | undefined = deps.admin.sso(deps.sso && { options: deps.sso.options, clients: deps.sso.clients, tokenTtlMs: deps.tokenTtlMs, logError: deps.logError });
  const configured = (): SsoDeps => { if (!sso) throw new NotFound(text('sso.unknown-provider', { provider: 'sso' })); return sso; };
  const redirect = (res: Response, url: string) => { res.set('Cache-Control', 'no-store').redirect(302, url); };

  r.add({ method: 'get', path: '/api/auth/sso', tag: 'identity', access: 'public', summary: 'Single sign-on providers, for the login screens\' buttons' },
    async () => {
      const items = sso ? await ssoButtons(sso) : [];
      return { items, total: items.length };
    });

  r.add({ method: 'get', path: '/api/auth/sso/start', tag: 'identity', access: 'public', summary: 'Sends the browser to the provider\'s login page (authorization code with PKCE)', query: [
    { name: 'provider', schema: { type: 'string' }, description: 'default, or a tenant with its own provider.' },
    { name: 'app', schema: { enum: [...SSO_APPS] }, description: 'The app to return to (default inbox).' },
  ], responses: { 302: 'to the provider' } }, async ({ res, query }: Ctx<unknown, { provider?: string; app?: SsoApp }>) => {
    redirect(res, await startSignIn(configured(), query.provider ?? 'default', query.app ?? 'inbox'));
  });

  r.add({ method: 'get', path: '/api/auth/sso/callback', tag: 'identity', access: 'public', summary: 'The provider\'s redirect: back to the app with a one-time code (#/sso/<code>)', responses: { 302: 'to the app' } },
    async ({ req, res }) => { redirect(res, await finishSignIn(configured(), new URL(req.originalUrl, 'http://callback').searchParams)); });

  r.add<{ code: string }>({ method: 'post', path: '/api/auth/sso/exchange', tag: 'identity', access: 'public', summary: 'The app\'s one-time code → a bearer token and the user, as login answers; a refused sign-in → 403 saying why', body: exchangeBody },
    ({ body }) => exchangeSignIn(configured(), body.code));

  r.add<{ name?: string; localPasswords?: boolean }>({ method: 'patch', path: '/api/tenants/:id', tag: 'identity', summary: 'Rename a tenant or turn its password sign-in off or on (admin of the tenant, platform-admin)', body: tenantPatchBody },
    async ({ actor, req, res, body }) => {
      const row = await deps.admin.changeTenant(actor, String(req.params.id), body, (tenant) => ssoServes(deps.sso?.options, tenant), res.locals.token as string | undefined);
      return { id: row.id, name: row.name, createdAt: new Date(row.created_at).toISOString(), localPasswords: row.local_passwords !== false, singleSignOn: ssoServes(deps.sso?.options, row.id) };
    });
}
