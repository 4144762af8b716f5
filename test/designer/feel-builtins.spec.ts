/**
 * The designer's FEEL editor offers exactly the working-day functions the engine evaluates, with
 * the parameters the engine takes, alongside Camunda's built-ins.
 */
import { expect } from 'chai';
import { camundaBuiltins } from '@camunda/feel-builtins';
import { WORKING_DAY_BUILTINS, feelLanguageContext } from '../../designer/src/modeler/feel-builtins.js';
import { WORKING_DAY_FUNCTIONS } from '../../engine/calendar/feel-functions.mjs';
import { inlineEvaluator } from '../../engine/expressions/feel.js';

describe('designer: FEEL editor builtins', () => {
  it('given the editor context, then it lists Camunda built-ins and each engine working-day function once', () => {
    expect(WORKING_DAY_BUILTINS.map((b) => b.name)).to.deep.equal(WORKING_DAY_FUNCTIONS);
    expect(feelLanguageContext.builtins.length).to.equal(camundaBuiltins.length + WORKING_DAY_FUNCTIONS.length);
    expect(feelLanguageContext.builtins.some((b) => b.name === 'date and time')).to.equal(true);
    for (const b of WORKING_DAY_BUILTINS) expect(b.info, b.name).to.match(/hari kerja/).and.to.match(/working day/);
  });

  it('given each documented example, then the engine evaluates it', () => {
    const calendar = { zone: 'Asia/Jakarta', weekend: [6, 7], holidays: ['2026-12-25'] };
    for (const b of WORKING_DAY_BUILTINS) {
      const example = /<code>([^<]*\([^<]*\))<\/code><\/pre>/.exec(b.info)?.[1];
      expect(example, b.name).to.be.a('string');
      const r = inlineEvaluator.evaluate(example!, { tanggalMasuk: '2026-12-21' }, '2026-12-24T02:00:00.000Z', { calendar });
      expect(r.ok, `${example} → ${JSON.stringify(r)}`).to.equal(true);
    }
    expect(inlineEvaluator.evaluate('working days between(tanggalMasuk, today())', { tanggalMasuk: '2026-12-21' }, '2026-12-28T02:00:00.000Z', { calendar })).to.deep.equal({ ok: true, value: 4 });
  });
});
