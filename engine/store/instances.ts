/**
 * Process instance rows: the jsonb snapshot is the truth, `state` and `ended_at` are projections
 * for listing. `lockInstance` holds the row lock (SELECT … FOR UPDATE) until the transaction ends,
 * which serialises every input to one instance.
 */
import type { Knex } from 'knex';
import type { Db, Page, PageQuery } from './db.js';
import { TAKEN_NUMBER } from './taken-number.js';
import { WrittenSql, columnList } from './written-sql.js';
import { paged } from './db.js';
import { containsPattern } from './tasks.js';
import { substringTrigrams } from './case-search.js';
import { activeElements, runningState, type InstanceState, type SlaState, type CaseSla } from '../core/index.js';

export interface InstanceRow {
  id: string;
  tenant_id: string;
  definition_id: string;
  process_key: string;
  process_version: number;
  business_key: string | null;
  state: string;
  snapshot: InstanceState;
  version: number;
  parent_instance_id: string | null;
  started_by: string | null;
  started_at: Date;
  ended_at: Date | null;
  /** The start form version the start was checked against (form.id); absent on rows read without it. */
  start_form_ref?: string | null;
}

/** Columns of an instance row, in order (to read one beside another table's row under a prefix). */
export const INSTANCE_COLUMNS = ['id', 'tenant_id', 'definition_id', 'process_key', 'process_version', 'business_key', 'state', 'snapshot', 'version',
  'parent_instance_id', 'started_by', 'started_at', 'ended_at'] as const;

/** The columns of `alias` selected as `<prefix><column>`, and the function that takes them back out of a row. */
export function prefixedInstance(alias: string, prefix: string): { columns: string[]; take: (row: Record<string, unknown>) => InstanceRow | undefined } {
  return {
    columns: INSTANCE_COLUMNS.map((c) => `${alias}.${c} as ${prefix}${c}`),
    take(row) {
      if (row[`${prefix}id`] === null || row[`${prefix}id`] === undefined) return undefined;
      const out: Record<string, unknown> = {};
      for (const c of INSTANCE_COLUMNS) {
        out[c] = row[`${prefix}${c}`];
        delete row[`${prefix}${c}`];
      }
      return out as unknown as InstanceRow;
    },
  };
}

/** Inserts a new instance; `completed`: the elements its first step completed (the statistics' projection). */
export function insertInstance(row: InstanceRow, completed: readonly string[] = []): WrittenSql {
  const snapshot = JSON.stringify(row.snapshot);
  const sla = slaColumns(row.snapshot);
  // A number taken in the same statement (taken-number.ts) goes into the column and the snapshot.
  const numbered = row.business_key === TAKEN_NUMBER.placeholder;
  const values: Knex.Value[] = [activeElements(row.snapshot)];
  if (!numbered) values.push(row.business_key);
  values.push([...new Set(completed)], row.definition_id, row.ended_at, row.id, row.parent_instance_id, row.process_key, row.process_version,
    sla.sla_due_at, sla.sla_paused_at, sla.sla_state, sla.sla_working_days, snapshot, row.start_form_ref ?? null, row.started_at, row.started_by, row.state, row.tenant_id, row.version);
  return new WrittenSql(`insert into "process_instance" (${INSERT_COLUMNS}) values (?, ${numbered ? TAKEN_NUMBER.sql : '?'}, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, `
    + `${numbered ? `jsonb_set(?::jsonb, '{businessKey}', to_jsonb(${TAKEN_NUMBER.sql}))` : '?'}, ?, ?, ?, ?, ?, ?)`, values);
}

const INSERT_COLUMNS = columnList(['active_elements', 'business_key', 'completed_elements', 'definition_id', 'ended_at', 'id', 'parent_instance_id', 'process_key',
  'process_version', 'sla_due_at', 'sla_paused_at', 'sla_state', 'sla_working_days', 'snapshot', 'start_form_ref', 'started_at', 'started_by', 'state', 'tenant_id', 'version']);

/**
 * The projections of the case's SLA (migration case_sla): written with every save, so they always
 * say what the snapshot says. The state stored is only the one that no longer depends on the time
 * of asking (ended, or paused); a running clock's state is decided by `sla_due_at` at search time.
 */
