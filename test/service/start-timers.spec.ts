import { expect } from 'chai';
import { forEachBackend } from '../store/backends.js';
import { openHarness, newTenant, actor, bpmn, T0, type Harness } from './harness.js';
import { InvalidInput } from '../../engine/service/errors.js';
import { firstDue, nextRound } from '../../engine/service/start-timers.js';
import type { FeelEvaluator } from '../../engine/expressions/feel.js';
import { render } from '../../engine/messages/index.js';

type Attr = 'timeDate' | 'timeDuration' | 'timeCycle';

/** A process that starts at timer StartEvent_Harian (`attr` = `value`) and ends. */
const timerStart = (processId: string, attr: Attr, value: string) => bpmn(processId, `
  <bpmn:startEvent id="StartEvent_Harian"><bpmn:outgoing>F0</bpmn:outgoing>
    <bpmn:timerEventDefinition><bpmn:${attr} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${attr}></bpmn:timerEventDefinition></bpmn:startEvent>
  <bpmn:endEvent id="E"><bpmn:incoming>F0</bpmn:incoming></bpmn:endEvent>
  <bpmn:sequenceFlow id="F0" sourceRef="StartEvent_Harian" targetRef="E" />`);

const HOUR = 3600_000;
const at = (ms: number) => new Date(T0.getTime() + ms).toISOString();

