/**
 * Form patterns in linear time (engine/forms/pattern.ts): the same answers as the browser's
 * RegExp (form-js) for the patterns forms use, a crafted value answered at once, what RE2 cannot
 * run reported, and one ajv instance keeping each pattern apart.
 */
import { expect } from 'chai';
import { compilePattern } from '../../engine/forms/pattern.js';
import { formAjv } from '../../engine/forms/ajv.js';

const SAME_AS_FORM_JS: Array<[string, string[]]> = [
  ['^[0-9]{16}$', ['3374012345670001', '337401234567000', 'x3374012345670001']],
  ['\\d+/DPU/\\d{4}', ['12/DPU/2026', 'surat 12/DPU/2026 ok', '12/DPU/26']],
  ['^(?<tahun>\\d{4})-\\d{2}$', ['2026-12', '26-12']],
  ['^[A-Z]{1,2} \\d{1,4} [A-Z]{0,3}$', ['H 1234 AB', 'h 1234 ab']],
  ['^\\w+@[\\w.]+\\.go\\.id$', ['ana@semarangkota.go.id', 'ana@gmail.com']],
  ['a/b', ['xa/by', 'ab']],
  ['^[^\\s]+$', ['tanpa-spasi', 'ada spasi']],
];

describe('forms: patterns in linear time', () => {
  for (const [pattern, values] of SAME_AS_FORM_JS) {
    it(`given ${pattern}, when tested, then it answers as form-js's RegExp does (a search, no u flag)`, () => {
      const compiled = compilePattern(pattern);
      if ('error' in compiled) throw new Error(compiled.error);
      for (const value of values) expect(compiled.test(value), value).to.equal(new RegExp(pattern).test(value));
    });
  }

  it('given ^(a+)+$ and 32 a followed by !, when tested, then it answers false without backtracking', () => {
    const compiled = compilePattern('^(a+)+$');
    if ('error' in compiled) throw new Error(compiled.error);
    expect(compiled.test(`${'a'.repeat(32)}!`)).to.equal(false);
    expect(compiled.test('a'.repeat(32))).to.equal(true);
  });

  it('given a backreference or lookaround, when compiled, then RE2 reports it cannot run it', () => {
    for (const pattern of ['(a)\\1', '(?=a)a', '(?!a)b', '(?<=a)b']) expect(compilePattern(pattern), pattern).to.have.property('error');
  });

  it('given two patterns in the one ajv instance, when compiled, then each keeps its own (ajv caches patterns by their text)', () => {
    const letters = formAjv.compile({ type: 'string', pattern: '^[a-z]+$' });
    const digits = formAjv.compile({ type: 'string', pattern: '^[0-9]+$' });
    expect([letters('abc'), letters('123'), digits('abc'), digits('123')]).to.deep.equal([true, false, false, true]);
  });
});
