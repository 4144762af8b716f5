/**
 * The bounded FEEL evaluator (sandbox.ts): ordinary values on both paths, runaway expressions cut
 * off by the budget, recovery after a cut, identical results inline and in the worker, result
 * and context limits, and a worker that never keeps the process alive.
 */
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { evaluateInline, type FeelResult } from '../../engine/expressions/feel.js';
import { createBoundedEvaluator, type BoundedFeelEvaluator } from '../../engine/expressions/sandbox.js';
import { DOUBLING } from './fixtures/doubling.js';

const NOW = '2024-05-01T08:30:00Z';
const BUDGET = 100;
const CATASTROPHIC = 'a'.repeat(40) + 'b';

/**
 * Evaluates after a trivial risky call (so the worker runs). Specs assert what the budget does —
 * the evaluation is cut with the budget's error and the evaluator serves the next call — never
 * an upper wall-clock limit, which a loaded machine breaks.
 */
function cut(evaluator: BoundedFeelEvaluator, expression: string, context: Record<string, unknown> = {}): FeelResult {
  expect(evaluator.evaluate('for x in [1] return x', {}, NOW)).to.deep.equal({ ok: true, value: [1] });
  const result = evaluator.evaluate(expression, context, NOW);
  expect(evaluator.evaluate('for x in [2] return x', {}, NOW), 'the evaluator after the cut').to.deep.equal({ ok: true, value: [2] });
  return result;
}

