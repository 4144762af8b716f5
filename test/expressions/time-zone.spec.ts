import { expect } from 'chai';
import { zonedIso, offsetMinutes } from '../../engine/expressions/time-zone.js';
import { inlineEvaluator, inTimeZone } from '../../engine/expressions/feel.js';
import { createBoundedEvaluator } from '../../engine/expressions/sandbox.js';

// 06:30 on 30 November in Jakarta is still 29 November in UTC.
const EARLY_MORNING_WIB = '2026-11-29T23:30:00.000Z';

describe('expressions: time zone of now() and today()', () => {
  it('given Indonesian zones and offsets, then the instant is written as their wall time with the offset', () => {
    expect(zonedIso(EARLY_MORNING_WIB, 'Asia/Jakarta')).to.equal('2026-11-30T06:30:00.000+07:00');
    expect(zonedIso(EARLY_MORNING_WIB, 'Asia/Makassar')).to.equal('2026-11-30T07:30:00.000+08:00');
    expect(zonedIso(EARLY_MORNING_WIB, 'Asia/Jayapura')).to.equal('2026-11-30T08:30:00.000+09:00');
    expect(zonedIso(EARLY_MORNING_WIB, '+07:00')).to.equal('2026-11-30T06:30:00.000+07:00');
    expect(zonedIso(EARLY_MORNING_WIB, '-03:30')).to.equal('2026-11-29T20:00:00.000-03:30');
    expect(zonedIso(EARLY_MORNING_WIB, 'UTC')).to.equal(EARLY_MORNING_WIB);
    expect(new Date(zonedIso(EARLY_MORNING_WIB, 'Asia/Jayapura')).toISOString()).to.equal(EARLY_MORNING_WIB);
  });

  it('given an unknown zone, then it is refused with what to write instead', () => {
    expect(() => offsetMinutes('Jakarta', new Date(0))).to.throw(/unknown time zone "Jakarta": give an IANA name \(Asia\/Jakarta\) or an offset \(\+07:00\)/);
    expect(() => inTimeZone(inlineEvaluator, '+7')).to.throw(/unknown time zone/);
  });

  it('given WIB, when FEEL asks today() at 06:30 WIB, then it is the local date; now() keeps the offset and the instant', () => {
    const wib = inTimeZone(inlineEvaluator, 'Asia/Jakarta');
    expect(wib.evaluate('today()', {}, EARLY_MORNING_WIB)).to.deep.equal({ ok: true, value: '2026-11-30' });
    expect(inlineEvaluator.evaluate('today()', {}, EARLY_MORNING_WIB)).to.deep.equal({ ok: true, value: '2026-11-29' });
    const due = wib.evaluate('now() + duration("P3D")', {}, EARLY_MORNING_WIB);
    expect(due).to.deep.equal({ ok: true, value: '2026-12-03T06:30:00+07:00' });
    expect(new Date((due as { value: string }).value).toISOString()).to.equal('2026-12-02T23:30:00.000Z');
  });

  it('given the bounded evaluator in a zone, then risky expressions in its worker see the same zone, and close() still releases it', () => {
    const bounded = createBoundedEvaluator();
    const wib = inTimeZone(bounded, '+07:00');
    try {
      expect(wib.evaluate('for d in [today()] return string(d)', {}, EARLY_MORNING_WIB)).to.deep.equal({ ok: true, value: ['2026-11-30'] });
    } finally {
      wib.close();
    }
  });
});