export function slaColumns(snapshot: InstanceState): { sla_working_days: number | null; sla_due_at: string | null; sla_paused_at: string | null; sla_state: string | null } {
  const sla = snapshot.sla;
  if (!sla) return { sla_working_days: null, sla_due_at: null, sla_paused_at: null, sla_state: null };
  const paused = sla.paused && !sla.end ? sla.paused : undefined;
  const state = sla.end ? sla.end.state
    : paused ? runningState(paused.left, new Date(sla.due), new Date(paused.at)) : null;
  return { sla_working_days: sla.n, sla_due_at: sla.due, sla_paused_at: paused ? new Date(paused.at).toISOString() : null, sla_state: state };
}

/** Locks and returns the instance (FOR UPDATE; waits for a concurrent holder). Tenant optional for internal callers. */
export async function lockInstance(db: Db, id: string): Promise<InstanceRow | undefined> {
  return db('process_instance').where({ id }).forUpdate().first();
}

/**
 * The update that saves `row` (version already incremented) if the stored row still has the version before it (callers hold the
 * row lock, so the version only guards against a bug): it must change exactly one row.
 */
export function saveInstance(row: InstanceRow, completed: readonly string[] = []): WrittenSql {
  const fresh = [...new Set(completed)];
  const { snapshot } = row;
  const sla = slaColumns(snapshot);
  const values: Knex.Value[] = [JSON.stringify(snapshot), snapshot.status, row.version, row.ended_at, activeElements(snapshot),
    sla.sla_working_days, sla.sla_due_at, sla.sla_paused_at, sla.sla_state,
    // The definition changes only by a migration; written always, so the save stays one shape.
    row.definition_id, row.process_version];
  // The elements this step completed join those completed before (each once).
  if (fresh.length) values.push(fresh);
  values.push(row.id, row.version - 1);
  return new WrittenSql(fresh.length ? SAVE_COMPLETING : SAVE, values);
}

const SAVE_SET = 'update "process_instance" set "snapshot" = ?, "state" = ?, "version" = ?, "ended_at" = ?, "active_elements" = ?, "sla_working_days" = ?, '
  + '"sla_due_at" = ?, "sla_paused_at" = ?, "sla_state" = ?, "definition_id" = ?, "process_version" = ?';
const SAVE_WHERE = ' where "id" = ? and "version" = ?';
const SAVE = SAVE_SET + SAVE_WHERE;
const SAVE_COMPLETING = `${SAVE_SET}, "completed_elements" = array(select distinct x from unnest(completed_elements || ?::text[]) x order by x)${SAVE_WHERE}`;

/**
 * Saves many rows over the versions before them in ONE update (a batch of the calendar re-plan):
 * the same columns as saveInstance, the rows sent as one jsonb recordset. A save that completes
 * elements goes through saveInstance (its completed elements are merged per row).
 */
export function saveInstances(db: Db, rows: readonly InstanceRow[]): Knex.QueryBuilder {
  const values = rows.map((row) => ({
    id: row.id, prev: row.version - 1, snapshot: row.snapshot, state: row.snapshot.status, version: row.version, ended_at: row.ended_at,
    active_elements: activeElements(row.snapshot), ...slaColumns(row.snapshot), definition_id: row.definition_id, process_version: row.process_version,
  }));
  const set = ['snapshot', 'state', 'version', 'ended_at', 'active_elements', 'sla_working_days', 'sla_due_at', 'sla_paused_at', 'sla_state', 'definition_id', 'process_version'];
  return db('process_instance as i')
    .updateFrom(db.raw(`jsonb_to_recordset(?::jsonb) as v(id text, prev integer, snapshot jsonb, state text, version integer, ended_at timestamptz, active_elements text[],
      sla_working_days integer, sla_due_at timestamptz, sla_paused_at timestamptz, sla_state text, definition_id uuid, process_version integer)`, [JSON.stringify(values)]))
    .whereRaw('i.id = v.id and i.version = v.prev')
    .update(Object.fromEntries(set.map((c) => [c, db.raw('??', [`v.${c}`])])));
}

export async function findInstance(db: Db, tenant: string, id: string): Promise<InstanceRow | undefined> {
  return db('process_instance').where({ tenant_id: tenant, id }).first();
}

export interface InstanceFilter {
  processKey?: string; state?: string; businessKey?: string;
  /** Operating (API.md 1.1): the definition version, an element the case waits at, an open incident, started in [after, before), a business key substring. */
  version?: number; definitionId?: string; elementId?: string; hasIncident?: boolean; startedAfter?: Date; startedBefore?: Date; q?: string;
  visibleTo?: { username: string; groups: string[] };
  /** The SLA state (API.md 1.1 `slaState`) at `now`; `soon`: the instant from which a running case has more than one working day left. */
  sla?: { state: SlaState; now: Date; soon: Date };
}

