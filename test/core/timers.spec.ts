/** Timer arithmetic: ISO dates, durations and cycles computed from the step time, never the machine clock or zone. */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { addDuration, dueTime, parseCycle, parseDuration, parseInstant, planTimer } from '../../engine/core/timers.js';
import { given, bpmn, flow, userTask, timer, incidentsOf } from './support.js';

const NOW = '2026-01-31T10:00:00.000Z';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The catch timer `wait` of a process whose timer value is the FEEL variable `nilai`. */
const waitingOn = (kind: 'date' | 'duration' | 'cycle') => kind === 'cycle' ? repeatingOn() : bpmn(`<bpmn:startEvent id="s"/><bpmn:intermediateCatchEvent id="wait">${timer(kind, '=nilai')}</bpmn:intermediateCatchEvent>${userTask('after')}<bpmn:endEvent id="e"/>
  ${flow('f1', 's', 'wait')}${flow('f2', 'wait', 'after')}${flow('f3', 'after', 'e')}`);
/** A cycle repeats on a non-interrupting boundary timer `wait` (a catch event waits once). */
const repeatingOn = () => bpmn(`<bpmn:startEvent id="s"/>${userTask('after')}<bpmn:boundaryEvent id="wait" attachedToRef="after" cancelActivity="false">${timer('cycle', '=nilai')}</bpmn:boundaryEvent><bpmn:endEvent id="e"/><bpmn:endEvent id="reminded"/>
  ${flow('f1', 's', 'after')}${flow('f2', 'wait', 'reminded')}${flow('f3', 'after', 'e')}`);

