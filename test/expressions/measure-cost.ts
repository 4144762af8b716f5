/**
 * Prints the per-call cost of the two paths of the bounded FEEL evaluator (inline and worker) and
 * the cost of starting a worker. A measurement, not a test: `npx tsx test/expressions/measure-cost.ts`.
 */
import { createBoundedEvaluator } from '../../engine/expressions/sandbox.js';

const NOW = '2024-05-01T08:00:00Z';
const context = { amount: 1500000, applicant: { district: 'Sleman', documents: ['ktp', 'kk'] } };
const expressions = ['amount > 1000000 and applicant.district = "Sleman"', 'count(applicant.documents) >= 2'];

function perCall(inWorker: boolean, rounds: number): number {
  const evaluator = createBoundedEvaluator({ timeoutMs: 1000, inWorker: () => inWorker });
  for (const e of expressions) evaluator.evaluate(e, context, NOW); // warm-up, starts the worker
  const start = performance.now();
  for (let i = 0; i < rounds; i++) evaluator.evaluate(expressions[i % expressions.length], context, NOW);
  const ms = (performance.now() - start) / rounds;
  evaluator.close();
  return ms;
}

function startup(): number {
  const evaluator = createBoundedEvaluator({ timeoutMs: 1000 });
  const start = performance.now();
  evaluator.evaluate('for x in [1] return x', {}, NOW);
  const ms = performance.now() - start;
  evaluator.close();
  return ms;
}

console.log(`inline: ${(perCall(false, 5000) * 1000).toFixed(0)} µs/call`);
console.log(`worker: ${(perCall(true, 5000) * 1000).toFixed(0)} µs/call`);
console.log(`worker start + first call: ${startup().toFixed(0)} ms`);
