/**
 * User task rows: the inbox. Written only through row operations (row-ops.ts): opened and closed
 * by a step's task effects; claim, unclaim and assign change only `assignee`, guarded by a check.
 */
import type { Knex } from 'knex';
import type { Db, Page, PageQuery } from './db.js';
import { TAKEN_NUMBER } from './taken-number.js';
import { WrittenSql, columnList } from './written-sql.js';
import { paged, prepared } from './db.js';
import { INSTANCE_COLUMNS, type InstanceRow } from './instances.js';

export interface TaskRow {
  id: string;
  tenant_id: string;
  instance_id: string;
  key: number;
  element_id: string;
  name: string | null;
  process_key: string;
  business_key: string | null;
  assignee: string | null;
  candidate_groups: string[];
  candidate_users: string[];
  due_at: Date | null;
  /** due_at is `due_working_days` working days after this local date-time (a calendar change re-plans it). */
  due_from?: string | null;
  due_working_days?: number | null;
  follow_up_at: Date | null;
  priority: number;
  form_id: string | null;
  /** The form version pinned when the task opened (form.id); absent on rows built in memory. */
  form_ref?: string | null;
  state: 'open' | 'completed' | 'cancelled';
  created_at: Date;
  completed_at: Date | null;
  completed_by: string | null;
}

/** Columns of a task row; candidate_keys is an index helper and stays inside the store. */
const TASK_COLUMNS = ['id', 'tenant_id', 'instance_id', 'key', 'element_id', 'name', 'process_key', 'business_key', 'assignee', 'candidate_groups', 'candidate_users',
  'due_at', 'follow_up_at', 'priority', 'form_id', 'form_ref', 'state', 'created_at', 'completed_at', 'completed_by'];

/** The tenant-qualified candidate keys of a user (what `candidate_keys` of their tasks contain). */
export function candidateKeys(tenant: string, username: string, groups: string[]): string[] {
  return [`${tenant}:u:${username}`, ...groups.map((g) => `${tenant}:g:${g}`)];
}

/** Opens a task; a replayed task.open for the same instance+key is ignored. */
export function insertTask(row: TaskRow): WrittenSql {
  const keys = [...row.candidate_users.map((u) => `${row.tenant_id}:u:${u}`), ...row.candidate_groups.map((g) => `${row.tenant_id}:g:${g}`)];
  const numbered = row.business_key === TAKEN_NUMBER.placeholder;
  const values: Knex.Value[] = [row.assignee];
  if (!numbered) values.push(row.business_key);
  values.push(row.candidate_groups, keys, row.candidate_users, row.completed_at, row.completed_by, row.created_at, row.due_at, row.due_from ?? null,
    row.due_working_days ?? null, row.element_id, row.follow_up_at, row.form_id);
  // The form is pinned to its newest version now, inside the insert (no extra round trip).
  if (row.form_id) values.push(row.tenant_id, row.form_id);
  else values.push(null);
  values.push(row.id, row.instance_id, row.key, row.name, row.priority, row.process_key, row.state, row.tenant_id);
  return new WrittenSql(`insert into "user_task" (${TASK_INSERT_COLUMNS}) values (?, ${numbered ? TAKEN_NUMBER.sql : '?'}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, `
    + `${row.form_id ? '(select id from form where tenant_id = ? and form_id = ? order by version desc limit 1)' : '?'}, ?, ?, ?, ?, ?, ?, ?, ?) on conflict ("instance_id", "key") do nothing`,
  values);
}

const TASK_INSERT_COLUMNS = columnList(['assignee', 'business_key', 'candidate_groups', 'candidate_keys', 'candidate_users', 'completed_at', 'completed_by', 'created_at',
  'due_at', 'due_from', 'due_working_days', 'element_id', 'follow_up_at', 'form_id', 'form_ref', 'id', 'instance_id', 'key', 'name', 'priority', 'process_key', 'state', 'tenant_id']);

/** Moves the open task's due date (a working-day due date counted again); a closed task keeps its row. */
export function rescheduleTask(db: Db, instanceId: string, key: number, dueAt: Date): Knex.QueryBuilder {
  return db('user_task').where({ instance_id: instanceId, key, state: 'open' }).update({ due_at: dueAt });
}

/** Many open tasks' due dates in ONE update (a batch of the calendar re-plan); closed tasks keep their rows. */
export function rescheduleTasks(db: Db, tasks: readonly { instanceId: string; key: number; dueAt: Date }[]): Knex.QueryBuilder {
  const values = tasks.map((t) => ({ instance_id: t.instanceId, key: t.key, due_at: t.dueAt }));
  return db('user_task as t')
    .updateFrom(db.raw('jsonb_to_recordset(?::jsonb) as v(instance_id text, key integer, due_at timestamptz)', [JSON.stringify(values)]))
    .whereRaw("t.instance_id = v.instance_id and t.key = v.key and t.state = 'open'")
    .update({ due_at: db.raw('v.due_at') });
}