describe('timer arithmetic', () => {
  it('given durations with every designator, when parsed, then each part is read', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7.5S')).to.deep.equal({ negative: false, years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5 });
  });

  it('given malformed durations, when parsed, then they are refused', () => {
    for (const bad of ['P', 'PT', '-P', '-PT', 'P1DT', '1D', 'P1H', 'PT1D', 'P-1D', 'soon', '']) expect(parseDuration(bad), bad).to.equal(undefined);
  });

  it('given a duration, when added, then days and hours are exact and months follow the calendar in UTC', () => {
    expect(addDuration(NOW, parseDuration('PT90M')!)).to.equal('2026-01-31T11:30:00.000Z');
    expect(addDuration(NOW, parseDuration('P2D')!)).to.equal('2026-02-02T10:00:00.000Z');
    expect(addDuration('2026-01-15T00:00:00.000Z', parseDuration('P1M')!)).to.equal('2026-02-15T00:00:00.000Z');
    expect(addDuration('2026-01-15T00:00:00.000Z', parseDuration('P1Y')!)).to.equal('2027-01-15T00:00:00.000Z');
  });

  it('given cycles, when parsed, then repetitions, period and optional start are read', () => {
    expect(parseCycle('R3/PT10M')).to.deep.include({ repetitions: 3, everyText: 'PT10M' });
    expect(parseCycle('R/P1D')).to.deep.include({ repetitions: null, everyText: 'P1D' });
    expect(parseCycle('R2/2026-02-01T00:00:00Z/PT1H')).to.deep.include({ repetitions: 2, start: '2026-02-01T00:00:00Z' });
    expect(parseCycle('PT10M')).to.equal(undefined);
    expect(parseCycle('R3/later')).to.equal(undefined);
  });

  it('given a cycle, when scheduled, then the first due time is one period after now with the repetitions left', () => {
    expect(dueTime('cycle', 'R3/PT10M', NOW)).to.deep.equal({ due: '2026-01-31T10:10:00.000Z', cycle: { left: 2, every: 'PT10M' } });
    expect(dueTime('cycle', 'R/PT10M', NOW)).to.deep.equal({ due: '2026-01-31T10:10:00.000Z', cycle: { left: null, every: 'PT10M' } });
  });

  it('given a cycle with a future start, when scheduled, then it first fires at the start', () => {
    expect(dueTime('cycle', 'R2/2026-03-01T00:00:00Z/P1D', NOW)!.due).to.equal('2026-03-01T00:00:00.000Z');
  });

  it('given dates with offsets, when scheduled, then they are converted to UTC', () => {
    expect(dueTime('date', '2026-02-01T08:00:00+07:00', NOW)).to.deep.equal({ due: '2026-02-01T01:00:00.000Z' });
    expect(dueTime('date', '2026-02-01', NOW)).to.deep.equal({ due: '2026-02-01T00:00:00.000Z' });
  });

  it('given a date-time without an offset, when scheduled, then it is read as UTC', () => {
    expect(parseInstant('2026-02-01T10:00:00')).to.equal(Date.parse('2026-02-01T10:00:00Z'));
    expect(dueTime('date', '2026-02-01T10:00:00', NOW)).to.deep.equal({ due: '2026-02-01T10:00:00.000Z' });
  });

  it('given text that is not a date, when scheduled, then there is no due time', () => {
    for (const bad of ['tomorrow', '01/02/2026', '2026-13-45T00:00:00Z', '']) expect(dueTime('date', bad, NOW), bad).to.equal(undefined);
  });

  it('given a day or time the calendar lacks, when scheduled, then there is no due time instead of a date rolled over into the next month', () => {
    for (const bad of ['2026-02-29T08:00:00Z', '2026-02-30', '2026-04-31T00:00:00Z', '2026-01-01T24:00:00Z', '2026-01-01T08:60:00Z', '2026-01-01T08:00:00+24:00']) {
      expect(parseInstant(bad), bad).to.equal(undefined);
    }
    expect(parseInstant('2028-02-29T08:00:00Z')).to.equal(Date.parse('2028-02-29T08:00:00Z'));
  });

  it('given a date-time naming a time zone, when scheduled, then it is refused with a hint to write the offset', () => {
    for (const zoned of ['2027-01-01T08:00:00[Asia/Jakarta]', '2027-01-01T08:00:00@Asia/Jakarta']) {
      expect(planTimer('date', zoned, NOW)).to.deep.include({ ok: false, problem: `${JSON.stringify(zoned)} names a time zone, which the engine does not read; write that zone's UTC offset instead (e.g. 2027-01-01T08:00:00+07:00 for Asia/Jakarta)` });
    }
  });

  it('given the machine runs in another time zone, when timers and due dates are computed, then the results are the same', function () {
    this.timeout(60_000);
    const script = `import { dueTime } from './engine/core/timers.ts';
      console.log(JSON.stringify([dueTime('date', '2026-02-01T10:00:00', '${NOW}'), dueTime('duration', 'P1M', '${NOW}'), dueTime('cycle', 'R2/2026-03-01T00:00:00/P1D', '${NOW}')]));`;
    const run = (tz: string) => execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, env: { ...process.env, TZ: tz }, encoding: 'utf8' });
    expect(run('Asia/Jakarta')).to.equal(run('America/Los_Angeles'));
    expect(JSON.parse(run('Asia/Jayapura'))[0]).to.deep.equal({ due: '2026-02-01T10:00:00.000Z' });
  });

  it('given a user task due date without an offset, when opened, then it is read as UTC', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('t', '<zeebe:taskSchedule dueDate="=batas"/>')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p', { batas: '2026-02-01T17:00:00' });
    expect(engine.openTasks(id)[0].task.dueDate).to.equal('2026-02-01T17:00:00.000Z');
  });

  it('given a user task due date in a free-text format, when opened, then it is refused as an incident (no locale-dependent parsing)', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('t', '<zeebe:taskSchedule dueDate="=batas"/>')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p', { batas: 'February 1, 2026' });
    expect(incidentsOf(engine, id).map((i) => [i.elementId, i.message])).to.deep.equal([
      ['t', 'dueDate of t: "February 1, 2026" is not an ISO 8601 date-time; write e.g. 2027-01-01T08:00:00+07:00 or 2027-01-01T01:00:00Z'],
    ]);
  });

  it('given a user task due date that is a date alone, literal or FEEL, when opened, then it is midnight UTC (the deployment rule accepts the literal for that reason)', async () => {
    const engine = await given(bpmn(`<bpmn:startEvent id="s"/>${userTask('t', '<zeebe:taskSchedule dueDate="2026-02-01" followUpDate="=date(batas)"/>')}<bpmn:endEvent id="e"/>${flow('f1', 's', 't')}${flow('f2', 't', 'e')}`));
    const id = engine.start('p', { batas: '2026-01-25' });
    expect(engine.openTasks(id)[0].task).to.deep.include({ dueDate: '2026-02-01T00:00:00.000Z', followUpDate: '2026-01-25T00:00:00.000Z' });
  });

  it('given a negative duration, when parsed and added, then it goes back in time instead of being read as positive', () => {
    expect(parseDuration('-PT5M')).to.deep.equal({ negative: true, years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 5, seconds: 0 });
    expect(addDuration(NOW, parseDuration('-PT5M')!)).to.equal('2026-01-31T09:55:00.000Z');
    expect(addDuration(NOW, parseDuration('-P1M')!)).to.equal('2025-12-31T10:00:00.000Z');
  });

  it('given a negative duration or cycle interval, when scheduled, then there is no due time and the reason says to write it positive', () => {
    expect(dueTime('duration', '-PT5M', NOW)).to.equal(undefined);
    expect(planTimer('duration', '-PT5M', NOW)).to.deep.include({ ok: false, problem: '"-PT5M" is a negative duration, and a timer cannot wait backwards; write PT5M' });
    expect(planTimer('cycle', 'R3/-PT1H', NOW)).to.deep.include({ ok: false, problem: 'in cycle "R3/-PT1H": "-PT1H" is a negative duration, and a timer cannot wait backwards; write PT1H' });
  });

  it('given a FEEL duration that evaluates to a negative one, when the token arrives, then an incident is raised and no timer is set five minutes ahead', async () => {
    const engine = await given(waitingOn('duration'), { now: NOW });
    const id = engine.start('p', { nilai: '-PT5M' });
    expect(incidentsOf(engine, id).map((i) => [i.elementId, i.type, i.message])).to.deep.equal([
      ['wait', 'expression', 'timer of wait: "-PT5M" is a negative duration, and a timer cannot wait backwards; write PT5M'],
    ]);
    expect(engine.timers.size).to.equal(0);
  });

  it('given cycles that would never fire or never stop (R0, a zero or sub-millisecond interval), when scheduled, then there is no due time', () => {
    expect(planTimer('cycle', 'R0/PT1H', NOW)).to.deep.include({ ok: false, problem: '"R0/PT1H" repeats zero times, so it never fires; write R1/PT1H to fire once' });
    expect(planTimer('cycle', 'R/PT0S', NOW)).to.deep.include({ ok: false, problem: 'in cycle "R/PT0S": "PT0S" is no time at all, so it would fire back to back for ever; write an interval above zero (e.g. R/PT1M)' });
    for (const bad of ['R3/P0D', 'R/PT0.0001S']) expect(dueTime('cycle', bad, NOW), bad).to.equal(undefined);
    expect(dueTime('duration', 'PT0S', NOW)).to.deep.equal({ due: NOW });
  });

  it('given a FEEL cycle that evaluates to R0, when the token arrives, then an incident is raised instead of a timer that repeats for ever', async () => {
    const engine = await given(waitingOn('cycle'), { now: NOW });
    const id = engine.start('p', { nilai: 'R0/PT1H' });
    expect(incidentsOf(engine, id).map((i) => [i.elementId, i.type, i.message])).to.deep.equal([
      // The boundary timer is planned as its activity opens: the incident stops the activity.
      ['after', 'expression', 'timer of wait: "R0/PT1H" repeats zero times, so it never fires; write R1/PT1H to fire once'],
    ]);
    expect(engine.timers.size).to.equal(0);
  });

  it('given FEEL timer values the core cannot schedule, when the token arrives, then the incident says why and what to write, as the deployment rule does for a literal', async () => {
    const cases: ['date' | 'duration' | 'cycle', unknown, string][] = [
      ['date', '2027-01-01T08:00:00[Asia/Jakarta]', `timer of wait: "2027-01-01T08:00:00[Asia/Jakarta]" names a time zone, which the engine does not read; write that zone's UTC offset instead (e.g. 2027-01-01T08:00:00+07:00 for Asia/Jakarta)`],
      ['duration', 'P0.5M', 'timer of wait: "P0.5M" has a fraction of a month, which has no fixed length; write whole months or days (e.g. P1M or P45D)'],
      ['cycle', '0 0 9 * * MON', 'timer of wait: "0 0 9 * * MON" is a cron expression, which the engine does not run; write an ISO 8601 repeating interval (e.g. R/2027-01-01T09:00:00+07:00/P1D for every day at 09:00)'],
      ['duration', 15, 'timer of wait: "15" is not an ISO 8601 duration (e.g. PT15M, P3D)'],
      ['duration', null, 'timer of wait: the expression evaluated to null, not a duration'],
    ];
    for (const [kind, nilai, message] of cases) {
      const engine = await given(waitingOn(kind), { now: NOW });
      const id = engine.start('p', { nilai });
      expect(incidentsOf(engine, id).map((i) => [i.elementId, i.type, i.message]), `${kind} ${String(nilai)}`).to.deep.equal([[kind === 'cycle' ? 'after' : 'wait', 'expression', message]]);
      expect(engine.timers.size).to.equal(0);
    }
  });

  it('given cycles with an end date, when scheduled, then they are refused with the form to write instead', () => {
    expect(planTimer('cycle', 'R3/PT1H/2027-01-01T00:00:00Z', NOW)).to.deep.include({ ok: false, problem: '"R3/PT1H/2027-01-01T00:00:00Z" gives an end date, which the engine does not run; write R3/PT1H and let R<n> count the rounds (or R3/<start>/PT1H to begin at a set time)' });
    expect(planTimer('cycle', 'R/2027-01-01T00:00:00Z/2027-01-02T00:00:00Z', NOW)).to.deep.include({ ok: false, problem: '"R/2027-01-01T00:00:00Z/2027-01-02T00:00:00Z" gives an end date, which the engine does not run; write R/2027-01-01T00:00:00Z/<interval> (e.g. R/2027-01-01T00:00:00Z/P1D)' });
    expect(dueTime('cycle', '2027-01-01T00:00:00Z/2027-01-02T00:00:00Z', NOW)).to.equal(undefined);
  });

  it('given a duration with a fraction of a month or beyond the representable dates, when scheduled, then there is no due time rather than a truncated or crashing one', () => {
    expect(planTimer('duration', 'P0.5M', NOW)).to.deep.include({ ok: false });
    expect(dueTime('duration', 'P1.5Y', NOW)).to.deep.equal({ due: '2027-07-31T10:00:00.000Z' });
    expect(planTimer('duration', 'P999999999Y', NOW)).to.deep.include({ ok: false, problem: '"P999999999Y" lies beyond any date the engine can represent; write a shorter duration' });
  });
});
