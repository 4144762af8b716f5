import { expect } from 'chai';
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

  it('given a runaway hide condition and the bounded evaluator, then validation ends and treats it as "not hidden"', () => {
    const validate = compileFormValidator(form, { evaluator });
    const started = Date.now();
    const result = validate({}, { daftar: ['lewat'] });
    expect(Date.now() - started).to.be.below(5000);
    // the runaway condition failed (so the field shows and is required); the harmless loop worked
    expect(result).to.deep.equal({ ok: false, errors: [{ path: 'catatan', code: 'required', message: '"catatan" is required.' }] });
  });
});