forEachBackend('service: timer start events are computed at deployment', (backend) => {
  let h: Harness;
  before(async () => { h = await openHarness(backend); });
  after(async () => { await h.close(); });
  beforeEach(() => h.clock.pin(T0));

  const rowsOf = async (tenant: string) => ({
    definitions: await h.db.knex('process_definition').where({ tenant_id: tenant }).select('key'),
    deployments: await h.db.knex('deployment').where({ tenant_id: tenant }).select('id'),
    timers: await h.db.knex('timer').where({ tenant_id: tenant }).orderBy('due_at').select('element_id', 'due_at', 'repeat'),
  });
  const timersOf = async (tenant: string) => (await rowsOf(tenant)).timers.map((t) => ({ element: t.element_id, due: new Date(t.due_at).toISOString(), repeat: t.repeat }));
  const instancesOf = async (tenant: string) => Number((await h.db.knex('process_instance').where({ tenant_id: tenant }).count('* as n').first())!.n);

  async function refusal(deploying: Promise<unknown>): Promise<InvalidInput> {
    try {
      await deploying;
    } catch (err) {
      if (err instanceof InvalidInput) return err;
      throw err;
    }
    return expect.fail('the deployment was accepted') as never;
  }

  it('given a FEEL start timer reading a variable, when deployed, then it is refused naming the element and the variable, and nothing is written', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    const err = await refusal(h.engine.deploy(ana, [timerStart('harian', 'timeCycle', '=jadwal')]));
    expect(err.errors.map(({ element, message }) => ({ element, message }))).to.deep.equal([{
      element: 'StartEvent_Harian',
      message: 'startEvent StartEvent_Harian: timer timeCycle "=jadwal" cannot be computed at deployment: no variable jadwal (a start timer is computed before any instance exists)',
    }]);
    expect(render(err.errors[0].text!, 'id')).to.equal('Event mulai StartEvent_Harian: pewaktu timeCycle "=jadwal" tidak dapat dihitung pada saat deploy: variabel jadwal belum ada (pewaktu mulai dihitung sebelum ada berkas apa pun)');
    expect(await rowsOf(tenant)).to.deep.equal({ definitions: [], deployments: [], timers: [] });
  });

  it('given several start timers that cannot be computed beside a valid process, when deployed together, then every problem is listed and nothing is deployed', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    const err = await refusal(h.engine.deploy(ana, [
      timerStart('fine', 'timeDuration', 'PT1H'),
      timerStart('reads-a-path', 'timeDate', '=permohonan.tanggal'),
      timerStart('a-number', 'timeDuration', '=1 + 1'),
      timerStart('not-a-date', 'timeDate', '="besok pagi"'),
      timerStart('fails', 'timeDuration', '=duration(1, 2, 3)'),
    ]));
    const messages = err.errors.map((e) => e.message);
    expect(messages).to.have.length(4);
    expect(messages[0]).to.equal('reads-a-path.bpmn: startEvent StartEvent_Harian: timer timeDate "=permohonan.tanggal" cannot be computed at deployment: no variable permohonan (a start timer is computed before any instance exists)');
    expect(messages[1]).to.equal('a-number.bpmn: startEvent StartEvent_Harian: timer timeDuration "=1 + 1" cannot be computed at deployment: it evaluates to 2, not an ISO 8601 duration (e.g. PT15M)');
    expect(messages[2]).to.equal('not-a-date.bpmn: startEvent StartEvent_Harian: timer timeDate "=\\"besok pagi\\"" cannot be computed at deployment: "besok pagi" is not an ISO 8601 date-time; write e.g. 2027-01-01T08:00:00+07:00 or 2027-01-01T01:00:00Z');
    // feelin answers a failing call with null rather than an error.
    expect(messages[3]).to.equal('fails.bpmn: startEvent StartEvent_Harian: timer timeDuration "=duration(1, 2, 3)" cannot be computed at deployment: it evaluates to null');
    expect(err.errors.every((e) => e.element === 'StartEvent_Harian')).to.equal(true);
    expect(await rowsOf(tenant)).to.deep.equal({ definitions: [], deployments: [], timers: [] });
  });

  it('given a FEEL expression whose variables are all bound inside it, when it yields a value, then it is deployed; when it yields null, the reason names no variable', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [timerStart('bound', 'timeDuration', '={jam: 2, teks: "PT" + string(jam) + "H"}.teks')]);
    expect(await timersOf(tenant)).to.deep.equal([{ element: 'StartEvent_Harian', due: at(2 * HOUR), repeat: null }]);
    const err = await refusal(h.engine.deploy(ana, [timerStart('empty', 'timeDuration', '=for x in [] return x')]));
    expect(err.errors[0].message).to.match(/cannot be computed at deployment: it evaluates to \[\], not an ISO 8601 duration/);
    const nul = await refusal(h.engine.deploy(ana, [timerStart('nothing', 'timeDuration', '=null')]));
    expect(nul.errors[0].message).to.match(/cannot be computed at deployment: it evaluates to null$/);
  });

  it('given FEEL start timers that yield a date, a duration and a cycle, when deployed, then each has a timer row due at the computed time', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    const res = await h.engine.deploy(ana, [
      timerStart('on-a-date', 'timeDate', '=date and time("2027-01-01T08:00:00Z")'),
      timerStart('from-now', 'timeDate', '=now() + duration("PT2H")'),
      timerStart('after-a-day', 'timeDuration', '=duration("P1D")'),
      timerStart('hourly', 'timeCycle', '="R3/PT1H"'),
      timerStart('daily-from', 'timeCycle', '="R/2027-02-01T00:00:00+07:00/P1D"'),
    ]);
    expect(res.processes.map((p) => p.key)).to.deep.equal(['on-a-date', 'from-now', 'after-a-day', 'hourly', 'daily-from']);
    const rows = await h.db.knex('timer').join('process_definition', 'process_definition.id', 'timer.definition_id').where({ 'timer.tenant_id': tenant }).select('process_definition.key', 'timer.due_at', 'timer.repeat');
    const byKey = Object.fromEntries(rows.map((r) => [r.key, { due: new Date(r.due_at).toISOString(), repeat: r.repeat }]));
    expect(byKey).to.deep.equal({
      'on-a-date': { due: '2027-01-01T08:00:00.000Z', repeat: null },
      'from-now': { due: at(2 * HOUR), repeat: null },
      'after-a-day': { due: at(24 * HOUR), repeat: null },
      hourly: { due: at(HOUR), repeat: { left: 2, every: 'PT1H' } },
      'daily-from': { due: '2027-01-31T17:00:00.000Z', repeat: { left: null, every: 'P1D' } },
    });
  });

  it('given literal start timers that are fine, when deployed, then they are scheduled as before', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [timerStart('literal-cycle', 'timeCycle', 'R/PT30M')]);
    await h.engine.deploy(ana, [timerStart('literal-date', 'timeDate', '2027-03-01T09:00:00Z')]);
    await h.engine.deploy(ana, [timerStart('literal-duration', 'timeDuration', 'PT15M')]);
    expect((await timersOf(tenant)).map((t) => [t.due, t.repeat])).to.deep.equal([
      [at(15 * 60_000), null],
      [at(30 * 60_000), { left: null, every: 'PT30M' }],
      ['2027-03-01T09:00:00.000Z', null],
    ]);
  });

  it('given a timeDate already past, when deployed, then its timer is due at that past time and fires at once', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [timerStart('late', 'timeDate', '2026-01-01T00:00:00Z')]);
    expect(await timersOf(tenant)).to.deep.equal([{ element: 'StartEvent_Harian', due: '2026-01-01T00:00:00.000Z', repeat: null }]);
    await h.runner.drain();
    expect(await instancesOf(tenant)).to.equal(1);
    expect(await timersOf(tenant)).to.deep.equal([]);
  });

  it('given a cycle whose start is past, when deployed, then it fires once at once and then every interval, without catching up the missed rounds', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [timerStart('since-yesterday', 'timeCycle', 'R/2026-11-30T08:00:00Z/PT1H')]);
    expect(await timersOf(tenant)).to.deep.equal([{ element: 'StartEvent_Harian', due: T0.toISOString(), repeat: { left: null, every: 'PT1H' } }]);
    await h.runner.drain();
    expect(await instancesOf(tenant)).to.equal(1);
    expect((await timersOf(tenant)).map((t) => t.due)).to.deep.equal([at(HOUR)]);
  });

  it('given an hourly cycle that was due while the engine was down, when it fires 5.5 hours late, then one instance starts and the next round is the next hour on its own grid', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    await h.engine.deploy(ana, [timerStart('hourly-late', 'timeCycle', `R/${at(HOUR)}/PT1H`)]);
    expect((await timersOf(tenant)).map((t) => t.due)).to.deep.equal([at(HOUR)]);
    h.clock.pin(new Date(T0.getTime() + 6.5 * HOUR));
    await h.runner.drain();
    expect(await instancesOf(tenant)).to.equal(1);
    expect(await timersOf(tenant)).to.deep.equal([{ element: 'StartEvent_Harian', due: at(7 * HOUR), repeat: { left: null, every: 'PT1H' } }]);
  });

  it('given a bounded cycle, when rounds are missed, then they count against R<n> and the cycle still ends on schedule', () => {
    const due = new Date(T0.getTime() + HOUR);
    // R5 fired its first round at +1 h; now +3.5 h: rounds +2 h and +3 h were missed, +4 h is next, then +5 h ends it.
    expect(nextRound(due, { left: 4, every: 'PT1H' }, new Date(T0.getTime() + 3.5 * HOUR))).to.deep.equal({ due: new Date(T0.getTime() + 4 * HOUR), left: 1, every: 'PT1H' });
    expect(nextRound(due, { left: 2, every: 'PT1H' }, new Date(T0.getTime() + 3.5 * HOUR))).to.equal(undefined);
    // On time: the next round, one repetition used, as before.
    expect(nextRound(due, { left: 2, every: 'PT1H' }, due)).to.deep.equal({ due: new Date(T0.getTime() + 2 * HOUR), left: 1, every: 'PT1H' });
  });

  it('given literal cycles that cannot run (an end instead of a start, zero repetitions, no pause), when deployed, then each is refused', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    const err = await refusal(h.engine.deploy(ana, [
      timerStart('ends', 'timeCycle', 'R3/PT1H/2027-01-01T00:00:00Z'),
      timerStart('zero', 'timeCycle', 'R0/PT1H'),
      timerStart('no-pause', 'timeCycle', 'R/PT0S'),
    ]));
    // Literals are refused by the compile rule (the one the designer lints with), element named.
    expect(err.errors.map((e) => e.message)).to.deep.equal([
      'ends.bpmn: startEvent StartEvent_Harian: timer timeCycle: "R3/PT1H/2027-01-01T00:00:00Z" gives an end date, which the engine does not run; write R3/PT1H and let R<n> count the rounds (or R3/<start>/PT1H to begin at a set time)',
      'zero.bpmn: startEvent StartEvent_Harian: timer timeCycle: "R0/PT1H" repeats zero times, so it never fires; write R1/PT1H to fire once',
      'no-pause.bpmn: startEvent StartEvent_Harian: timer timeCycle: in cycle "R/PT0S": "PT0S" is no time at all, so it would fire back to back for ever; write an interval above zero (e.g. R/PT1M)',
    ]);
    expect(await rowsOf(tenant)).to.deep.equal({ definitions: [], deployments: [], timers: [] });
  });

  it('given a date with a time zone name, when deployed, then it is refused with a hint to give an offset', async () => {
    const tenant = await newTenant(h);
    const ana = actor(tenant, 'ana', ['analyst']);
    const err = await refusal(h.engine.deploy(ana, [timerStart('zoned', 'timeDate', '=date and time("2027-01-01T08:00:00@Asia/Jakarta")')]));
    expect(err.errors[0].message).to.equal('startEvent StartEvent_Harian: timer timeDate "=date and time(\\"2027-01-01T08:00:00@Asia/Jakarta\\")" cannot be computed at deployment: "2027-01-01T08:00:00@Asia/Jakarta" names a time zone, which the engine does not read; write that zone\'s UTC offset instead (e.g. 2027-01-01T08:00:00+07:00 for Asia/Jakarta)');
  });
});

describe('service: first due time of a start timer', () => {
  it('given a FEEL evaluator that fails (a bounded evaluator out of time), when the first due time is asked, then the failure is the reason', () => {
    const failing: FeelEvaluator = { evaluate: () => ({ ok: false, error: 'FEEL "jadwal" failed: took longer than 100 ms' }) };
    expect(firstDue({ type: 'cycle', expr: { feel: 'jadwal' } }, T0, failing)).to.deep.include({ ok: false, reason: 'FEEL "jadwal" failed: took longer than 100 ms' });
  });

  it('given a date-time without an offset on a machine outside UTC, when the first due time is asked, then it is read as UTC like the core reads instance timers', () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Jakarta';
    try {
      expect(firstDue({ type: 'date', expr: { value: '2027-01-01T08:00:00' } }, T0)).to.deep.equal({ ok: true, due: new Date('2027-01-01T08:00:00Z'), repeat: null });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});
