/**
 * The worker thread of the bounded FEEL evaluator (sandbox.ts). It owns one thing: evaluating a
 * FEEL expression with feelin and replying with a plain JSON result. It must never do I/O, keep
 * state between jobs, or import TypeScript: it is plain JavaScript so that it starts under plain
 * Node and under tsx alike, without a loader.
 *
 * Protocol (see sandbox.ts): jobs `{ id, expression, context, now, calendar }` arrive on `workerData.port`;
 * the reply `{ id, ok, json | error }` goes back on the same port, and only then is `id` stored in
 * slot DONE of `workerData.signal` and notified, so the blocked caller finds the reply waiting.
 * Slot READY is set once feelin has loaded.
 */
import { workerData } from 'node:worker_threads';
import { Buffer } from 'node:buffer';
import { evaluate } from 'feelin';
import { plannedBy, workingDayFunctions } from '../calendar/feel-functions.mjs';

const READY = 0;
const DONE = 1;
const { port, signal: buffer, maxResultBytes } = workerData;
const signal = new Int32Array(buffer);

// Mirrors evaluateInline in feel.ts (which this file cannot import); the sandbox tests assert
// that both paths give identical results and messages.
function run({ expression, context, now, calendar }) {
  try {
    const calls = [];
    const ctx = {
      ...context,
      ...workingDayFunctions(calendar, calls),
      now: () => evaluate(`date and time("${now}")`, {}).value,
      today: () => evaluate(`date("${now.slice(0, 10)}")`, {}).value,
    };
    const { value } = evaluate(expression, ctx);
    // Same steps as toPlain in feel.ts, so that values that are not JSON fail the same way.
    const json = value === undefined ? 'null' : JSON.stringify(value ?? null);
    JSON.parse(json);
    if (Buffer.byteLength(json, 'utf8') > maxResultBytes) {
      return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: result is larger than ${maxResultBytes} bytes` };
    }
    const planned = calls.length > 0 ? plannedBy(calls, JSON.parse(json)) : undefined;
    return planned ? { ok: true, json, plannedBy: planned } : { ok: true, json };
  } catch (err) {
    return { ok: false, error: `FEEL ${JSON.stringify(expression)} failed: ${err.message}` };
  }
}

port.on('message', (job) => {
  port.postMessage({ id: job.id, ...run(job) });
  Atomics.store(signal, DONE, job.id);
  Atomics.notify(signal, DONE);
});

// A cold worker's first evaluations compile feelin's interpreter and take far longer than warm
// ones; that cost is start-up's (startupTimeoutMs), not the first expression's budget.
for (const expression of ['1 + 2 * 3 > 4 and x = "a"', 'for i in [1, 2] return upper case(string(i))', 'date("2024-01-31") + duration("P1M")', 'now()', 'count({a: [1], b: concatenate(a, a)}.b)', 'some y in [1] satisfies y > 0']) {
  for (let i = 0; i < 5; i++) run({ expression, context: { x: 'a' }, now: '2024-01-01T00:00:00Z' });
}

Atomics.store(signal, READY, 1);
Atomics.notify(signal, READY);
