/**
 * A user task's literal zeebe:taskSchedule dueDate/followUpDate is judged by the core's own date
 * reader (`parseInstant`, which the task uses when it opens), so a literal deploys exactly when
 * the task can open with it; FEEL values (`=…`) are only syntax-checked here.
 */
import { expect } from 'chai';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { parseInstant } from '../../engine/core/timers.js';

type Key = 'dueDate' | 'followUpDate';

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function processWith(key: Key, value: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="Defs" targetNamespace="http://alur.go.id/test">
  <bpmn:process id="Izin" isExecutable="true">
    <bpmn:startEvent id="Start" />
    <bpmn:userTask id="Review"><bpmn:extensionElements><zeebe:userTask /><zeebe:taskSchedule ${key}="${attribute(value)}" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:endEvent id="End" />
    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Review" />
    <bpmn:sequenceFlow id="F2" sourceRef="Review" targetRef="End" />
  </bpmn:process>
</bpmn:definitions>`;
}

async function errorsOf(key: Key, value: string): Promise<{ element?: string; message: string }[]> {
  const result = await compileBpmn(processWith(key, value));
  // The English message and the element; the catalog text beside them is the messages specs' business.
  return result.ok ? [] : result.errors.map(({ element, message }) => ({ element, message }));
}

const EXPECTED = 'write e.g. 2027-01-01T08:00:00+07:00 or 2027-01-01T01:00:00Z';

describe('bpmn/task schedule: literal due and follow-up dates are refused exactly when the core cannot read them', () => {
  it('given text Date.parse reads but the core does not, when compiled, then it is refused naming the element and the form to write', async () => {
    expect(await errorsOf('dueDate', 'February 1, 2026')).to.deep.equal([{ element: 'Review', message: `userTask Review: due date "February 1, 2026" is not an ISO 8601 date-time; ${EXPECTED}` }]);
    expect(await errorsOf('followUpDate', 'Sun, 01 Feb 2026 08:00:00 GMT')).to.deep.equal([{ element: 'Review', message: `userTask Review: follow-up date "Sun, 01 Feb 2026 08:00:00 GMT" is not an ISO 8601 date-time; ${EXPECTED}` }]);
  });

  it('given a day the calendar lacks, which Date.parse rolls over into March, when compiled, then it is refused', async () => {
    expect(await errorsOf('dueDate', '2026-02-30T08:00:00Z')).to.deep.equal([{ element: 'Review', message: 'userTask Review: due date "2026-02-30T08:00:00Z" is not a valid calendar date-time (no such day, hour or offset); write one that exists, e.g. 2027-02-28T08:00:00+07:00' }]);
  });

  it('given a date-time naming a time zone, when compiled, then it is refused with a hint to write the offset', async () => {
    expect((await errorsOf('dueDate', '2027-01-01T08:00:00[Asia/Jakarta]')).map((e) => e.message)).to.deep.equal([
      `userTask Review: due date "2027-01-01T08:00:00[Asia/Jakarta]" names a time zone, which the engine does not read; write that zone's UTC offset instead (e.g. 2027-01-01T08:00:00+07:00 for Asia/Jakarta)`,
    ]);
  });

  it('given the forms the core reads (an offset, Z, no offset as UTC, a date alone as midnight UTC) or a blank, when compiled, then they are accepted', async () => {
    for (const key of ['dueDate', 'followUpDate'] as const) {
      for (const value of ['2027-01-01T08:00:00+07:00', '2027-01-01T01:00:00.250Z', '2027-01-01T08:00:00', ' 2027-01-01T08:00:00Z ', '2027-01-01', '']) {
        expect(await errorsOf(key, value), `${key} ${JSON.stringify(value)}`).to.deep.equal([]);
      }
    }
  });

  it('given a date alone, when compiled, then it is mapped as written and the core reads it as midnight UTC, as it reads FEEL date("2027-01-01")', async () => {
    const result = await compileBpmn(processWith('dueDate', '2027-01-01'));
    if (!result.ok) throw new Error('expected the date to compile');
    expect(result.definitions.processes[0].elements.Review.userTask?.dueDate).to.deep.equal({ value: '2027-01-01' });
    expect(parseInstant('2027-01-01')).to.equal(Date.parse('2027-01-01T00:00:00Z'));
  });

  it('given FEEL values, when compiled, then only their syntax is checked', async () => {
    expect(await errorsOf('dueDate', '=batas')).to.deep.equal([]);
    expect(await errorsOf('followUpDate', '=string(now() + duration("P3D"))')).to.deep.equal([]);
    const broken = await errorsOf('dueDate', '=batas +');
    expect(broken.map((e) => e.element)).to.deep.equal(['Review']);
    expect(broken[0].message).to.match(/due date: invalid FEEL/);
  });

  it('given any literal, when compiled, then it is accepted exactly when the core reads a date-time from it', async () => {
    const literals = ['2027-01-01T08:00', '2027-01-01T08', '2027-01-01T24:00:00Z', '2027-01-01T08:00:00+0700', '2027-01-01T08:00:00+24:00', '2027-13-01', '2028-02-29', '2027-02-29',
      '01/02/2027', '2027/01/01', '20270101', 'tomorrow', '2027-01-01 08:00:00Z', '1735689600000'];
    for (const value of literals) {
      const read = parseInstant(value) !== undefined;
      expect((await errorsOf('dueDate', value)).length === 0, value).to.equal(read);
    }
  });
});
