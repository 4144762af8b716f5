/**
 * Bearer-token authentication: resolves `Authorization: Bearer <token>` to an actor in
 * res.locals.actor. A missing or unknown token leaves no actor (routes then answer 401). A
 * platform administrator may act inside a tenant by naming it in `X-Alur-Tenant`; they then hold
 * admin and analyst rights there.
 */
import type { Knex } from 'knex';
import type { RequestHandler } from 'express';
import { parseBearer } from '../auth/tokens.js';
import { actorForToken } from '../service/identity.js';
import type { TokenCache } from '../auth/token-cache.js';
import { findTenant } from '../store/tenants.js';
import { NotFound, Unauthenticated } from '../service/errors.js';
import { text } from '../messages/index.js';

export function authenticate(knex: Knex, cache?: TokenCache): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) return next();
    const token = parseBearer(header);
    const actor = token ? await actorForToken(knex, token, cache) : undefined;
    if (!actor) throw new Unauthenticated(text('access.token-invalid'));
    const chosen = req.headers['x-alur-tenant'];
    if (typeof chosen === 'string' && chosen && actor.roles.includes('platform-admin')) {
      if (!(await findTenant(knex, chosen))) throw new NotFound(text('access.tenant-not-found', { tenant: chosen.slice(0, 80) }));
      actor.tenant = chosen;
      actor.roles = [...new Set([...actor.roles, 'admin', 'analyst'])];
    }
    res.locals.actor = actor;
    res.locals.token = token;
    next();
  };
}
