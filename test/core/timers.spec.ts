/** Timer arithmetic: ISO dates, durations and cycles computed from the step time, never the machine clock or zone. */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { addDuration, dueTime, parseCycle, parseDuration, parseInstant } from '../../engine/core/timers.js';
import { given, bpmn, flow, userTask } from './support.js';

const NOW = '2026-01-31T10:00:00.000Z';
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('timer arithmetic', () => {
  it('given durations with every designator, when parsed, then each part is read', () => {
    expect(parseDuration('P1Y2M3W4DT5H6M7.5S')).to.deep.equal({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5 });
  });

  it('given malformed durations, when parsed, then they are refused', () => {
    for (const bad of ['P', 'PT', '1D', 'P1H', 'PT1D', 'P-1D', 'soon', '']) expect(parseDuration(bad), bad).to.equal(undefined);
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
    expect([...engine.incidents.values()].filter((i) => i.instanceId === id).map((i) => i.elementId)).to.deep.equal(['t']);
  });
});
