/**
 * Determinism and purity: the same inputs give byte-identical state, effects and history, and step
 * never mutates what it is given (inputs, state and model are deep-frozen for every step).
 */
import { expect } from 'chai';
import { step, type StepResult } from '../../engine/core/step.js';
import type { Input } from '../../engine/core/inputs.js';
import type { InstanceState } from '../../engine/core/state.js';
import type { ProcessModel } from '../../engine/core/model.js';
import { compile, fixture, deepFreeze } from './support.js';

const T0 = Date.parse('2026-03-02T01:00:00.000Z');

/** Picks the next input from the state alone: the oldest job, then timer, then task, then the payment message. */
function nextInput(state: InstanceState): Exclude<Input, { type: 'instance.start' }> | undefined {
  const keys = Object.keys(state.els).map(Number).sort((a, b) => a - b);
  for (const k of keys) {
    const el = state.els[k];
    if (el.w?.k === 'job' && !el.inc) return el.w.attempt === 1 && el.e === 'kirimPengingat' ? { type: 'job.fail', key: k, message: 'sms gateway down', retries: 1, backoffMs: 1000 } : { type: 'job.complete', key: k, variables: { [`${el.e}Hasil`]: k } };
  }
  const subs = Object.entries(state.subs ?? {}).map(([k, s]) => [Number(k), s] as const).sort((a, b) => a[0] - b[0]);
  const timer = subs.find(([, s]) => s.kind === 'timer');
  if (timer) return { type: 'timer.fire', key: timer[0] };
  for (const k of keys) {
    const el = state.els[k];
    if (el.w?.k === 'task') return { type: 'task.complete', key: k, variables: el.e === 'kunjungan' ? { kondisi: k % 2 ? 'baik' : 'buruk' } : { catatan: `ok-${k}` }, user: 'petugas' };
  }
  const message = subs.find(([, s]) => s.kind === 'message' && s.name === 'pembayaran');
  if (message) return { type: 'message.correlate', key: message[0], name: 'pembayaran', variables: { dibayar: 150000 } };
  return undefined;
}

/**
 * Runs the scenario through step() alone, freezing everything step receives. `snapshots`, when
 * given, receives each state as JSON the moment its step returns (before any later step runs).
 */
function replay(model: ProcessModel, freeze: boolean, snapshots?: string[]): StepResult[] {
  const results: StepResult[] = [];
  const start: Input = { type: 'instance.start', instanceId: 'izin-1', processId: 'izin-usaha', variables: { nomor: 'A7', lokasi: [{ petugas: 'budi' }, { petugas: 'siti' }] }, businessKey: 'REG-7' };
  let result = step(model, null, freeze ? deepFreeze(start) : start, new Date(T0).toISOString());
  results.push(result);
  snapshots?.push(JSON.stringify(result.state));
  for (let i = 1; i < 60 && result.state.status === 'active'; i++) {
    const input = nextInput(result.state);
    if (!input) break;
    const state = freeze ? deepFreeze(result.state) : result.state;
    result = step(model, state, freeze ? deepFreeze(input) : input, new Date(T0 + i * 3600_000).toISOString());
    results.push(result);
    snapshots?.push(JSON.stringify(result.state));
  }
  return results;
}

describe('determinism and purity', () => {
  let model: ProcessModel;
  before(async () => {
    [model] = await compile(fixture('izin-usaha.bpmn'));
  });

  it('given the permit fixture, when replayed, then the scenario runs to completion through many element kinds', () => {
    const results = replay(model, false);
    const last = results[results.length - 1];
    expect(last.state.status).to.equal('completed');
    expect(last.state.final).to.include({ nomorIzin: 'IZ-A7' });
    const kinds = new Set(results.flatMap((r) => r.effects.map((e) => e.type)));
    expect(results.map((r) => r.history.filter((h) => h.type === 'element.completed').map((h) => h.elementId)).flat()).to.include.members(['pengingat', 'kirimPengingat', 'kunjungan', 'nilai', 'survei', 'gabung', 'tungguBayar', 'terbitkan']);
    expect([...kinds].sort()).to.include.members(['task.open', 'task.close', 'job.enqueue', 'timer.schedule', 'message.subscribe', 'instance.ended']);
  });

  it('given the same inputs twice, when replayed, then state, effects and history are byte-identical', () => {
    const a = JSON.stringify(replay(model, false));
    const b = JSON.stringify(replay(model, false));
    expect(a).to.equal(b);
  });

  it('given deep-frozen model, state and inputs, when stepped, then nothing throws and the results equal the unfrozen run', () => {
    expect(Object.isFrozen(model)).to.equal(true);
    const frozen = replay(model, true);
    expect(JSON.stringify(frozen)).to.equal(JSON.stringify(replay(model, false)));
  });

  it('given a state, when stepped, then the previous state object is left exactly as it was', () => {
    // Unfrozen, so a step that wrote into the state it was given would go unnoticed by a throw:
    // each state is written down as its step returns and compared once every later step ran.
    const snapshots: string[] = [];
    const results = replay(model, false, snapshots);
    expect(results.length).to.be.greaterThan(10);
    expect(results.map((r) => JSON.stringify(r.state))).to.deep.equal(snapshots);
  });

  it('given every waiting state of the scenario, then each is JSON-serialisable without loss', () => {
    for (const r of replay(model, false)) expect(JSON.parse(JSON.stringify(r.state))).to.deep.equal(r.state);
  });

  it('given another start time, when replayed, then only time-derived values differ (timers, due dates)', () => {
    const start = (now: string) => step(model, null, { type: 'instance.start', instanceId: 'x', processId: 'izin-usaha', variables: { nomor: 'A', lokasi: [] } }, now);
    const a = start('2026-03-02T01:00:00.000Z');
    const b = start('2026-03-02T01:00:00.000Z');
    const c = start('2026-04-02T01:00:00.000Z');
    expect(JSON.stringify(a)).to.equal(JSON.stringify(b));
    const due = (r: StepResult) => r.effects.flatMap((e) => (e.type === 'task.open' ? [e.task.dueDate] : e.type === 'timer.schedule' ? [e.dueAt] : []));
    expect(due(a)).to.deep.equal(['2026-03-03T01:00:00.000Z', '2026-03-05T01:00:00.000Z']);
    expect(due(c)).to.deep.equal(['2026-04-03T01:00:00.000Z', '2026-04-05T01:00:00.000Z']);
  });

  it('given a stale input, when stepped, then the very same state object comes back', () => {
    const [first] = replay(model, false);
    const r = step(model, deepFreeze(first.state), { type: 'timer.fire', key: 4242 }, '2026-03-02T02:00:00.000Z');
    expect(r.state).to.equal(first.state);
  });
});
