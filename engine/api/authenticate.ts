/**
 * Bearer-token authentication: resolves `Authorization: Bearer <token>` to an actor in
 * res.locals.actor. A missing header leaves no actor (routes then answer 401); a token that is
 * unknown or expired is a 401 at once. A platform administrator may act inside a tenant by naming
 * it in `X-Alur-Tenant` (service/identity.ts actorOfRequest decides). The lookup goes through the
 * API's reads (service/reads.ts), like every other read of a request.
 */
import type { RequestHandler } from 'express';
import { parseBearer } from '../auth/tokens.js';
import type { TokenCache } from '../auth/token-cache.js';
import type { Reads } from '../service/reads.js';
import { Unauthenticated } from '../service/errors.js';
import { text } from '../messages/index.js';

export function authenticate(reads: Reads, cache?: TokenCache): RequestHandler {
  return async (req, res, next) => {
    const header = req.headers.authorization;
    if (!header) return next();
    const token = parseBearer(header);
    const chosen = req.headers['x-alur-tenant'];
    const actor = token ? await reads.actorOf(token, typeof chosen === 'string' && chosen ? chosen : undefined, cache) : undefined;
    if (!actor) throw new Unauthenticated(text('access.token-invalid'));
    res.locals.actor = actor;
    res.locals.token = token;
    next();
  };
}
