/** Login, the current user, tenants and users. */
import type { Routes } from '../route.js';
import type { AppDeps } from '../deps.js';
import { loginBody, tenantBody, userBody } from '../schemas.js';
import { login, logout, createTenant, tenants, createUser, type NewUser } from '../../service/identity.js';
import { listUsers, groupsOfUser, listGroups } from '../../store/users.js';
import { tenantOf, hasRole, requireRole } from '../../service/actor.js';
import { text } from '../../messages/index.js';

export function identityRoutes(r: Routes, deps: AppDeps): void {
  const knex = deps.engine.deps.knex;
  const now = () => deps.engine.deps.clock.now();

  r.add<{ username: string; password: string }>({ method: 'post', path: '/api/auth/login', tag: 'identity', access: 'public', summary: 'Log in; answers a bearer token', body: loginBody, responses: { 200: 'token and user' } },
    ({ body, req }) => login(knex, deps.limiter, { ...body, ip: req.ip ?? 'unknown' }, deps.tokenTtlMs));

  r.add({ method: 'post', path: '/api/auth/logout', tag: 'identity', summary: 'Revoke the token of this request' },
    async ({ res }) => { await logout(knex, res.locals.token as string, deps.tokenCache); });

  r.add({ method: 'get', path: '/api/auth/me', tag: 'identity', summary: 'The calling user' },
    ({ actor }) => ({ username: actor.username, tenant: actor.tenant, roles: actor.roles, groups: actor.groups }));

  r.add<{ id: string; name: string }>({ method: 'post', path: '/api/tenants', tag: 'identity', summary: 'Create a tenant (platform-admin)', body: tenantBody, responses: { 201: 'created' } },
    async ({ actor, body, res }) => {
      const row = await createTenant(knex, actor, body, now());
      res.status(201);
      return { id: row.id, name: row.name, createdAt: row.created_at.toISOString() };
    });

  r.add({ method: 'get', path: '/api/tenants', tag: 'identity', summary: 'Tenants the caller may see' },
    async ({ actor }) => {
      const items = (await tenants(knex, actor)).map((t) => ({ id: t.id, name: t.name, createdAt: new Date(t.created_at).toISOString() }));
      return { items, total: items.length };
    });

  r.add<Omit<NewUser, 'tenant' | 'groups'> & { tenant?: string | null; groups?: string[] }>({ method: 'post', path: '/api/users', tag: 'identity', summary: 'Create a user (platform-admin, or admin of that tenant)', body: userBody, responses: { 201: 'created' } },
    async ({ actor, body, res }) => {
      const tenant = body.tenant === undefined ? actor.tenant : body.tenant;
      const user = await createUser(knex, actor, { ...body, tenant, groups: body.groups ?? [] }, now());
      res.status(201);
      return user;
    });

  r.add({ method: 'get', path: '/api/users', tag: 'identity', summary: 'Users of the caller\'s tenant (admin)' },
    async ({ actor }) => {
      requireRole(actor, text('action.list-users'), 'admin', 'platform-admin');
      const scope = hasRole(actor, 'platform-admin') && !actor.tenant ? undefined : tenantOf(actor);
      const rows = await listUsers(knex, scope);
      const items = await Promise.all(rows.map(async (u) => ({ username: u.username, tenant: u.tenant_id, roles: u.roles, groups: await groupsOfUser(knex, u.id) })));
      return { items, total: items.length };
    });

  r.add({ method: 'get', path: '/api/groups', tag: 'identity', summary: 'Groups of the caller\'s tenant with member counts' },
    async ({ actor }) => {
      const items = await listGroups(knex, tenantOf(actor));
      return { items, total: items.length };
    });

}
