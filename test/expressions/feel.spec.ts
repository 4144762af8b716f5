/**
 * FEEL through feelin in this thread (feel.ts): values of ordinary expressions, the caller's clock
 * for now()/today(), deployment-time syntax checks and the risky-expression classifier.
 */
import { expect } from 'chai';
import { checkFeel, evaluateInline, inlineEvaluator, trivialFeel, stripFeelPrefix, toPlain } from '../../engine/expressions/feel.js';

const NOW = '2024-05-01T08:30:00Z';

function valueOf(expression: string, context: Record<string, unknown> = {}): unknown {
  const result = evaluateInline(expression, context, NOW);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

describe('FEEL inline evaluation', () => {
  it('given arithmetic and comparisons, when evaluated, then it returns numbers and booleans', () => {
    expect(valueOf('1 + 2 * 3')).to.equal(7);
    expect(valueOf('amount > 1000000', { amount: 1500000 })).to.equal(true);
    expect(valueOf('10 / 4')).to.equal(2.5);
  });

  it('given strings, when evaluated, then it concatenates and calls string functions', () => {
    expect(valueOf('"Kab. " + name', { name: 'Sleman' })).to.equal('Kab. Sleman');
    expect(valueOf('upper case("sleman")')).to.equal('SLEMAN');
    expect(valueOf('string length("Bantul")')).to.equal(6);
  });

  it('given contexts and lists, when evaluated, then it returns plain objects and arrays', () => {
    expect(valueOf('applicant.district', { applicant: { district: 'Bantul' } })).to.equal('Bantul');
    expect(valueOf('{a: 1, b: [x, 2]}', { x: 'y' })).to.deep.equal({ a: 1, b: ['y', 2] });
    expect(valueOf('docs[item != "kk"]', { docs: ['ktp', 'kk', 'npwp'] })).to.deep.equal(['ktp', 'npwp']);
    expect(valueOf('count(docs)', { docs: ['ktp', 'kk'] })).to.equal(2);
  });

  it('given dates, times and durations, when evaluated, then it returns ISO strings', () => {
    expect(valueOf('date("2024-01-31") + duration("P1D")')).to.equal('2024-02-01');
    expect(valueOf('date and time("2024-01-02T10:00:00Z")')).to.equal('2024-01-02T10:00:00Z');
    expect(valueOf('duration("P3D")')).to.equal('P3D');
    expect(valueOf('date("2024-03-01") - date("2024-02-01")')).to.equal('P29D');
    expect(valueOf('time("10:15:00")')).to.equal('10:15:00');
  });

  it('given now() and today(), when evaluated, then they read the given clock', () => {
    expect(valueOf('now()')).to.equal(NOW);
    expect(valueOf('today()')).to.equal('2024-05-01');
    expect(valueOf('now() + duration("PT1H")')).to.equal('2024-05-01T09:30:00Z');
  });

  it('given a context variable named now, when now() is called, then the clock wins', () => {
    expect(valueOf('now()', { now: 'spoofed' })).to.equal(NOW);
  });

  it('given a missing variable, when evaluated, then the value is null', () => {
    expect(valueOf('missing')).to.equal(null);
  });

  it('given an invalid expression, when evaluated, then the result is an error naming it', () => {
    const result = evaluateInline('1 +', {}, NOW);
    expect(result.ok).to.equal(false);
    expect(!result.ok && result.error).to.contain('FEEL "1 +" failed');
  });

  it('given the inline evaluator object, when used, then it is evaluateInline', () => {
    expect(inlineEvaluator.evaluate('1 + 1', {}, NOW)).to.deep.equal({ ok: true, value: 2 });
  });
});

describe('checkFeel', () => {
  it('given valid expressions, when checked, then there is no message', () => {
    for (const e of ['1 + 2', 'a.b > 3', 'for x in xs return x * 2', 'date("2024-01-01")', 'if a then "x" else "y"']) {
      expect(checkFeel(e), e).to.equal(undefined);
    }
  });

  it('given syntax errors, when checked, then the message names the position or the error', () => {
    expect(checkFeel('')).to.equal('empty expression');
    expect(checkFeel('1 +')).to.match(/^invalid FEEL/);
    expect(checkFeel('foo(')).to.match(/^invalid FEEL/);
    expect(checkFeel('{a: }')).to.equal('invalid FEEL at position 4: "{a: }"');
    expect(checkFeel('for x in return x')).to.match(/^invalid FEEL at position 9/);
  });
});

describe('trivialFeel', () => {
  it('given literals and variable paths, when read, then they are answered without feelin, a missing name as null', () => {
    const context = { nip: '1987', pemohon: { nama: 'Sari' } };
    expect(trivialFeel('nip', context)).to.deep.equal({ value: '1987' });
    expect(trivialFeel('pemohon.nama', context)).to.deep.equal({ value: 'Sari' });
    expect(trivialFeel('pemohon.umur', context)).to.deep.equal({ value: null });
    expect(trivialFeel(' 42 ', context)).to.deep.equal({ value: 42 });
    expect(trivialFeel('"Sleman"', context)).to.deep.equal({ value: 'Sleman' });
    expect(trivialFeel('constructor', context), 'own properties only').to.deep.equal({ value: null });
  });

  it('given anything that computes, when read, then it is not trivial (the bounded evaluator sends it to its worker)', () => {
    for (const e of ['amount > 1000000', 'count(docs) >= 2', 'now()', 'docs.size', 'for x in xs return x', 'count({a: [1, 2], b: concatenate(a, a)}.b)']) {
      expect(trivialFeel(e, { docs: [], xs: [] }), e).to.equal(undefined);
    }
  });
});

describe('stripFeelPrefix and toPlain', () => {
  it('given a Camunda attribute, when stripped, then only a leading = goes', () => {
    expect(stripFeelPrefix('= a + 1')).to.equal(' a + 1');
    expect(stripFeelPrefix('PT1H')).to.equal('PT1H');
  });

  it('given undefined or nested values, when made plain, then they are JSON data', () => {
    expect(toPlain(undefined)).to.equal(null);
    expect(toPlain({ a: [1, { b: 'c' }] })).to.deep.equal({ a: [1, { b: 'c' }] });
  });
});