/** The search text `q=` matches (a case-insensitive substring); character for character the expression inside the tenant trigram index (migration operate_tenant_indexes). */
const BUSINESS_KEY_TEXT = "lower(coalesce(i.business_key, ''))";

/** Instances of the tenant without snapshots, newest first. `visibleTo` limits to those the user started or holds/held a task in. */
export async function listInstances(db: Db, tenant: string, f: InstanceFilter, page: PageQuery): Promise<Page<Omit<InstanceRow, 'snapshot'> & { sla: CaseSla | null }>> {
  const q = db('process_instance as i').where('i.tenant_id', tenant)
    .select('i.id', 'i.tenant_id', 'i.definition_id', 'i.process_key', 'i.process_version', 'i.business_key', 'i.state', 'i.version', 'i.parent_instance_id', 'i.started_by', 'i.started_at', 'i.ended_at',
      db.raw("i.snapshot->'sla' as sla"));
  if (f.processKey) q.andWhere('i.process_key', f.processKey);
  if (f.state) q.andWhere('i.state', f.state);
  if (f.businessKey) q.andWhere('i.business_key', f.businessKey);
  if (f.version !== undefined) q.andWhere('i.process_version', f.version);
  // A process and version name one definition: said so, the statistics index (tenant, definition,
  // state, with the active elements) serves an element search from the index alone.
  if (f.version !== undefined && f.processKey && !f.definitionId) {
    q.andWhereRaw('i.definition_id = (select d.id from process_definition d where d.tenant_id = ? and d.key = ? and d.version = ?)', [tenant, f.processKey, f.version]);
  }
  if (f.definitionId) q.andWhere('i.definition_id', f.definitionId);
  // Waiting at an element: only active cases have active elements (and the GIN index is partial on them).
  if (f.elementId) q.andWhere('i.state', 'active').andWhereRaw('i.active_elements @> ?::text[]', [[f.elementId]]);
  if (f.hasIncident !== undefined) {
    // The tenant's open incidents only (incident_tenant_state_idx), not every tenant's.
    const open = function (this: Knex.QueryBuilder) { this.select(1).from('incident as x').where('x.tenant_id', tenant).andWhere('x.state', 'open').andWhereRaw('x.instance_id = i.id'); };
    if (f.hasIncident) q.whereExists(open); else q.whereNotExists(open);
  }
  if (f.sla) whereSlaState(q, f.sla);
  if (f.startedAfter) q.andWhere('i.started_at', '>=', f.startedAfter);
  if (f.startedBefore) q.andWhere('i.started_at', '<', f.startedBefore);
  // lower() on both sides, so case folding is the database's on both; the trigrams the substring
  // needs find the candidates in the tenant's own posting lists (case-search.ts), LIKE decides.
  if (f.q) {
    const trigrams = substringTrigrams(tenant, f.q);
    // The index holds only instances with a key (migration instance_trigrams_keyed): said here, the
    // planner may use it; a null key never contains a substring with trigrams anyway.
    if (trigrams.length) q.andWhereRaw(`i.business_key is not null and alur_tenant_trigrams(i.tenant_id, ${BUSINESS_KEY_TEXT}) @> ?::text[]`, [trigrams]);
    q.andWhereRaw(`${BUSINESS_KEY_TEXT} like lower(?) escape '\\'`, [containsPattern(f.q)]);
  }
  if (f.visibleTo) {
    const v = f.visibleTo;
    q.andWhere((w) => w.where('i.started_by', v.username).orWhereExists(function () {
      this.select(1).from('user_task as t').whereRaw('t.instance_id = i.id').andWhere((t) => {
        t.where('t.assignee', v.username).orWhere('t.completed_by', v.username)
          .orWhereRaw('(t.state = ? and (t.candidate_users @> ?::text[] or t.candidate_groups && ?::text[]))', ['open', [v.username], v.groups]);
      });
    }));
  }
  return paged(q, page, (x) => x.orderBy([{ column: 'i.started_at', order: 'desc' }, { column: 'i.id' }]));
}

/** Cases in SLA state `state` at `now`: a stored state (ended, paused), or a running clock judged by its due instant. */
function whereSlaState(q: Knex.QueryBuilder, { state, now, soon }: NonNullable<InstanceFilter['sla']>): void {
  if (state === 'met' || state === 'missed') {
    q.andWhere('i.sla_state', state);
    return;
  }
  q.andWhere('i.state', 'active').andWhere((w) => {
    w.where('i.sla_state', state).orWhere((running) => {
      running.whereNull('i.sla_state').whereNotNull('i.sla_due_at');
      if (state === 'overdue') running.andWhere('i.sla_due_at', '<', now);
      else if (state === 'due-soon') running.andWhere('i.sla_due_at', '>=', now).andWhere('i.sla_due_at', '<', soon);
      else running.andWhere('i.sla_due_at', '>=', soon);
    });
  });
}

