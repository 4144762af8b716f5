/**
 * The executor of row operations and the unit of work around it, on real tables: which
 * operations share a statement, what keeps two writes to one row in order, what a failed check
 * undoes, and when work that was tried as one statement runs again in a transaction.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { forEachBackend } from './backends.js';
import type { Database } from '../../engine/store/database.js';
import { Executor, NeedsTransaction, RowChanged, MAX_BINDINGS } from '../../engine/store/executor.js';
import { runUnitOfWork } from '../../engine/store/unit-of-work.js';
import { bulkRowOps, type RowOp } from '../../engine/store/row-ops.js';
import type { HistoryRow } from '../../engine/store/history.js';
import type { InstanceRow } from '../../engine/store/instances.js';

const T0 = new Date('2026-12-01T08:00:00Z');

forEachBackend('store: row operation executor', (backend) => {
  let db: Database;
  let statements: string[] = [];
  let instance: InstanceRow;
  before(async () => {
    db = await backend.open();
    const k = db.knex;
    await k('tenant').insert({ id: 'ex', name: 'Executor', created_at: T0 });
    const deployment = randomUUID();
    await k('deployment').insert({ id: deployment, tenant_id: 'ex', deployed_by: null, created_at: T0 });
    const definition = randomUUID();
    await k('process_definition').insert({ id: definition, tenant_id: 'ex', deployment_id: deployment, key: 'p', version: 1, name: null, resource_name: null, xml: '<x/>', checksum: 'c', model: '{}', deployed_at: T0 });
    instance = { id: randomUUID(), tenant_id: 'ex', definition_id: definition, process_key: 'p', process_version: 1, business_key: null, state: 'active', snapshot: { v: 1, id: 'x', processId: 'p', status: 'active', next: 2, els: {} }, version: 1, parent_instance_id: null, started_by: null, started_at: T0, ended_at: null };
    const insert = new Executor(k, false);
    await insert.add([{ type: 'instance.insert', row: instance }]);
    await insert.finish();
    k.on('query', (q: { sql: string }) => statements.push(q.sql));
  });
  after(() => db.close());
  beforeEach(async () => {
    await db.knex('history').delete();
    await db.knex('timer').delete();
    statements = [];
  });

  const history = (type: string, n = 1): RowOp => ({ type: 'history.insert', rows: Array.from({ length: n }, (): HistoryRow => ({ tenant_id: 'ex', instance_id: instance.id, at: T0, type, element_id: null, username: null, data: null })) });
  const timer = (key: number, due: Date): RowOp => ({ type: 'timer.upsert', row: { id: randomUUID(), tenant_id: 'ex', instance_id: instance.id, key, definition_id: null, element_id: `t${key}`, due_at: due, repeat: null } });
  const historyTypes = async () => (await db.knex('history').orderBy('id').pluck('type')) as string[];
  const timers = async () => (await db.knex('timer').orderBy('key').select('key', 'due_at')).map((t: { key: number; due_at: Date }) => `${t.key}@${new Date(t.due_at).toISOString()}`);
  const saved = (version: number): RowOp => ({ type: 'instance.update', row: { ...instance, version: version + 1 } });

  it('given writes to different tables and to different rows of one table, then they go as one statement and all land', async () => {
    const ex = new Executor(db.knex, false);
    await ex.add([history('a'), timer(1, T0), timer(2, T0), history('b')]);
    expect(statements).to.have.length(0);
    await ex.finish();
    expect(statements).to.have.length(1);
    expect(await historyTypes()).to.deep.equal(['a', 'b']);
    expect(await timers()).to.have.length(2);
  });

  it('given two writes to one row in a transaction, then the first is sent before the second, so the second sees it', async () => {
    const first = new Executor(db.knex, false);
    await first.add([timer(1, T0)]);
    await first.finish();
    const [row] = await db.knex('timer').select('id', 'instance_id', 'key');
    statements = [];
    const later = new Date(T0.getTime() + 3600_000);
    const ex = new Executor(db.knex, false);
    await ex.add([{ type: 'timer.fired', timer: row }, timer(1, later)]);
    expect(statements).to.have.length(1);
    await ex.finish();
    expect(statements).to.have.length(2);
    expect(await timers()).to.deep.equal([`1@${later.toISOString()}`]);
  });

  it('given an operation whose row changed meanwhile, then the whole statement is undone and RowChanged names the operation, even outside a transaction', async () => {
    const ex = new Executor(db.knex, false);
    await ex.add([history('written with a stale save'), saved(7)]);
    const failed = await ex.finish().then(() => undefined, (err: unknown) => err);
    expect(failed).to.be.instanceOf(RowChanged);
    expect((failed as RowChanged).op.type).to.equal('instance.update');
    expect(await historyTypes()).to.deep.equal([]);
  });

  it('given the saves of many instances folded by bulkRowOps, then they are one update in one statement, and one stale version undoes them all with RowChanged', async () => {
    const fresh = async (): Promise<InstanceRow> => {
      const row: InstanceRow = { ...instance, id: randomUUID(), snapshot: { ...instance.snapshot, status: 'active' } };
      const ex = new Executor(db.knex, false);
      await ex.add([{ type: 'instance.insert', row }]);
      await ex.finish();
      return row;
    };
    const [a, b] = [await fresh(), await fresh()];
    const save = (row: InstanceRow, from: number, slaDue: string): RowOp => ({ type: 'instance.update', row: { ...row, version: from + 1, snapshot: { ...row.snapshot, sla: { n: 5, from: T0.toISOString(), due: slaDue } } as InstanceRow['snapshot'] } });
    const ops = bulkRowOps([save(a, 1, '2026-12-08T08:00:00.000Z'), history('a moved'), save(b, 1, '2026-12-09T08:00:00.000Z'), history('b moved')]);
    expect(ops.map((o) => o.type)).to.deep.equal(['instance.update-many', 'history.insert', 'history.insert']);
    statements = [];
    const ex = new Executor(db.knex, true);
    await ex.add(ops);
    await ex.finish();
    expect(statements).to.have.length(1);
    const rows = await db.knex('process_instance').whereIn('id', [a.id, b.id]).orderBy('sla_due_at').select('id', 'version', 'sla_due_at', 'snapshot');
    expect(rows.map((r: { id: string; version: number; sla_due_at: Date; snapshot: InstanceRow['snapshot'] }) => [r.id, r.version, new Date(r.sla_due_at).toISOString(), r.snapshot.sla?.due]))
      .to.deep.equal([[a.id, 2, '2026-12-08T08:00:00.000Z', '2026-12-08T08:00:00.000Z'], [b.id, 2, '2026-12-09T08:00:00.000Z', '2026-12-09T08:00:00.000Z']]);
    expect(await historyTypes()).to.deep.equal(['a moved', 'b moved']);

    // b saved again from version 2, a from the stale version 1: nothing of the statement lands.
    await db.knex('history').delete();
    const stale = new Executor(db.knex, true);
    await stale.add(bulkRowOps([save(a, 1, '2026-12-10T08:00:00.000Z'), save(b, 2, '2026-12-10T08:00:00.000Z'), history('stale')]));
    const failed = await stale.finish().then(() => undefined, (err: unknown) => err);
    expect(failed).to.be.instanceOf(RowChanged);
    expect((failed as RowChanged).op.type).to.equal('instance.update-many');
    expect((await db.knex('process_instance').whereIn('id', [a.id, b.id]).pluck('version')).map(Number)).to.deep.equal([2, 2]);
    expect(await historyTypes()).to.deep.equal([]);
  });

  it('given one-statement mode, then nothing is sent before finish, and anything that needs a second statement throws NeedsTransaction having sent nothing', async () => {
    const ex = new Executor(db.knex, true);
    await ex.add([history('a'), timer(1, T0)]);
    await ex.stepEnded();
    expect(statements).to.have.length(0);
    await ex.finish();
    expect(statements).to.have.length(1);

    const conflicting = new Executor(db.knex, true);
    await conflicting.add([timer(2, T0)]);
    expect(await conflicting.add([{ type: 'timer.delete', instanceId: instance.id, key: 2 }]).then(() => 'queued', (err: unknown) => err)).to.be.instanceOf(NeedsTransaction);
    const afterStep = new Executor(db.knex, true);
    await afterStep.add([history('step')]);
    await afterStep.stepEnded(); // a read may follow: nothing more may join the statement
    expect(await afterStep.add([history('late')]).then(() => 'queued', (err: unknown) => err)).to.be.instanceOf(NeedsTransaction);
    const assumed = new Executor(db.knex, true);
    await assumed.add([history('assumed')]);
    assumed.assume({ type: 'latest-definition', tenantId: 'ex', key: 'p', version: 0 });
    expect(await assumed.finish().then(() => 'sent', (err: unknown) => err)).to.be.instanceOf(RowChanged);
    expect(await historyTypes()).to.deep.equal(['a']);
  });

  it('given more bind parameters than one statement may carry, then a transaction sends several statements and one-statement mode refuses before sending', async () => {
    const rows = Math.ceil(MAX_BINDINGS / 7) + 500;
    const ex = new Executor(db.knex, false);
    await ex.add([history('many', rows)]);
    await ex.finish();
    expect(statements.length).to.be.greaterThan(1);
    expect(await db.knex('history').count('* as n').first().then((r) => Number(r!.n))).to.equal(rows);
    statements = [];
    expect(await new Executor(db.knex, true).add([history('too many', rows)]).then(() => 'queued', (err: unknown) => err)).to.be.instanceOf(NeedsTransaction);
    expect(statements).to.deep.equal([]);
  });

  it('given work that fits, then the unit of work is one statement without BEGIN; work that does not runs again in a transaction', async () => {
    const fits = await runUnitOfWork(db.knex, () => T0, async (uow) => { await uow.write([history('fits')]); }, { oneStatement: true });
    expect(fits.uow.canAssume).to.equal(true);
    expect(statements.map((s) => s.split(' ')[0].toLowerCase())).to.deep.equal(['insert']);
    statements = [];
    let tries = 0;
    const rerun = await runUnitOfWork(db.knex, () => T0, async (uow) => {
      tries++;
      await uow.write([history('first')]);
      await uow.stepEnded();
      uow.needsTransaction('reads after its writes');
      await uow.write([history('second')]);
    }, { oneStatement: true });
    expect(tries).to.equal(2);
    expect(rerun.uow.canAssume).to.equal(false);
    expect(statements.some((s) => /^begin/i.test(s))).to.equal(true);
    expect(await historyTypes()).to.deep.equal(['fits', 'first', 'second']);
  });

  it('given a refusal that relied on an assumption, then it is decided again in a transaction; without one it is final', async () => {
    const modes: boolean[] = [];
    const refused = await runUnitOfWork(db.knex, () => T0, async (uow) => {
      modes.push(uow.canAssume);
      if (uow.canAssume) uow.assume({ type: 'latest-definition', tenantId: 'ex', key: 'p', version: 1 });
      throw new Error('refused');
    }, { oneStatement: true }).then(() => undefined, (err: Error) => err.message);
    expect(refused).to.equal('refused');
    expect(modes).to.deep.equal([true, false]);
    modes.length = 0;
    await runUnitOfWork(db.knex, () => T0, async (uow) => { modes.push(uow.canAssume); throw new Error('refused'); }, { oneStatement: true }).catch(() => undefined);
    expect(modes).to.deep.equal([true]);
  });
});
