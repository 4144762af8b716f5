/** Eager continuation's plan (service/plan.ts `takeOpenedJob`): which opened job a worker takes, and how it is written. */
import { expect } from 'chai';
import { takeOpenedJob } from '../../engine/service/plan.js';
import type { RowOp } from '../../engine/store/row-ops.js';
import type { JobRow } from '../../engine/store/jobs.js';

const NOW = new Date('2026-12-07T10:00:00Z');
const LEASE = new Date('2026-12-07T10:05:00Z');

function job(id: string, over: Partial<JobRow> = {}): RowOp {
  return { type: 'job.insert', row: {
    id, effect_id: `i1-${id}-1`, tenant_id: 't', instance_id: 'i1', key: 1, element_id: id, type: 'http', retries: 3, payload: { headers: { a: 'b' } },
    due_at: NOW, attempts: 0, locked_until: null, state: 'ready', last_error: null, created_at: NOW, ...over,
  } };
}

const rowOf = (op: RowOp) => (op as Extract<RowOp, { type: 'job.insert' }>).row;

describe('plan: a worker takes the job a step opened (eager continuation)', () => {
  const take = { type: 'http', lockedUntil: LEASE, chain: 'head-row' };

  it('given a step that opened one due job of the worker\'s type, then that row is inserted running, leased, delivered once and marked with the chain', () => {
    const ops = takeOpenedJob([{ type: 'history.insert', rows: [] }, job('j2')], 'i1', take, NOW);
    expect(ops).to.have.length(2);
    expect(ops[0].type).to.equal('history.insert');
    expect(rowOf(ops[1])).to.include({ state: 'running', attempts: 1, locked_until: LEASE });
    expect(rowOf(ops[1]).payload).to.deep.equal({ headers: { a: 'b' }, chain: 'head-row' });
  });

  it('given two opened jobs of the type (a fork), then only the first is taken and the other stays ready for the queue', () => {
    const ops = takeOpenedJob([job('j2'), job('j3')], 'i1', take, NOW);
    expect(ops.map((op) => rowOf(op).state)).to.deep.equal(['running', 'ready']);
  });

  it('given jobs the worker must not take — another type, a later due time (a retry\'s backoff), another instance — then the plan is unchanged', () => {
    const ops = [job('a', { type: 'email' }), job('b', { due_at: new Date(NOW.getTime() + 1000) }), job('c', { instance_id: 'i2' })];
    expect(takeOpenedJob(ops, 'i1', take, NOW)).to.equal(ops);
    expect(ops.map((op) => rowOf(op).state)).to.deep.equal(['ready', 'ready', 'ready']);
  });
});
