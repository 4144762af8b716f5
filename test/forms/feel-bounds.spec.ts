import { expect } from 'chai';
import type { FeelEvaluator, FeelResult } from '../../engine/expressions/feel.js';
import { createBoundedEvaluator } from '../../engine/expressions/sandbox.js';
import { compileFormValidator, type FormSchema } from '../../engine/forms/index.js';

describe('forms: FEEL runs through the evaluator the caller chooses', () => {
  const evaluator = createBoundedEvaluator({ timeoutMs: 200 });
  after(() => evaluator.close());

  const form: FormSchema = {
    type: 'default',
    id: 'Form_loop',
    components: [
      {
        type: 'textfield', id: 'A', key: 'catatan', validate: { required: true },
        // a hostile hide condition: a loop over a huge range that would hang an unbounded evaluator
        conditional: { hide: '=some x in 1..100000000000 satisfies x < 0' },
      },
      { type: 'textfield', id: 'B', key: 'alasan', validate: { required: true }, conditional: { hide: '=some x in daftar satisfies x = "lewat"' } },
    ],
  };

  it('given a runaway hide condition and the bounded evaluator, then the budget cuts it and validation treats it as "not hidden"', () => {
    const seen: [string, FeelResult][] = [];
    const watched: FeelEvaluator = { evaluate: (expression, context, now) => {
      const result = evaluator.evaluate(expression, context, now);
      seen.push([expression, result]);
      return result;
    } };
    const validate = compileFormValidator(form, { evaluator: watched });
    const result = validate({}, { daftar: ['lewat'] });
    const runaway = seen.filter(([expression]) => expression.includes('100000000000')).map(([, r]) => r);
    expect(runaway).to.have.length.greaterThan(0);
    for (const r of runaway) expect(r).to.deep.equal({ ok: false, error: 'FEEL expression exceeded its time budget of 200 ms (or its 64 MB of memory): "some x in 1..100000000000 satisfies x < 0"' });
    // the runaway condition failed (so the field shows and is required); the harmless loop worked
    expect(result.ok).to.equal(false);
    expect(result.ok ? [] : result.errors.map(({ path, code, message }) => ({ path, code, message }))).to.deep.equal([{ path: 'catatan', code: 'required', message: '"catatan" is required.' }]);
  });
});