/**
 * Closes the open task of instance+key; running twice changes nothing the second time. Completed
 * by a person, the task is theirs: an unassigned one is claimed in the same write, and one that
 * someone else claimed meanwhile is left alone (no row changes, which the caller turns into 409).
 */
export function closeTask(instanceId: string, key: number, state: 'completed' | 'cancelled', at: Date, by: string | null): WrittenSql {
  if (state === 'completed' && by !== null) return new WrittenSql(CLOSE_AS_PERSON, [state, at, by, by, instanceId, key, 'open', by]);
  return new WrittenSql(CLOSE, [state, at, state === 'completed' ? by : null, instanceId, key, 'open']);
}

const CLOSE = 'update "user_task" set "state" = ?, "completed_at" = ?, "completed_by" = ? where "instance_id" = ? and "key" = ? and "state" = ?';
const CLOSE_AS_PERSON = 'update "user_task" set "state" = ?, "completed_at" = ?, "completed_by" = ?, "assignee" = coalesce(assignee, ?) '
  + 'where "instance_id" = ? and "key" = ? and "state" = ? and ("assignee" is null or "assignee" = ?)';

export async function findTask(db: Db, tenant: string, id: string): Promise<TaskRow | undefined> {
  return db('user_task').where({ tenant_id: tenant, id }).first(TASK_COLUMNS);
}

/** The task, locked (FOR UPDATE) when `lock`: a claim or an assignment in a transaction. */
export async function findTaskForUpdate(db: Db, tenant: string, id: string, lock: boolean): Promise<TaskRow | undefined> {
  const q = db('user_task').where({ tenant_id: tenant, id });
  if (lock) q.forUpdate();
  return q.first(TASK_COLUMNS);
}

/**
 * The task and its instance in one round trip, the instance locked (FOR UPDATE OF it) when `lock`:
 * what a completion needs. Unlocked, the caller saves the instance at the version it read. The
 * task columns are as of the statement's start; the caller's step tells a task that was completed
 * meanwhile by the core ignoring the stale input.
 */
export async function taskWithInstance(db: Db, tenant: string, id: string, lock: boolean): Promise<{ task: TaskRow; instance: InstanceRow } | undefined> {
  const { rows } = await prepared(db, taskWithInstanceText(lock), [id, tenant]) as { rows: Record<string, unknown>[] };
  const row = rows[0];
  if (!row) return undefined;
  const task: Record<string, unknown> = {};
  const instance: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) {
    if (k.startsWith('task_')) task[k.slice(5)] = v; else instance[k] = v;
  }
  return { task: task as unknown as TaskRow, instance: instance as unknown as InstanceRow };
}

/**
 * taskWithInstance's SQL, written out once (it runs with every completion) with its columns named
 * (see jobs.ts JOB_COLUMNS). Built on first use: instances.ts imports this module.
 *
 * The task is found by its primary key alone, in a subquery that OFFSET 0 keeps apart, and the
 * tenant checked on the row found. Written as `where t.tenant_id = ? and t.id = ?`, the statement's
 * generic plan (it is a named statement, planned once per connection) could scan
 * user_task_tenant_state_created_id_idx with both as index conditions — id is its fourth column,
 * so every task of the tenant was read to find one. PostgreSQL chose it whenever user_task had no
 * statistics yet (a new database, until autovacuum's first ANALYZE), where the two plans cost the
 * same, and a connection kept it: at 8 clients it was the largest single cost of the backends
 * (bench/README.md, "api"), growing with the tenant's tasks.
 */
let taskWithInstanceSql: { read: string; locked: string } | undefined;

/** taskWithInstance's SQL (bindings: the task's id, then the tenant); exported for the spec of its plan. */
export function taskWithInstanceText(lock: boolean): string {
  taskWithInstanceSql ??= taskWithInstanceStatements();
  return lock ? taskWithInstanceSql.locked : taskWithInstanceSql.read;
}

function taskWithInstanceStatements(): { read: string; locked: string } {
  const columns = [...INSTANCE_COLUMNS, 'start_form_ref'].map((c) => `i."${c}"`).concat(TASK_COLUMNS.map((c) => `t."${c}" as "task_${c}"`)).join(', ');
  const read = `select ${columns} from (select * from user_task where id = ? offset 0) t join process_instance i on i.id = t.instance_id where t.tenant_id = ? limit 1`;
  return { read, locked: `${read} for update of i` };
}

