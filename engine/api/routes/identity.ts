/** Login, the current user, tenants, users, groups and the audit of administration. */
import type { Ctx, Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { loginBody, tenantBody, userBody, userPatchBody, groupBody, groupPatchBody } from '../schemas.js';
import type { NewUser } from '../../service/identity.js';
import type { PersonPatch } from '../../service/people.js';
import { PAGING } from '../validation.js';
import { AUDIT_OBJECTS, type AuditObject } from '../../store/audit.js';
import { ssoServes } from '../../service/sso.js';

/** The declared, checked query parameters of `GET /api/users` and `GET /api/audit` (defaults filled in). */
interface PeopleQuery { q?: string; group?: string; active?: 'true' | 'false'; limit: number; offset: number }
interface AuditListQuery { objectType?: AuditObject; objectId?: string; actor?: string; limit: number; offset: number }

export function identityRoutes(r: Routes, deps: RouteDeps): void {
  const { reads, admin } = deps;

  r.add<{ username: string; password: string }>({ method: 'post', path: '/api/auth/login', tag: 'identity', access: 'public', summary: 'Log in; answers a bearer token and the user: username, tenant, tenantName (the tenant\'s name, for a header), roles, groups, displayName', body: loginBody, responses: { 200: 'token and user (with tenantName)' } },
    ({ body, req }) => admin.login(deps.limiter, { ...body, ip: req.ip ?? 'unknown' }, deps.tokenTtlMs));

  r.add({ method: 'post', path: '/api/auth/logout', tag: 'identity', summary: 'Revoke the token of this request' },
    async ({ res }) => { await admin.logout(res.locals.token as string); });

  r.add({ method: 'get', path: '/api/auth/me', tag: 'identity', summary: 'The calling user, with their tenant\'s name (tenantName), display name, NIP, jabatan and e-mail, whether a password signs them in (localPasswords) and whether they signed in by single sign-on before (singleSignOn)' },
    async ({ actor }) => {
      // A platform administrator acting in a tenant (X-Alur-Tenant) is shown as acting there, by its name too.
      const me = await reads.me(actor);
      const tenantName = actor.tenant === me.tenant ? me.tenantName : actor.tenant ? (await reads.tenantName(actor.tenant)) : null;
      return { ...me, tenant: actor.tenant, tenantName, roles: actor.roles, groups: actor.groups };
    });

  r.add<{ id: string; name: string }>({ method: 'post', path: '/api/tenants', tag: 'identity', summary: 'Create a tenant (platform-admin)', body: tenantBody, responses: { 201: 'created' } },
    async ({ actor, body, res }) => {
      const row = await admin.createTenant(actor, body);
      res.status(201);
      return { id: row.id, name: row.name, createdAt: row.created_at.toISOString() };
    });

  r.add({ method: 'get', path: '/api/tenants', tag: 'identity', summary: 'Tenants the caller may see' },
    async ({ actor }) => {
      const items = (await reads.tenants(actor)).map((t) => ({ id: t.id, name: t.name, createdAt: new Date(t.created_at).toISOString(), localPasswords: t.local_passwords !== false, singleSignOn: ssoServes(deps.sso?.options, t.id) }));
      return { items, total: items.length };
    });

  r.add<Omit<NewUser, 'tenant' | 'groups'> & { tenant?: string | null; groups?: string[] }>({ method: 'post', path: '/api/users', tag: 'identity', summary: 'Create a user (platform-admin, or admin of that tenant)', body: userBody, responses: { 201: 'created' } },
    async ({ actor, body, res }) => {
      const tenant = body.tenant === undefined ? actor.tenant : body.tenant;
      const user = await admin.createUser(actor, { ...body, tenant, groups: body.groups ?? [] });
      res.status(201);
      return user;
    });

  r.add({ method: 'get', path: '/api/users', tag: 'identity', summary: 'Users of the caller\'s tenant (admin)', query: [
    { name: 'q', schema: { type: 'string', maxLength: 100 }, description: 'Case-insensitive part of username, display name, NIP, jabatan or e-mail.' },
    { name: 'group', schema: { type: 'string' }, description: 'Only members of this group.' },
    { name: 'active', schema: { enum: ['true', 'false'] }, description: 'Only active (or only deactivated) users.' },
    ...PAGING,
  ] }, ({ actor, query }: Ctx<unknown, PeopleQuery>) =>
    reads.people(actor, { q: query.q?.trim() || undefined, group: query.group, active: query.active === undefined ? undefined : query.active === 'true' }, { limit: query.limit, offset: query.offset }));

  r.add({ method: 'get', path: '/api/users/:username', tag: 'identity', summary: 'One user (admin, or the user themself)' },
    ({ actor, req }) => reads.person(actor, String(req.params.username)));

  r.add<PersonPatch>({ method: 'patch', path: '/api/users/:username', tag: 'identity', summary: 'Change a user (admin of the tenant; a user their own displayName, email and password with currentPassword). active: false stops login and tokens at once and hands the user\'s open tasks back to their groups', body: userPatchBody },
    ({ actor, req, body, res }) => admin.changePerson(actor, String(req.params.username), body, res.locals.token as string | undefined));

  r.add({ method: 'get', path: '/api/groups', tag: 'identity', summary: 'Groups (org units) of the caller\'s tenant: id, name, parent and active members' },
    async ({ actor }) => {
      const items = await reads.groups(actor);
      return { items, total: items.length };
    });

  r.add<{ id: string; name?: string; parent?: string | null }>({ method: 'post', path: '/api/groups', tag: 'identity', summary: 'Create a group (admin)', body: groupBody, responses: { 201: 'created' } },
    async ({ actor, body, res }) => {
      const group = await admin.createGroup(actor, body);
      res.status(201);
      return group;
    });

  r.add<{ name?: string; parent?: string | null }>({ method: 'patch', path: '/api/groups/:id', tag: 'identity', summary: 'Rename or move a group (admin)', body: groupPatchBody },
    ({ actor, req, body }) => admin.changeGroup(actor, String(req.params.id), body));

  r.add({ method: 'delete', path: '/api/groups/:id', tag: 'identity', summary: 'Delete a group (admin); 409 while it has members, groups under it or open tasks', responses: { 204: 'deleted' } },
    async ({ actor, req }) => { await admin.removeGroup(actor, String(req.params.id)); });

  r.add({ method: 'get', path: '/api/audit', tag: 'identity', summary: 'Who created or changed which user, group, tenant or pack, when, with the values before and after (admin)', query: [
    { name: 'objectType', schema: { enum: [...AUDIT_OBJECTS] } },
    { name: 'objectId', schema: { type: 'string' } },
    { name: 'actor', schema: { type: 'string' } },
    ...PAGING,
  ] }, async ({ actor, query }: Ctx<unknown, AuditListQuery>) => {
    const page = await reads.audit(actor, { objectType: query.objectType, objectId: query.objectId, actor: query.actor }, { limit: query.limit, offset: query.offset });
    return {
      items: page.items.map((e) => ({ id: String(e.id), at: new Date(e.at).toISOString(), actor: e.actor, tenant: e.tenant_id, objectType: e.object_type, objectId: e.object_id, action: e.action, before: e.before, after: e.after })),
      total: page.total,
    };
  });
}
