import { expect } from 'chai';
import { addWorkingDays, isWorkingDay, workingDaysBetween, localDate } from '../../engine/calendar/working-days.mjs';
import { inlineEvaluator } from '../../engine/expressions/feel.js';
import { createBoundedEvaluator } from '../../engine/expressions/sandbox.js';

// Hand-checked against the 2025 SKB (1017/2/2 of 2024) and the 2026 one (1497/2/5 of 2025):
// Idul Fitri 2025 ran from cuti bersama Fri 28 Mar through Mon 7 Apr; Good Friday 18 Apr 2025 and
// Christmas Fri 25 Dec 2026 (with cuti bersama Thu 24 Dec) fall on Fridays.
const EXCERPT = ['2025-03-28', '2025-03-29', '2025-03-31', '2025-04-01', '2025-04-02', '2025-04-03', '2025-04-04', '2025-04-07', '2025-04-18', '2025-04-20', '2026-12-24', '2026-12-25'];
const WIB = { zone: 'Asia/Jakarta', weekend: [6, 7], holidays: EXCERPT };
const WITA = { ...WIB, zone: 'Asia/Makassar' };
const WIT = { ...WIB, zone: 'Asia/Jayapura' };

describe('calendar: working-day arithmetic', () => {
  it('given a plain week, then Friday + 1 and Saturday + 1 are both Monday, and Monday + 5 is the next Monday', () => {
    expect(addWorkingDays(WIB, '2026-12-04', 1)).to.equal('2026-12-07');
    expect(addWorkingDays(WIB, '2026-12-05', 1)).to.equal('2026-12-07');
    expect(addWorkingDays(WIB, '2026-12-06', 1)).to.equal('2026-12-07');
    expect(addWorkingDays(WIB, '2026-12-07', 5)).to.equal('2026-12-14');
  });

  it('given n = 0, then the start comes back unchanged, even on a Saturday', () => {
    expect(addWorkingDays(WIB, '2026-12-05', 0)).to.equal('2026-12-05');
    expect(addWorkingDays(WIB, '2026-12-05T09:00:00+07:00', 0)).to.equal('2026-12-05T09:00:00+07:00');
  });

  it('given consecutive holidays (Idul Fitri 2025), then Thursday 27 March + 1 is Tuesday 8 April', () => {
    expect(addWorkingDays(WIB, '2025-03-27', 1)).to.equal('2025-04-08');
    expect(workingDaysBetween(WIB, '2025-03-27', '2025-04-08')).to.equal(1);
    expect(workingDaysBetween(WIB, '2025-03-27', '2025-04-07')).to.equal(0);
  });

  it('given a holiday on a Friday, then Thursday + 1 skips it and the weekend', () => {
    expect(addWorkingDays(WIB, '2025-04-17', 1)).to.equal('2025-04-21');
    expect(isWorkingDay(WIB, '2025-04-18')).to.equal(false);
    // Cuti bersama Thursday 24 and Christmas Friday 25 December 2026.
    expect(addWorkingDays(WIB, '2026-12-23', 1)).to.equal('2026-12-28');
    expect(addWorkingDays(WIB, '2026-12-23', 2)).to.equal('2026-12-29');
  });

  it('given a date and time, then the result keeps the local time of day in the calendar zone', () => {
    expect(addWorkingDays(WIB, '2026-12-04T10:15:00+07:00', 1)).to.equal('2026-12-07T10:15:00+07:00');
    // The same instant in UTC is read in WIB first.
    expect(addWorkingDays(WIB, '2026-12-04T03:15:00Z', 1)).to.equal('2026-12-07T10:15:00+07:00');
    expect(addWorkingDays(WIB, '2026-12-04T03:15:00.250Z', 1)).to.equal('2026-12-07T10:15:00.250+07:00');
    // Without an offset it already is local wall time.
    expect(addWorkingDays(WIT, '2026-12-04T10:15:00', 1)).to.equal('2026-12-07T10:15:00+09:00');
  });

  it('given the zone boundary at midnight, then Friday 23:59:59 is a working day and Saturday 00:00 is not, in WIB, WITA and WIT', () => {
    // 16:59:59Z on Friday 4 December is 23:59:59 WIB, 00:59:59 WITA (Saturday), 01:59:59 WIT (Saturday).
    expect(isWorkingDay(WIB, '2026-12-04T16:59:59Z')).to.equal(true);
    expect(isWorkingDay(WIB, '2026-12-04T17:00:00Z')).to.equal(false);
    expect(isWorkingDay(WITA, '2026-12-04T15:59:59Z')).to.equal(true);
    expect(isWorkingDay(WITA, '2026-12-04T16:00:00Z')).to.equal(false);
    expect(isWorkingDay(WIT, '2026-12-04T14:59:59Z')).to.equal(true);
    expect(isWorkingDay(WIT, '2026-12-04T15:00:00Z')).to.equal(false);
    expect(isWorkingDay({ ...WIB, zone: 'UTC' }, '2026-12-04T17:00:00Z')).to.equal(true);
    expect(localDate(WIT, '2026-12-04T15:00:00Z')).to.equal('2026-12-05');
    // 00:30 WIB on Saturday + 1 working day is Monday 00:30 WIB.
    expect(addWorkingDays(WIB, '2026-12-04T17:30:00Z', 1)).to.equal('2026-12-07T00:30:00+07:00');
    expect(addWorkingDays(WIB, '2026-12-04T16:30:00Z', 1)).to.equal('2026-12-07T23:30:00+07:00');
  });

  it('given from after to, or the same day, then working days between is negative or zero', () => {
    expect(workingDaysBetween(WIB, '2026-12-04', '2026-12-07')).to.equal(1);
    expect(workingDaysBetween(WIB, '2026-12-07', '2026-12-04')).to.equal(-1);
    expect(workingDaysBetween(WIB, '2026-12-07T08:00:00+07:00', '2026-12-07T16:00:00+07:00')).to.equal(0);
    expect(addWorkingDays(WIB, '2026-12-07', -1)).to.equal('2026-12-04');
  });

  it('given a weekend of Friday only, then Thursday + 1 is Saturday', () => {
    expect(addWorkingDays({ zone: 'Asia/Jakarta', weekend: [5], holidays: [] }, '2026-12-03', 1)).to.equal('2026-12-05');
  });

  it('given bad input, then it is refused saying what is wrong', () => {
    expect(() => addWorkingDays(WIB, 'besok', 1)).to.throw(/"besok" is not a date/);
    expect(() => addWorkingDays(WIB, '2026-02-30', 1)).to.throw(/is not a date/);
    expect(() => addWorkingDays(WIB, '2026-12-04', 1.5)).to.throw(/whole number/);
    expect(() => addWorkingDays({ weekend: [1, 2, 3, 4, 5, 6, 7] }, '2026-12-04', 1)).to.throw(/no working day/);
    expect(() => addWorkingDays({ zone: 'Jakarta' }, '2026-12-04', 1)).to.throw(/unknown time zone/);
    expect(() => addWorkingDays({ holidays: ['25-12-2026'] }, '2026-12-04', 1)).to.throw(/holiday "25-12-2026"/);
  });
});

