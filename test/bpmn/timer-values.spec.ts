/**
 * The deployment refuses a literal timer value exactly when the core could not schedule it, on
 * every timer the core computes while an instance runs: an intermediate catch, a boundary timer
 * and an event subprocess's timer start. The reason names the element and what to write instead.
 */
import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { dueTime, type TimerKind } from '../../engine/core/timers.js';

type Place = 'catch' | 'boundary' | 'eventSubprocess' | 'processStart';
const ATTRIBUTE = { date: 'timeDate', duration: 'timeDuration', cycle: 'timeCycle' } as const;
const ELEMENT: Record<Place, string> = { catch: 'Wait', boundary: 'Late', eventSubprocess: 'Remind', processStart: 'Daily' };

const definition = (kind: TimerKind, value: string) =>
  `<bpmn:timerEventDefinition><bpmn:${ATTRIBUTE[kind]} xsi:type="bpmn:tFormalExpression">${value}</bpmn:${ATTRIBUTE[kind]}></bpmn:timerEventDefinition>`;

/**
 * Start → Review (boundary Late) → Wait → End, an event subprocess started by Remind, and a timer
 * start event Daily: the timer under test sits at `place`, every other timer waits PT1H.
 */
function processWith(place: Place, kind: TimerKind, value: string): string {
  const at = (p: Place) => (p === place ? definition(kind, value) : definition('duration', 'PT1H'));
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="Izin" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:startEvent id="Daily">${at('processStart')}</bpmn:startEvent>
    <bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:userTask /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:boundaryEvent id="Late" attachedToRef="Review">${at('boundary')}</bpmn:boundaryEvent>
    <bpmn:intermediateCatchEvent id="Wait">${at('catch')}</bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="End" />
    <bpmn:endEvent id="LateEnd" />
    <bpmn:subProcess id="Reminders" triggeredByEvent="true">
      <bpmn:startEvent id="Remind" isInterrupting="false">${at('eventSubprocess')}</bpmn:startEvent>
      <bpmn:endEvent id="Reminded" />
      <bpmn:sequenceFlow id="R1" sourceRef="Remind" targetRef="Reminded" />
    </bpmn:subProcess>
    <bpmn:sequenceFlow id="F0" sourceRef="Daily" targetRef="Review" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="Wait" />
    <bpmn:sequenceFlow id="F3" sourceRef="Wait" targetRef="End" />
    <bpmn:sequenceFlow id="F4" sourceRef="Late" targetRef="LateEnd" />
  </bpmn:process>
</bpmn:definitions>`;
}

const TYPE: Record<Place, string> = { catch: 'intermediateCatchEvent', boundary: 'boundaryEvent', eventSubprocess: 'startEvent', processStart: 'startEvent' };

async function errorsAt(place: Place, kind: TimerKind, value: string): Promise<{ element?: string; message: string }[]> {
  const result = await compileBpmn(processWith(place, kind, value));
  return result.ok ? [] : result.errors;
}

/** The one error a refused value gives at `place`, checked to name the element and the attribute. */
async function refusal(place: Place, kind: TimerKind, value: string): Promise<string> {
  const errors = await errorsAt(place, kind, value);
  expect(errors, `${kind} ${value} at ${place}`).to.have.length(1);
  expect(errors[0].element).to.equal(ELEMENT[place]);
  const prefix = `${TYPE[place]} ${ELEMENT[place]}: timer ${ATTRIBUTE[kind]}: `;
  expect(errors[0].message.startsWith(prefix), errors[0].message).to.equal(true);
  return errors[0].message.slice(prefix.length);
}

const RUN_TIME: Place[] = ['catch', 'boundary', 'eventSubprocess'];
/** Where a cycle repeats something; an intermediate catch event waits once, so it has none. */
const CYCLES: Place[] = ['boundary', 'eventSubprocess'];

describe('bpmn/timer values: refused at deployment exactly when the core cannot schedule them', () => {
  it('given the values the engine runs, when compiled on every run-time timer, then they are accepted', async () => {
    const fine: [TimerKind, string][] = [
      ['duration', 'PT15M'], ['duration', 'P1D'], ['duration', 'PT0S'], ['duration', 'P1Y2M3W4DT5H6M7.5S'],
      ['cycle', 'R3/PT1H'], ['cycle', 'R/P1D'], ['cycle', 'R2/2027-01-01T08:00:00+07:00/PT1H'], ['cycle', 'R/2027-01-01T08:00:00Z/P1D'],
      ['date', '2027-01-01T08:00:00Z'], ['date', '2027-01-01T08:00:00+07:00'], ['date', '2027-01-01T08:00:00'],
      ['duration', '=duration("P" + string(hari) + "D")'], ['cycle', '="R/PT" + string(jam) + "H"'], ['date', '=batas'],
    ];
    for (const place of RUN_TIME) {
      for (const [kind, value] of fine) {
        if (kind === 'cycle' && !CYCLES.includes(place)) continue;
        expect(await errorsAt(place, kind, value), `${kind} ${value} at ${place}`).to.deep.equal([]);
      }
    }
  });

  it('given a time cycle on an intermediate catch event, when compiled, then it is refused (as Camunda 8 does) instead of waiting once', async () => {
    for (const value of ['R3/PT1H', 'R/P1D', '="R/PT" + string(jam) + "H"']) {
      const errors = await errorsAt('catch', 'cycle', value);
      expect(errors.map((e) => [e.element, e.message])).to.deep.equal([['Wait', 'intermediateCatchEvent Wait: a time cycle on an intermediate catch event is not supported (as in Camunda 8): the event waits once; write a timeDuration or timeDate, or repeat with a non-interrupting boundary timer']]);
    }
  });

  it('given a cycle with an end date (duration then end, or start then end), when compiled, then it is refused with the form to write', async () => {
    expect(await refusal('eventSubprocess', 'cycle', 'R3/PT1H/2027-01-01T08:00:00Z')).to.equal('"R3/PT1H/2027-01-01T08:00:00Z" gives an end date, which the engine does not run; write R3/PT1H and let R<n> count the rounds (or R3/<start>/PT1H to begin at a set time)');
    expect(await refusal('boundary', 'cycle', 'R/2027-01-01T00:00:00Z/2027-01-02T00:00:00Z')).to.equal('"R/2027-01-01T00:00:00Z/2027-01-02T00:00:00Z" gives an end date, which the engine does not run; write R/2027-01-01T00:00:00Z/<interval> (e.g. R/2027-01-01T00:00:00Z/P1D)');
    expect(await refusal('eventSubprocess', 'cycle', '2027-01-01T00:00:00Z/2027-01-02T00:00:00Z')).to.match(/is not an ISO 8601 repeating interval the engine runs; write R<n>\/<duration> \(e\.g\. R3\/PT10M\) or R<n>\/<start>\/<duration>/);
  });

  it('given a date naming a time zone, alone or as a cycle start, when compiled, then it is refused with a hint to write the offset', async () => {
    const hint = "names a time zone, which the engine does not read; write that zone's UTC offset instead (e.g. 2027-01-01T08:00:00+07:00 for Asia/Jakarta)";
    expect(await refusal('catch', 'date', '2027-01-01T08:00:00[Asia/Jakarta]')).to.equal(`"2027-01-01T08:00:00[Asia/Jakarta]" ${hint}`);
    expect(await refusal('boundary', 'date', '2027-01-01T08:00:00@Asia/Jakarta')).to.equal(`"2027-01-01T08:00:00@Asia/Jakarta" ${hint}`);
    expect(await refusal('eventSubprocess', 'cycle', 'R/2027-01-01T08:00:00[Asia/Jakarta]/P1D')).to.equal(`"R/2027-01-01T08:00:00[Asia/Jakarta]/P1D" ${hint}`);
  });

  it('given cycles that never fire or never pause (R0, a zero interval), when compiled on every run-time timer, then they are refused', async () => {
    for (const place of CYCLES) {
      expect(await refusal(place, 'cycle', 'R0/PT1H')).to.equal('"R0/PT1H" repeats zero times, so it never fires; write R1/PT1H to fire once');
      expect(await refusal(place, 'cycle', 'R/PT0S')).to.equal('in cycle "R/PT0S": "PT0S" is no time at all, so it would fire back to back for ever; write an interval above zero (e.g. R/PT1M)');
      expect(await refusal(place, 'cycle', 'R3/P0D')).to.match(/"P0D" is no time at all/);
    }
  });

  it('given negative durations, as a wait or a cycle interval, when compiled, then they are refused with the positive one to write', async () => {
    for (const place of RUN_TIME) {
      expect(await refusal(place, 'duration', '-PT5M')).to.equal('"-PT5M" is a negative duration, and a timer cannot wait backwards; write PT5M');
      if (CYCLES.includes(place)) expect(await refusal(place, 'cycle', 'R/-P1D')).to.equal('in cycle "R/-P1D": "-P1D" is a negative duration, and a timer cannot wait backwards; write P1D');
    }
  });

  it('given a cron cycle or a day the calendar lacks, when compiled, then the reason says what to write', async () => {
    expect(await refusal('boundary', 'cycle', '0 0 9 * * MON')).to.equal('"0 0 9 * * MON" is a cron expression, which the engine does not run; write an ISO 8601 repeating interval (e.g. R/2027-01-01T09:00:00+07:00/P1D for every day at 09:00)');
    expect(await refusal('catch', 'date', '2027-02-29T08:00:00Z')).to.match(/^"2027-02-29T08:00:00Z" is not a valid calendar date-time .*; write one that exists/);
  });

  it('given a date without a time, when compiled, then it is accepted and the core reads it as midnight UTC, as it reads FEEL date("2027-01-01")', async () => {
    expect(await errorsAt('catch', 'date', '2027-01-01')).to.deep.equal([]);
    const result = await compileBpmn(processWith('catch', 'date', '2027-01-01'));
    if (!result.ok) throw new Error('expected the date to compile');
    expect(result.definitions.processes[0].elements.Wait.event).to.deep.equal({ kind: 'timer', timer: { type: 'date', expr: { value: '2027-01-01' } } });
    expect(dueTime('date', '2027-01-01', '2026-06-01T00:00:00.000Z')).to.deep.equal({ due: '2027-01-01T00:00:00.000Z' });
  });

  it('given any literal, when compiled, then it is accepted exactly when the core computes a due time for it', async () => {
    const literals: [TimerKind, string][] = [
      ['duration', 'PT1H'], ['duration', '-PT1H'], ['duration', 'P0.5M'], ['duration', 'P1.5Y'], ['duration', 'PT'], ['duration', '-P'], ['duration', 'P999999999Y'],
      ['date', '2027-01-01T08:00'], ['date', '2027-01-01T08'], ['date', '2027-01-01T24:00:00Z'], ['date', '2027-01-01T08:00:00+0700'], ['date', '2027-13-01'],
      ['cycle', 'R/PT0.0001S'], ['cycle', 'R00/PT1H'], ['cycle', 'R12/PT1M'], ['cycle', 'R/2027-01-01/P1D'], ['cycle', 'R/PT1H/PT2H'], ['cycle', 'PT1H'], ['cycle', 'R5'],
    ];
    for (const [kind, value] of literals) {
      const computed = dueTime(kind, value, '2026-06-01T00:00:00.000Z') !== undefined;
      expect((await errorsAt('boundary', kind, value)).length === 0, `${kind} ${value}`).to.equal(computed);
    }
  });

  it('given a process timer start event, when compiled, then its literal is checked like any timer (so the designer flags it) and its FEEL only for syntax (the deployment evaluates it)', async () => {
    expect((await errorsAt('processStart', 'cycle', 'R0/PT1H')).map((e) => e.message)).to.deep.equal(['startEvent Daily: timer timeCycle: "R0/PT1H" repeats zero times, so it never fires; write R1/PT1H to fire once']);
    expect(await errorsAt('processStart', 'cycle', '=jadwal +')).to.have.length(1);
    expect(await errorsAt('processStart', 'cycle', '=jadwal')).to.deep.equal([]);
  });
});