/**
 * Sets the assignee of an open task if it currently has `expected` (null = unassigned): changes
 * no row when the task moved on or someone else got there first (the write's check fails).
 */
export function assignTask(db: Db, id: string, expected: string | null, assignee: string | null): Knex.QueryBuilder {
  const q = db('user_task').where({ id, state: 'open' });
  if (expected === null) q.whereNull('assignee'); else q.where('assignee', expected);
  return q.update({ assignee });
}

export type TaskFilter = 'mine' | 'candidate' | 'unassigned' | 'all';

export type TaskSort = 'dueDate' | 'priority' | 'createdAt';

/** Longest accepted search text; longer input is refused by the API (a LIKE pattern costs per character). */
export const TASK_SEARCH_MAX = 100;

export interface TaskQuery {
  filter: TaskFilter;
  state?: 'open' | 'completed' | 'cancelled';
  processInstanceId?: string;
  /** List order (default createdAt asc); ties are broken by id in the same direction, so pages never overlap. */
  sort?: TaskSort;
  order?: 'asc' | 'desc';
  /** Case-insensitive substring of business key, process key or task name (no control characters). */
  search?: string;
  user: { username: string; groups: string[]; seesAll: boolean };
}

const SORT_COLUMNS: Record<TaskSort, string> = { dueDate: 'due_at', priority: 'priority', createdAt: 'created_at' };

/**
 * What `q` searches: business key, process key and name, lower-cased once and joined by U+001F,
 * which the API refuses in a search, so a match never spans two fields. One LIKE over one string
 * costs about half of three ILIKEs (bench/api/inbox-search.ts); both sides go through the
 * database's lower(), so case folding agrees.
 */
export const SEARCH_TEXT = "lower(coalesce(business_key, '') || chr(31) || process_key || chr(31) || coalesce(name, ''))";

/** The search text as a LIKE pattern matching it literally anywhere (`%`, `_` and `\` escaped). */
export function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * ORDER BY for a sort: only due_at is nullable; it goes last in both directions (a descending
 * column would otherwise put NULL first). The id tie-break follows the direction, so each order
 * is one forward or backward scan of its (tenant_id, state, column, id) index.
 */
function orderOf(sort: TaskSort, order: 'asc' | 'desc'): { column: string; order: 'asc' | 'desc'; nulls?: 'last' }[] {
  const column = SORT_COLUMNS[sort];
  return [{ column, order, ...(column === 'due_at' && order === 'desc' ? { nulls: 'last' as const } : {}) }, { column: 'id', order }];
}

/** Open tasks the user may claim, through the tenant-qualified GIN index (candidate_keys). */
function candidateOf(q: Knex.QueryBuilder, tenant: string, username: string, groups: string[]): Knex.QueryBuilder {
  return q.whereRaw('candidate_keys && ?::text[]', [candidateKeys(tenant, username, groups)]);
}

/** The inbox query; a user who does not see all sees only tasks they hold, held or may claim. */
export async function listTasks(db: Db, tenant: string, query: TaskQuery, page: PageQuery): Promise<Page<TaskRow>> {
  const { username, groups, seesAll } = query.user;
  const q = db('user_task').where('tenant_id', tenant).andWhere('state', query.state ?? 'open');
  if (query.processInstanceId) q.andWhere('instance_id', query.processInstanceId);
  if (query.filter === 'mine') q.andWhere('assignee', username);
  else if (query.filter === 'candidate') q.whereNull('assignee').andWhere((w) => candidateOf(w, tenant, username, groups));
  else if (query.filter === 'unassigned') {
    q.whereNull('assignee');
    if (!seesAll) q.andWhere((w) => candidateOf(w, tenant, username, groups));
  } else if (!seesAll) {
    q.andWhere((w) => w.where('assignee', username).orWhere('completed_by', username)
      .orWhereRaw('candidate_keys && ?::text[]', [candidateKeys(tenant, username, groups)]));
  }
  if (query.search) {
    // Inside the tenant and visibility filters above: a search only narrows what the user may see.
    q.andWhereRaw(`${SEARCH_TEXT} like lower(?) escape '\\'`, [containsPattern(query.search)]);
  }
  return paged(q.select(TASK_COLUMNS), page, (x) => x.orderBy(orderOf(query.sort ?? 'createdAt', query.order ?? 'asc')));
}


/** True when the user is a candidate of the task (by name or group). */
export function isCandidate(task: TaskRow, username: string, groups: string[]): boolean {
  return task.candidate_users.includes(username) || task.candidate_groups.some((g) => groups.includes(g));
}