function errorOf(result: FeelResult): string {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`);
  return result.error;
}

describe('bounded FEEL evaluator', () => {
  let evaluator: BoundedFeelEvaluator;
  before(() => { evaluator = createBoundedEvaluator({ timeoutMs: BUDGET }); });
  after(() => evaluator.close());

  describe('values', () => {
    const cases: Array<[string, Record<string, unknown>, unknown]> = [
      ['1 + 2 * 3', {}, 7],
      ['"Kab. " + name', { name: 'Sleman' }, 'Kab. Sleman'],
      ['applicant.documents[2]', { applicant: { documents: ['ktp', 'kk'] } }, 'kk'],
      ['for d in docs return upper case(d)', { docs: ['ktp', 'kk'] }, ['KTP', 'KK']],
      ['sum(for i in 1..10 return i)', {}, 55],
      ['every x in scores satisfies x >= 60', { scores: [70, 80] }, true],
      ['matches(nik, "^[0-9]{16}$")', { nik: '3404010101900001' }, true],
      ['split("a,b,c", ",")', {}, ['a', 'b', 'c']],
      ['{f: function(n) if n < 1 then 0 else n + f(n - 1), r: f(10)}.r', {}, 55],
      ['for d in [date("2024-01-31")] return d + duration("P1M")', {}, ['2024-02-29']],
      ['for x in [1] return now()', {}, [NOW]],
      ['for x in [1] return today()', {}, ['2024-05-01']],
      ['now() + duration("PT1H")', {}, '2024-05-01T09:30:00Z'],
    ];
    for (const [expression, context, expected] of cases) {
      it(`given ${expression}, when evaluated, then it is ${JSON.stringify(expected)}`, () => {
        expect(evaluator.evaluate(expression, context, NOW)).to.deep.equal({ ok: true, value: expected });
      });
    }

    it('given a syntax error in a risky expression, when evaluated, then it is an error naming it', () => {
      expect(errorOf(evaluator.evaluate('for x in return x', {}, NOW))).to.contain('FEEL "for x in return x" failed');
    });
  });

  describe('runaway expressions', () => {
    const runaways: Array<[string, string, Record<string, unknown>]> = [
      ['a long loop', 'count(for i in 1..100000000 return i)', {}],
      ['a nested loop', 'for x in 1..10000000, y in 1..10000000 return x', {}],
      ['a catastrophic regular expression', 'matches(s, "(a+)+$")', { s: CATASTROPHIC }],
      ['exponential recursion', '{fib: function(n) if n < 2 then n else fib(n - 1) + fib(n - 2), r: fib(40)}.r', {}],
      ['a quantifier over a long range', 'some i in 1..100000000 satisfies i < 0', {}],
      // Attack 3: no loop, range, function or regular expression, yet 67 million elements.
      ['a context that doubles a list 23 times', DOUBLING, {}],
    ];
    for (const [what, expression, context] of runaways) {
      it(`given ${what}, when evaluated, then the budget cuts it and the evaluator goes on`, () => {
        expect(errorOf(cut(evaluator, expression, context))).to.equal(`FEEL expression exceeded its time budget of ${BUDGET} ms (or its 64 MB of memory): ${JSON.stringify(expression.length > 200 ? `${expression.slice(0, 200)}…` : expression)}`);
      });
    }

    it('given unbounded recursion, when evaluated, then the stack overflow (or the budget) ends it and the evaluator goes on', () => {
      expect(errorOf(cut(evaluator, '{f: function(n) f(n + 1), r: f(1)}.r'))).to.match(/Maximum call stack size exceeded|time budget/);
    });

    it('given a timeout, when evaluating again, then both paths still work', () => {
      expect(errorOf(evaluator.evaluate('matches(s, "(a+)+$")', { s: CATASTROPHIC }, NOW))).to.contain('time budget');
      expect(evaluator.evaluate('1 + 1', {}, NOW)).to.deep.equal({ ok: true, value: 2 });
      expect(evaluator.evaluate('for x in [1, 2] return x * 2', {}, NOW)).to.deep.equal({ ok: true, value: [2, 4] });
      expect(errorOf(evaluator.evaluate('count(for i in 1..100000000 return i)', {}, NOW))).to.contain('time budget');
      expect(evaluator.evaluate('matches("aab", "a+b")', {}, NOW)).to.deep.equal({ ok: true, value: true });
    });

    it('given a long expression that runs away, when it fails, then the message abbreviates it', () => {
      const expression = `count(for i in 1..100000000 return i) + 0 * ${'1 + '.repeat(100)}1`;
      const error = errorOf(evaluator.evaluate(expression, {}, NOW));
      expect(error.length).to.be.below(300);
      expect(error).to.contain('…');
    });
  });

  describe('inline and worker agree', () => {
    const expressions = [
      '1 + 2', '10 / 4', '1 / 0', '"a" + 1', 'x.y', 'missing', 'null', '[1, 2, 3][item > 1]', '{a: 1, b: [x, "s"]}',
      'date("2024-02-28") + duration("P1D")', 'date and time("2024-01-02T10:00:00+07:00")', 'duration("P1Y2M")',
      'time("10:15:00")', 'now()', 'today()', 'string(now())', 'upper case(name)', 'substring("Sleman", 2, 3)',
      'for i in 1..3 return i * i', 'matches("abc", "b")', 'replace("a-b", "-", "+")', 'function(x) x', '[1..3]',
      'foo(', '1 +', 'unknownFunction(1)', 'sort([3, 1, 2], function(a, b) a < b)', 'list contains([1, 2], 2)',
    ];
    it('given the same expressions, when evaluated inline and in the worker, then results are identical', () => {
      const inWorker = createBoundedEvaluator({ timeoutMs: 2000, inWorker: () => true });
      try {
        const context = { x: { y: 3 }, name: 'Kulon Progo' };
        for (const expression of expressions) {
          expect(inWorker.evaluate(expression, context, NOW), expression).to.deep.equal(evaluateInline(expression, context, NOW));
        }
      } finally {
        inWorker.close();
      }
    });
  });

  describe('limits', () => {
    it('given a result larger than maxResultBytes, when evaluated on either path, then it is an error', () => {
      const small = createBoundedEvaluator({ timeoutMs: 2000, maxResultBytes: 1000 });
      try {
        const context = { text: 'x'.repeat(2000) };
        expect(errorOf(small.evaluate('text', context, NOW))).to.contain('result is larger than 1000 bytes');
        expect(errorOf(small.evaluate('for i in 1..300 return i', {}, NOW))).to.contain('result is larger than 1000 bytes');
        expect(small.evaluate('for i in 1..3 return i', {}, NOW)).to.deep.equal({ ok: true, value: [1, 2, 3] });
      } finally {
        small.close();
      }
    });

    // A worker killed for memory cannot report it while this thread blocks, so the caller learns
    // of it when the budget runs out.
    it('given an expression that exhausts the worker memory, when evaluated, then it fails and the next call works', () => {
      const tight = createBoundedEvaluator({ timeoutMs: 1500, maxMemoryMb: 16 });
      try {
        const result = tight.evaluate('count(for x in 1..10000000 return {a: x, b: [x, x, x]})', {}, NOW);
        expect(errorOf(result)).to.contain('exceeded its time budget of 1500 ms');
        expect(tight.evaluate('for x in [1] return x', {}, NOW)).to.deep.equal({ ok: true, value: [1] });
      } finally {
        tight.close();
      }
    });

    it('given a context holding a function, when sent to the worker, then it is an error, not a crash', () => {
      const error = errorOf(evaluator.evaluate('for x in [1] return f', { f: () => 1 }, NOW));
      expect(error).to.contain('context is not plain data');
      expect(evaluator.evaluate('for x in [1] return x', {}, NOW)).to.deep.equal({ ok: true, value: [1] });
    });
  });

  describe('lifecycle', () => {
    it('given a closed evaluator, when a risky expression comes, then a new worker serves it', () => {
      expect(evaluator.evaluate('for x in [1] return x', {}, NOW)).to.deep.equal({ ok: true, value: [1] });
      evaluator.close();
      evaluator.close();
      expect(evaluator.evaluate('for x in [2] return x', {}, NOW)).to.deep.equal({ ok: true, value: [2] });
    });

    it('given a worker that cannot start in time, when an expression comes, then it is an error and trivial ones still work', () => {
      const hasty = createBoundedEvaluator({ startupTimeoutMs: 1 });
      try {
        expect(errorOf(hasty.evaluate('1 + 1', {}, NOW))).to.equal('FEEL sandbox did not start within 1 ms');
        expect(hasty.evaluate('pemohon.nama', { pemohon: { nama: 'Sari' } }, NOW)).to.deep.equal({ ok: true, value: 'Sari' });
      } finally {
        hasty.close();
      }
    });

    it('given a process that used the worker and never closed it, when its work is done, then it exits', async () => {
      const script = fileURLToPath(new URL('./fixtures/exits-without-close.ts', import.meta.url));
      const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { timeout: 15000 });
      expect(JSON.parse(stdout)).to.deep.equal([{ ok: true, value: [2] }, { ok: false, timedOut: true }]);
    });
  });
});
