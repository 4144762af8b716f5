/** Deadline and priority bands the inbox highlights (inbox/src/due.ts). */
import { expect } from 'chai';
import { priorityBand, urgency } from '../../inbox/src/due.js';

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
});