/** True when the user started the instance or holds/held (or may claim) one of its tasks. */
export async function isInstanceVisibleTo(db: Db, id: string, username: string, groups: string[]): Promise<boolean> {
  const row = await db('process_instance as i').where('i.id', id).andWhere((w) => w.where('i.started_by', username).orWhereExists(function () {
    this.select(1).from('user_task as t').whereRaw('t.instance_id = i.id').andWhere((t) => {
      t.where('t.assignee', username).orWhere('t.completed_by', username)
        .orWhereRaw('(t.candidate_users @> ?::text[] or t.candidate_groups && ?::text[])', [[username], groups]);
    });
  })).first('i.id');
  return !!row;
}

/** An instance by id regardless of tenant: for the runner, which got the id from a scoped row. */
export async function findInstanceById(db: Db, id: string): Promise<InstanceRow | undefined> {
  return db('process_instance').where({ id }).first();
}

export interface ElementStatistics { elementId: string; active: number; incidents: number; completed: number }

/**
 * Per element of one definition version: the cases active there, the open incidents there, and the
 * cases that completed it at least once — read from the projections (active_elements,
 * completed_elements) and the incident rows, never from snapshots. Elements with all three zero
 * are left out.
 */
export async function elementStatistics(db: Db, tenant: string, definitionId: string): Promise<ElementStatistics[]> {
  // Both projections come from process_instance_statistics_idx alone (an index-only scan).
  const [active, completed, incidents] = await Promise.all([
    db.raw(`select e as element_id, count(*)::int as n from process_instance i cross join unnest(i.active_elements) e
      where i.tenant_id = ? and i.definition_id = ? and i.state = 'active' group by e`, [tenant, definitionId]),
    db.raw(`select e as element_id, count(*)::int as n from process_instance i cross join unnest(i.completed_elements) e
      where i.tenant_id = ? and i.definition_id = ? group by e`, [tenant, definitionId]),
    db.raw(`select x.element_id, count(*)::int as n from incident x join process_instance i on i.id = x.instance_id
      where x.tenant_id = ? and x.state = 'open' and i.definition_id = ? group by x.element_id`, [tenant, definitionId]),
  ]);
  const out = new Map<string, ElementStatistics>();
  const add = (rows: { element_id: string; n: number }[], field: 'active' | 'completed' | 'incidents') => {
    for (const r of rows) {
      const s = out.get(r.element_id) ?? { elementId: r.element_id, active: 0, incidents: 0, completed: 0 };
      s[field] = Number(r.n);
      out.set(r.element_id, s);
    }
  };
  add(active.rows, 'active');
  add(incidents.rows, 'incidents');
  add(completed.rows, 'completed');
  return [...out.values()].sort((a, b) => a.elementId.localeCompare(b.elementId));
}

export interface CaseCounts { active: number; incidents: number }

/**
 * Per definition version: the cases still active and the open incidents of its cases (the
 * console's process list). Two grouped counts over the tenant's rows, never snapshots.
 */
export async function caseCountsByDefinition(db: Db, tenant: string, definitionIds: string[]): Promise<Map<string, CaseCounts>> {
  const out = new Map<string, CaseCounts>(definitionIds.map((id) => [id, { active: 0, incidents: 0 }]));
  if (!definitionIds.length) return out;
  const [active, incidents] = await Promise.all([
    db('process_instance').where({ tenant_id: tenant, state: 'active' }).whereIn('definition_id', definitionIds)
      .groupBy('definition_id').select('definition_id').count({ n: '*' }),
    db('incident as x').join('process_instance as i', 'i.id', 'x.instance_id').where({ 'x.tenant_id': tenant, 'x.state': 'open' })
      .whereIn('i.definition_id', definitionIds).groupBy('i.definition_id').select('i.definition_id').count({ n: '*' }),
  ]);
  for (const r of active as { definition_id: string; n: number | string }[]) out.get(r.definition_id)!.active = Number(r.n);
  for (const r of incidents as { definition_id: string; n: number | string }[]) out.get(r.definition_id)!.incidents = Number(r.n);
  return out;
}
