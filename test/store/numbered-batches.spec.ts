/**
 * Numbered starts sent together (engine/store/numbered-batches.ts): work that takes a number of a
 * series in its one statement, run concurrently through two batchers on one database — two
 * processes, each sending the starts that wait meanwhile as one statement — gets consecutive
 * numbers without a gap or a repeat; a statement of several that fails hands each start back to
 * run alone, where only the failing one fails and uses no number.
 */
import { expect } from 'chai';
import { randomUUID } from 'node:crypto';
import { forEachBackend } from './backends.js';
import type { Database } from '../../engine/store/database.js';
import { runUnitOfWork } from '../../engine/store/unit-of-work.js';
import { NumberedBatches } from '../../engine/store/numbered-batches.js';
import { lastNumber, parseNumberFormat, seriesOf } from '../../engine/numbering/index.js';
import type { InstanceRow } from '../../engine/store/instances.js';

const T0 = new Date('2026-12-01T08:00:00Z');

forEachBackend('store: numbered starts sent together', (backend) => {
  let db: Database;
  let definition: string;
  before(async () => {
    db = await backend.open();
    const k = db.knex;
    await k('tenant').insert({ id: 'nb', name: 'Numbered', created_at: T0 });
    const deployment = randomUUID();
    await k('deployment').insert({ id: deployment, tenant_id: 'nb', deployed_by: null, created_at: T0 });
    definition = randomUUID();
    await k('process_definition').insert({ id: definition, tenant_id: 'nb', deployment_id: deployment, key: 'p', version: 1, name: null, resource_name: null, xml: '<x/>', checksum: 'c', model: '{}', deployed_at: T0 });
  });
  after(() => db.close());

  const parsed = parseNumberFormat('REG/{yyyy}/{seq:4}');
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  const series = seriesOf(parsed.format, T0, '+07:00');

  /** A start as the engine writes one: its number taken in the statement that inserts its instance and history. */
  async function start(batches: NumberedBatches, scope: string, options: { badDefinition?: boolean } = {}): Promise<string> {
    const { value: id } = await runUnitOfWork(db.knex, () => T0, async (uow) => {
      const number = await uow.takeNumber({ tenant: 'nb', scope, series: series.name }, series, batches);
      const row: InstanceRow = {
        id: randomUUID(), tenant_id: 'nb', definition_id: options.badDefinition ? randomUUID() : definition, process_key: 'p', process_version: 1, business_key: number,
        state: 'active', snapshot: { v: 1, id: 'x', processId: 'p', status: 'active', next: 2, els: {} }, version: 1, parent_instance_id: null, started_by: null, started_at: T0, ended_at: null,
      };
      // As the core does: the snapshot holds the business key (the placeholder, until the statement has run).
      Object.assign(row.snapshot, { id: row.id, businessKey: number });
      await uow.write([
        { type: 'instance.insert', row },
        { type: 'history.insert', rows: [{ tenant_id: 'nb', instance_id: row.id, at: T0, type: 'instance.started', element_id: null, username: null, data: null }] },
      ]);
      return row.id;
    }, { oneStatement: true });
    const stored = await db.knex('process_instance').where({ id }).first('business_key', 'snapshot');
    const snapshot = typeof stored.snapshot === 'string' ? JSON.parse(stored.snapshot) : stored.snapshot;
    expect(snapshot.businessKey, 'the snapshot carries the number of the row').to.equal(stored.business_key);
    return stored.business_key as string;
  }
  const numbered = (n: number) => Array.from({ length: n }, (_, i) => `REG/2026/${String(i + 1).padStart(4, '0')}`);

  it('given 40 concurrent starts through each of two processes on one database, then the 80 get 1–80 without a gap or a repeat, and starts went together', async () => {
    const [one, two] = [new NumberedBatches(1), new NumberedBatches(1)];
    const numbers = await Promise.all(Array.from({ length: 80 }, (_, i) => start(i % 2 ? two : one, 'process:two-processes')));
    expect([...numbers].sort()).to.deep.equal(numbered(80));
    expect(one.together + two.together, 'starts sent in statements of several').to.be.greaterThan(0);
    expect(await lastNumber(db.knex, { tenant: 'nb', scope: 'process:two-processes', series: series.name })).to.equal(80);
  });

  it('given a statement of several starts of which one fails, then each runs again alone: the others get consecutive numbers, the failed one none', async () => {
    const batches = new NumberedBatches(1);
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, (_, i) => start(batches, 'process:one-fails', { badDefinition: i === 6 })));
    expect(batches.together, 'the failing start was sent with others').to.be.greaterThan(0);
    const failed = outcomes.flatMap((o) => (o.status === 'rejected' ? [o.reason as { code?: string }] : []));
    expect(failed.map((e) => e.code), 'its own error, met alone: the missing definition').to.deep.equal(['23503']);
    const numbers = outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect([...numbers].sort()).to.deep.equal(numbered(11));
    expect(await start(batches, 'process:one-fails')).to.equal('REG/2026/0012');
  });

  it('given no batching (in flight 0), then every start goes on its own and the numbers are still consecutive', async () => {
    const batches = new NumberedBatches(0);
    const numbers = await Promise.all(Array.from({ length: 20 }, () => start(batches, 'process:alone')));
    expect([...numbers].sort()).to.deep.equal(numbered(20));
    expect(batches.together).to.equal(0);
  });
});
