/**
 * The betsy adapter: runs one betsy test case on the core through the in-memory engine. Script
 * tasks become jobs of type `betsy` whose header holds the placeholder token; the handler turns
 * tokens into trace lines; the virtual clock advances by the case's delay instead of sleeping.
 * Errors become betsy's outcome tokens only when they are errors the engine reports on purpose
 * (a refusal, an incident); an exception escaping the engine is a crash and never passes for an
 * expected error, and an expected error must be the one the test is about (betsy-errors.ts).
 */
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { MemoryEngine, after, type MemoryJob } from '../../engine/memory/engine.js';
import { isExpectedError, type ObservedError } from './betsy-errors.js';
import { translateBetsyExpression } from './betsy-expressions.js';

export interface BetsyCase {
  number: number;
  delay_ms: number;
  start_parallel_process_first: boolean;
  expected_trace: string[];
  start_variables: Record<string, unknown>;
}

/** Runs one case and returns the trace the harness compares (outcome tokens appended). */
/** What one case produced: the trace the harness compares, and every error in words. */
export interface BetsyRun {
  trace: string[];
  errors: string[];
}

/** Runs one case of `test` (its name picks the expected error) and returns its trace. */
export async function runBetsyCase(xml: string, test: { name: string; start_process_id: string }, c: BetsyCase): Promise<BetsyRun> {
  const compiled = await compileBpmn(xml, { scriptJobType: 'betsy', translateExpression: translateBetsyExpression });
  if (!compiled.ok) {
    const errors = compiled.errors.map((e): ObservedError => ({ kind: 'deployment', element: e.element, message: e.message }));
    return outcome(test.name, [], errors, c);
  }
  const trace: string[] = [];
  let marker = false;
  let dataCorrect = false;
  let parallel = false;
  const engine: MemoryEngine = new MemoryEngine(compiled.definitions.processes, {
    handlers: {
      betsy(job: MemoryJob, vars) {
        const token = (job.headers.script ?? '').trim();
        if (/^SCRIPT_task\d$/.test(token)) trace.push(token);
        else if (token === 'CREATE_MARKER_FILE') marker = true;
        else if (token === 'INCREMENT_INTEGER_VARIABLE') return { integerVariable: Number(vars.integerVariable ?? 0) + 1 };
        else if (token === 'INCREMENT_INTEGER_VARIABLE_AND_LOG') {
          trace.push('INCREMENT_correct');
          return { integerVariable: Number(vars.integerVariable ?? 0) + 1 };
        } else if (token === 'SET_STRING_DATA') return { data: 'String' };
        else if (token === 'LOG_DATA') dataCorrect ||= vars.data === 'String';
        else if (token === 'THROW_ERROR') throw { bpmnError: 'ERR_CODE' };
        else if (token === 'WAIT_TEN_SECONDS') return after(10_000);
        else if (token.startsWith('CREATE_TIMESTAMP_LOG')) {
          // Both timestamp tasks overlap when the other one is enqueued while this one runs.
          const other = token.endsWith('1') ? 'CREATE_TIMESTAMP_LOG_2' : 'CREATE_TIMESTAMP_LOG_1';
          if (engine.jobs.some((j) => j.headers.script?.trim() === other)) parallel = true;
        }
        return undefined;
      },
    },
  });
  let crash: string | undefined;
  try {
    if (c.start_parallel_process_first) engine.start('ParallelProcess', {});
    engine.runJobs();
    engine.start(test.start_process_id, { ...c.start_variables });
    engine.runJobs();
    // Advance by the case's delay, and past work still running (a task that takes ten seconds).
    engine.advance(Math.max(c.delay_ms, engine.running.length > 0 ? 11_000 : 0));
    engine.runJobs();
  } catch (err) {
    crash = (err as Error).message ?? String(err);
  }
  const out = [...trace];
  if (crash !== undefined) out.push(`CRASH ${crash}`);
  if (marker && c.expected_trace.includes('MARKER_exists')) out.push('MARKER_exists');
  if (dataCorrect && c.expected_trace.includes('DATA_correct')) out.push('DATA_correct');
  if (parallel && c.expected_trace.includes('EXECUTION_parallel')) out.push('EXECUTION_parallel');
  const errors = [...engine.incidents.values()].map((i): ObservedError => ({ kind: 'incident', element: i.elementId, type: i.type, message: i.message }));
  const run = outcome(test.name, out, errors, c);
  return crash === undefined ? run : { ...run, errors: [...run.errors, `crash: ${crash}`] };
}

/**
 * Appends the outcome tokens for the errors seen: `ERROR_thrownErrorEvent` for an uncaught error
 * end event, `ERROR_deployment` / `ERROR_runtime` for a refusal / any other incident. When the
 * case expects an error, those two count only if the error is the one the test is about; otherwise
 * they become `UNRELATED_ERROR …`, which matches no expectation.
 */
function outcome(test: string, trace: string[], errors: ObservedError[], c: BetsyCase): BetsyRun {
  const out = [...trace];
  const expectsError = c.expected_trace.some((t) => t === 'ERROR' || t === 'ERROR_runtime' || t === 'ERROR_deployment');
  const thrown = errors.filter((e) => e.type === 'unhandled-error');
  const others = errors.filter((e) => e.type !== 'unhandled-error');
  if (others.length > 0) {
    // A refusal lists every problem of the model: the expected one must be among them. An
    // instance stops at its first incident: every incident must be the expected one.
    const related = others[0].kind === 'deployment' ? others.some((e) => isExpectedError(test, e)) : others.every((e) => isExpectedError(test, e));
    if (expectsError && !related) out.push(`UNRELATED_ERROR ${describe(others.find((e) => !isExpectedError(test, e)) ?? others[0])}`);
    else out.push(others[0].kind === 'deployment' ? 'ERROR_deployment' : 'ERROR_runtime');
  }
  if (thrown.length > 0) out.push('ERROR_thrownErrorEvent');
  return { trace: normalise(out, c), errors: errors.map(describe) };
}

function describe(e: ObservedError): string {
  return `${e.kind}${e.type ? ` ${e.type}` : ''} at ${e.element ?? '?'}: ${e.message}`;
}

function normalise(trace: string[], c: BetsyCase): string[] {
  if (!c.expected_trace.some((t) => t === 'ERROR')) return trace;
  return trace.map((t) => (t === 'ERROR_deployment' || t === 'ERROR_runtime' ? 'ERROR' : t));
}

export function sameTrace(actual: string[], expected: string[]): boolean {
  const a = [...actual].sort();
  const b = [...expected].sort();
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
