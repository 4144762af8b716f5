/** Deadline and priority bands the inbox highlights (inbox/src/due.ts). */
import { expect } from 'chai';
import { priorityBand, urgency, workingDaysMessage } from '../../inbox/src/due.js';

describe('inbox deadlines', () => {
  const now = new Date('2026-11-29T08:00:00Z');

  it('given a deadline in the past, then the task is overdue', () => {
    expect(urgency('2026-11-29T07:59:00Z', now)).to.equal('overdue');
  });

  it('given a deadline within a day, then it is due soon; beyond a day, nothing', () => {
    expect(urgency('2026-11-30T08:00:00Z', now)).to.equal('soon');
    expect(urgency('2026-11-30T08:01:00Z', now)).to.equal('none');
  });

  it('given no deadline or an unreadable one, then nothing is highlighted', () => {
    expect(urgency(null, now)).to.equal('none');
    expect(urgency('besok', now)).to.equal('none');
  });

  it('names Camunda priorities (0–100, default 50) in three bands', () => {
    expect([priorityBand(80), priorityBand(75), priorityBand(50), priorityBand(null), priorityBand(25), priorityBand(0)])
      .to.deep.equal(['high', 'high', 'normal', 'normal', 'low', 'low']);
  });
  it('given workingDaysLeft from the server, then the card reads "sisa 2 hari kerja" or "terlambat 1 hari kerja"', async () => {
    const { id } = await import('../../inbox/src/i18n/id.js');
    const { en } = await import('../../inbox/src/i18n/en.js');
    const say = (dictionary: Record<string, string>, left: number | null | undefined) => {
      const m = workingDaysMessage(left);
      return m ? dictionary[m.key].replace('{n}', String(m.n)) : undefined;
    };
    expect([2, 1, 0, -1, -3, null, undefined].map((left) => say(id, left)))
      .to.deep.equal(['sisa 2 hari kerja', 'sisa 1 hari kerja', 'sisa 0 hari kerja', 'terlambat 1 hari kerja', 'terlambat 3 hari kerja', undefined, undefined]);
    expect([2, 1, -1, -3].map((left) => say(en, left))).to.deep.equal(['2 working days left', '1 working day left', '1 working day late', '3 working days late']);
  });
});
