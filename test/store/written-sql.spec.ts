/**
 * The SQL written out for the hot row operations (engine/store/written-sql.ts) says what the knex
 * queries it replaced said: the same text and the same values, for the row shapes commands write
 * (numbered or not, with a form or not, with completed elements or not, sparing keys and a job or
 * not). The knex queries below are the ones the store built before (kept here as the reference).
 * One allowed difference: an insert names every column of its row type; a column the row object
 * lacked is given as null (knex left it out: each is nullable without a default, so null either way).
 */
import { expect } from 'chai';
import knexPkg, { type Knex } from 'knex';
import { insertInstance, saveInstance, slaColumns, type InstanceRow } from '../../engine/store/instances.js';
import { historyInsert, type HistoryRow } from '../../engine/store/history.js';
import { insertTask, closeTask, type TaskRow } from '../../engine/store/tasks.js';
import { insertJob, finishJob, cancelOtherAttempts, type JobRow } from '../../engine/store/jobs.js';
import { cleanUpEndedInstance } from '../../engine/store/clean-up.js';
import { TAKEN_NUMBER } from '../../engine/store/taken-number.js';
import { activeElements, type InstanceState } from '../../engine/core/index.js';

const db = knexPkg.knex({ client: 'pg' });
const T0 = new Date('2026-12-01T08:00:00Z');
const number = () => db.raw('(select number from ??)', [TAKEN_NUMBER.cte]);
const numbered = (v: string | null) => (v === TAKEN_NUMBER.placeholder ? number() : v);

/** What the store's knex queries were, word for word. */
const knexBuilt = {
  insertInstance(row: InstanceRow, completed: readonly string[] = []) {
    const snapshot = JSON.stringify(row.snapshot);
    const isNumbered = row.business_key === TAKEN_NUMBER.placeholder;
    return db('process_instance').insert({
      start_form_ref: null, ...row, business_key: numbered(row.business_key),
      snapshot: isNumbered ? db.raw("jsonb_set(?::jsonb, '{businessKey}', to_jsonb(?))", [snapshot, number()]) : snapshot,
      active_elements: activeElements(row.snapshot), completed_elements: [...new Set(completed)], ...slaColumns(row.snapshot),
    });
  },
  saveInstance(row: InstanceRow, completed: readonly string[] = []) {
    const fresh = [...new Set(completed)];
    const { snapshot } = row;
    return db('process_instance').where({ id: row.id, version: row.version - 1 }).update({
      snapshot: JSON.stringify(snapshot), state: snapshot.status, version: row.version, ended_at: row.ended_at, active_elements: activeElements(snapshot), ...slaColumns(snapshot),
      definition_id: row.definition_id, process_version: row.process_version,
      ...(fresh.length ? { completed_elements: db.raw('array(select distinct x from unnest(completed_elements || ?::text[]) x order by x)', [fresh]) } : {}),
    });
  },
  historyInsert: (rows: HistoryRow[]) => db('history').insert(rows.map((r) => ({ ...r, data: r.data ? JSON.stringify(r.data) : null }))),
  insertTask(row: TaskRow) {
    const keys = [...row.candidate_users.map((u) => `${row.tenant_id}:u:${u}`), ...row.candidate_groups.map((g) => `${row.tenant_id}:g:${g}`)];
    const formRef = row.form_id ? db.raw('(select id from form where tenant_id = ? and form_id = ? order by version desc limit 1)', [row.tenant_id, row.form_id]) : null;
    return db('user_task').insert({ due_from: null, due_working_days: null, ...row, business_key: numbered(row.business_key), candidate_keys: keys, form_ref: formRef }).onConflict(['instance_id', 'key']).ignore();
  },
  closeTask(instanceId: string, key: number, state: 'completed' | 'cancelled', at: Date, by: string | null) {
    const q = db('user_task').where({ instance_id: instanceId, key, state: 'open' });
    if (state === 'completed' && by !== null) {
      return q.andWhere((w) => w.whereNull('assignee').orWhere('assignee', by)).update({ state, completed_at: at, completed_by: by, assignee: db.raw('coalesce(assignee, ?)', [by]) });
    }
    return q.update({ state, completed_at: at, completed_by: state === 'completed' ? by : null });
  },
  insertJob: (row: JobRow) => db('job').insert({ ...row, payload: JSON.stringify(row.payload) }).onConflict('effect_id').ignore(),
  finishJob: (id: string, state: 'completed' | 'failed', error: string | null) => db('job').where({ id, state: 'running' }).update({ state, locked_until: null, last_error: error }),
  cancelOtherAttempts: (job: Pick<JobRow, 'id' | 'instance_id' | 'key'>) =>
    db('job').where({ instance_id: job.instance_id, key: job.key, state: 'ready' }).whereNot('id', job.id).update({ state: 'cancelled', locked_until: null }),
  cleanUp(instanceId: string, now: Date, stepKeys: number[] = [], finishedJob?: string): [string, Knex.QueryBuilder][] {
    const rows = (table: string) => {
      const q = db(table).where({ instance_id: instanceId });
      return stepKeys.length ? q.whereNotIn('key', stepKeys) : q;
    };
    const jobs = finishedJob === undefined ? rows('job') : rows('job').whereNot({ id: finishedJob });
    return [
      ['user_task', rows('user_task').where({ state: 'open' }).update({ state: 'cancelled', completed_at: now })],
      ['job', jobs.whereIn('state', ['ready', 'running']).update({ state: 'cancelled', locked_until: null })],
      ['timer', rows('timer').delete()],
      ['message_subscription', rows('message_subscription').delete()],
      ['signal_subscription', rows('signal_subscription').delete()],
    ];
  },
};

