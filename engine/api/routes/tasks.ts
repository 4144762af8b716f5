/** The inbox: listing, reading, claiming, assigning and completing user tasks. */
import type { Ctx, Routes } from '../route.js';
import type { RouteDeps } from '../deps.js';
import { assignBody, completeBody } from '../schemas.js';
import { TASK_SEARCH_MAX, type TaskFilter, type TaskRow, type TaskSort } from '../../store/tasks.js';
import { tenantOf, type Actor } from '../../service/actor.js';
import { checkId, idParam, PAGING } from '../validation.js';
import { taskView } from '../views.js';
import type { Variables } from '../../core/index.js';

/** GET /api/tasks's parameters after checking (defaults filled in). */
interface TaskListQuery { filter: TaskFilter; state: 'open' | 'completed' | 'cancelled'; processInstanceId?: string; sort: TaskSort; order: 'asc' | 'desc'; q?: string; limit: number; offset: number }

export function taskRoutes(r: Routes, deps: RouteDeps): void {
  const { engine, reads } = deps;
  const left = (tenant: string) => reads.daysLeft(tenant);
  const named = async (task: TaskRow) => taskView(task, await reads.namesOf([task]), await left(task.tenant_id));
  // A claim's holder is the caller, whose name came with the token: no read (a claim is one statement).
  const claimed = async (task: TaskRow, actor: Actor) => taskView(task, new Map(actor.displayName ? [[actor.username, actor.displayName]] : []), await left(task.tenant_id));

  r.add({ method: 'get', path: '/api/tasks', tag: 'tasks', summary: 'The inbox', query: [
    { name: 'filter', schema: { enum: ['mine', 'candidate', 'unassigned', 'all'], default: 'all' } },
    { name: 'state', schema: { enum: ['open', 'completed', 'cancelled'], default: 'open' } },
    { name: 'processInstanceId', schema: { type: 'string' } },
    { name: 'sort', schema: { enum: ['dueDate', 'priority', 'createdAt'], default: 'createdAt' }, description: 'List order; ties are broken by task id in the same direction, so paging is stable.' },
    { name: 'order', schema: { enum: ['asc', 'desc'], default: 'asc' }, description: 'Direction; tasks without a due date come last either way.' },
    { name: 'q', schema: { type: 'string', maxLength: TASK_SEARCH_MAX, pattern: '^[^\\u0000-\\u001f\\u007f]*$' }, description: 'Case-insensitive substring of business key, process key or task name; narrows only what the caller may see.' },
    ...PAGING,
  ] }, async ({ actor, query }: Ctx<unknown, TaskListQuery>) => {
    // The declaration above checked every parameter (and filled the defaults); control characters
    // are refused by its pattern (never part of a key or name, and NUL would fail in the database).
    const processInstanceId = idParam({ ...query }, 'processInstanceId');
    if (processInstanceId === null) return { items: [], total: 0 };
    const { filter, state, sort, order, limit, offset } = query;
    const result = await reads.tasks(actor, { filter, state, processInstanceId, sort, order, search: query.q?.trim() || undefined }, { limit, offset });
    const names = await reads.namesOf(result.items);
    const days = await left(tenantOf(actor));
    return { items: result.items.map((t) => taskView(t, names, days)), total: result.total };
  });

  r.add({ method: 'get', path: '/api/tasks/:id', tag: 'tasks', summary: 'A task with its variables and form' },
    async ({ req, actor }) => {
      const { task, variables, form } = await reads.taskWithForm(actor, checkId(req.params.id, 'task'));
      return { ...(await named(task)), variables, form: form?.schema ?? null };
    });

  r.add({ method: 'get', path: '/api/tasks/:id/colleagues', tag: 'tasks', summary: 'Who could take this task over (Plt/Plh): active users of its candidate groups and its candidate users, with names and jabatan' },
    async ({ req, actor }) => {
      const { task, users } = await reads.colleagues(actor, checkId(req.params.id, 'task'));
      const items = users.map((u) => ({ username: u.username, displayName: u.display_name ?? u.username, jabatan: u.jabatan ?? null, groups: u.groups.filter((g) => task.candidate_groups.includes(g)) }));
      return { items, total: items.length };
    });

  r.add({ method: 'post', path: '/api/tasks/:id/claim', tag: 'tasks', summary: 'Claim (candidates); claimed by someone else → 409' },
    async ({ req, actor }) => claimed(await engine.claim(actor, checkId(req.params.id, 'task')), actor));

  r.add({ method: 'post', path: '/api/tasks/:id/unclaim', tag: 'tasks', summary: 'Give a claimed task back (assignee or admin)' },
    async ({ req, actor }) => taskView(await engine.unclaim(actor, checkId(req.params.id, 'task')), undefined, await left(tenantOf(actor))));

  r.add<{ assignee: string | null }>({ method: 'post', path: '/api/tasks/:id/assign', tag: 'tasks', summary: 'Assign (admin, or the current assignee)', body: assignBody },
    async ({ req, actor, body }) => named(await engine.assign(actor, checkId(req.params.id, 'task'), body.assignee)));

  r.add<{ variables?: Variables }>({ method: 'post', path: '/api/tasks/:id/complete', tag: 'tasks', summary: 'Complete with form-checked variables; not open → 409', body: completeBody },
    async ({ req, actor, body }) => taskView(await engine.completeTask(actor, checkId(req.params.id, 'task'), body.variables ?? {}), undefined, await left(tenantOf(actor))));
}