describe('calendar: FEEL working-day functions', () => {
  const bounded = createBoundedEvaluator({ inWorker: () => true });
  after(() => bounded.close());
  const NOW = '2026-12-04T03:00:00.000Z'; // Friday 10:00 WIB

  for (const [name, feel] of [['inline', inlineEvaluator], ['sandbox worker', bounded]] as const) {
    it(`given the tenant calendar (${name}), then the functions count its working days in its zone`, () => {
      const opts = { calendar: WIB };
      expect(feel.evaluate('add working days(now(), 1)', {}, NOW, opts)).to.deep.equal({ ok: true, value: '2026-12-07T10:00:00+07:00', plannedBy: { from: '2026-12-04T10:00:00+07:00', n: 1 } });
      expect(feel.evaluate('add working days(date("2026-12-23"), 1)', {}, NOW, opts)).to.deep.include({ ok: true, value: '2026-12-28' });
      expect(feel.evaluate('add working days(masuk, 2)', { masuk: '2025-04-17' }, NOW, opts)).to.deep.include({ ok: true, value: '2025-04-22' });
      expect(feel.evaluate('working days between(date("2025-03-27"), date("2025-04-08"))', {}, NOW, opts)).to.deep.equal({ ok: true, value: 1 });
      expect(feel.evaluate('is working day(date("2025-04-18"))', {}, NOW, opts)).to.deep.equal({ ok: true, value: false });
      expect(feel.evaluate('if is working day(today()) then "buka" else "tutup"', {}, NOW, opts)).to.deep.equal({ ok: true, value: 'buka' });
      expect(feel.evaluate('add working days(null, 1)', {}, NOW, opts)).to.deep.equal({ ok: true, value: null });
      // A deadline shifted after the call is not the call's result: it cannot be re-planned from it.
      expect(feel.evaluate('add working days(now(), 1) + duration("PT1H")', {}, NOW, opts)).to.deep.equal({ ok: true, value: '2026-12-07T11:00:00+07:00' });
      const bad = feel.evaluate('add working days(now(), "tiga")', {}, NOW, opts);
      expect(bad.ok).to.equal(false);
      expect(bad.ok ? '' : bad.error).to.match(/n must be a whole number/);
    });
  }

  it('given no calendar, then Monday to Friday count in UTC', () => {
    expect(inlineEvaluator.evaluate('add working days(date("2026-12-04"), 1)', {}, NOW)).to.deep.include({ value: '2026-12-07' });
    expect(inlineEvaluator.evaluate('is working day(date("2025-04-18"))', {}, NOW)).to.deep.equal({ ok: true, value: true });
  });
});