const same = (written: { toSQL(): { sql: string; bindings: readonly unknown[] } }, built: { toSQL(): { sql: string; bindings: readonly unknown[] } }) => {
  const w = written.toSQL();
  const b = built.toSQL();
  expect(w.sql).to.equal(b.sql);
  expect(w.bindings).to.deep.equal(b.bindings);
};

const snapshot = (over: Partial<InstanceState> = {}): InstanceState => ({
  v: 1, id: 'i1', processId: 'p', status: 'active', next: 4, els: { 3: { id: 'T', state: 'waiting' } }, ...over,
} as unknown as InstanceState);
const instance = (over: Partial<InstanceRow> = {}): InstanceRow => ({
  id: 'i1', tenant_id: 't', definition_id: 'd1', process_key: 'p', process_version: 2, business_key: 'REG-1', state: 'active', snapshot: snapshot(),
  version: 1, parent_instance_id: null, started_by: 'budi', started_at: T0, ended_at: null, ...over,
});
const task = (over: Partial<TaskRow> = {}): TaskRow => ({
  id: 'k1', tenant_id: 't', instance_id: 'i1', key: 3, element_id: 'T', name: 'Periksa', process_key: 'p', business_key: 'REG-1', assignee: null,
  candidate_groups: ['loket', 'kasi'], candidate_users: ['sari'], due_at: T0, follow_up_at: null, priority: 50, form_id: null, state: 'open',
  created_at: T0, completed_at: null, completed_by: null, ...over,
});

describe('store: SQL written out for the hot row operations', () => {
  it('inserts an instance as knex did: plain, numbered, with a start form, with completed elements and an SLA', () => {
    const sla = { n: 5, due: '2026-12-08T08:00:00.000Z', paused: { at: T0.getTime(), left: 3 } };
    for (const [row, completed] of [
      [instance(), ['S']], [instance({ business_key: TAKEN_NUMBER.placeholder }), []], [instance({ start_form_ref: 'f1', business_key: null }), ['S', 'S', 'A']],
      [instance({ snapshot: snapshot({ sla } as never), ended_at: T0, state: 'completed' }), undefined],
    ] as [InstanceRow, string[] | undefined][]) same(insertInstance(row, completed), knexBuilt.insertInstance(row, completed));
  });

  it('saves an instance as knex did, with and without completed elements', () => {
    const row = instance({ version: 4, ended_at: T0, snapshot: snapshot({ status: 'completed' }) });
    same(saveInstance(row), knexBuilt.saveInstance(row));
    same(saveInstance(row, ['T', 'E', 'T']), knexBuilt.saveInstance(row, ['T', 'E', 'T']));
    same(saveInstance(row).returningOne(), knexBuilt.saveInstance(row).returning(db.raw('1')));
  });

  it('inserts history rows as knex did', () => {
    const rows: HistoryRow[] = [
      { tenant_id: 't', instance_id: 'i1', at: T0, type: 'task.completed', element_id: 'T', username: 'budi', data: { key: 3 } },
      { tenant_id: 't', instance_id: 'i1', at: T0, type: 'instance.completed', element_id: null, username: null, data: null },
    ];
    same(historyInsert(rows), knexBuilt.historyInsert(rows));
    same(historyInsert(rows.slice(1)), knexBuilt.historyInsert(rows.slice(1)));
  });

  it('opens and closes a task as knex did: numbered, with a form, due in working days; completed by a person, by nobody, cancelled', () => {
    for (const row of [task(), task({ business_key: TAKEN_NUMBER.placeholder, form_id: 'periksa' }), task({ form_id: 'f', due_from: '2026-12-01T15:00:00+07:00', due_working_days: 3, assignee: 'budi' })]) {
      same(insertTask(row), knexBuilt.insertTask(row));
    }
    same(closeTask('i1', 3, 'completed', T0, 'budi'), knexBuilt.closeTask('i1', 3, 'completed', T0, 'budi'));
    same(closeTask('i1', 3, 'completed', T0, null), knexBuilt.closeTask('i1', 3, 'completed', T0, null));
    same(closeTask('i1', 3, 'cancelled', T0, 'budi'), knexBuilt.closeTask('i1', 3, 'cancelled', T0, 'budi'));
  });

  it('inserts and finishes a job, and cancels its other attempts, as knex did', () => {
    const job: JobRow = { id: 'j1', effect_id: 'i1-2-1', tenant_id: 't', instance_id: 'i1', key: 2, element_id: 'A', type: 'kirim', retries: 3, payload: { headers: { a: 'b' } },
      due_at: T0, attempts: 0, locked_until: null, state: 'ready', last_error: null, created_at: T0 };
    same(insertJob(job), knexBuilt.insertJob(job));
    same(finishJob('j1', 'completed', null), knexBuilt.finishJob('j1', 'completed', null));
    same(finishJob('j1', 'failed', 'timeout'), knexBuilt.finishJob('j1', 'failed', 'timeout'));
    same(cancelOtherAttempts(job), knexBuilt.cancelOtherAttempts(job));
  });

  it('cleans up an ended instance as knex did, sparing keys and a job or not', () => {
    for (const [keys, job] of [[[], undefined], [[3], undefined], [[3, 5], 'j1'], [[], 'j1']] as [number[], string | undefined][]) {
      const written = cleanUpEndedInstance('i1', T0, keys, job);
      const built = knexBuilt.cleanUp('i1', T0, keys, job);
      expect(written.map(([t]) => t)).to.deep.equal(built.map(([t]) => t));
      written.forEach(([, q], i) => same(q, built[i][1]));
    }
  });
});
