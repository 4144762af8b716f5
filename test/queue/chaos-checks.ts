/**
 * What a chaos run must show, judged from the facts it gathered (chaos.ts gathers them from
 * PostgreSQL, Redis and BullMQ). Pure, so chaos-checks.spec.ts can hand it a broken run of each
 * kind and see it fail: a run that proves nothing (no kill landed on work in progress) fails too.
 */
export interface ChaosFacts {
  instanceIds: string[];
  /** Every element the chaos process completes once per instance, and its service tasks and timer. */
  elements: string[];
  serviceTasks: string[];
  timer: string;
  /** history counts, keyed `${instance}|${type}|${element}` for element.completed, job.completed and timer.fired. */
  history: Map<string, number>;
  /** job rows by state, and timer rows left */
  jobRows: Record<string, number>;
  timersLeft: number;
  /** BullMQ jobs still waiting, active or delayed, and failed ones, over all of the run's queues */
  queueLeft: number;
  queueFailed: number;
  kills: number;
  /** handler runs counted by the handlers themselves: more than the jobs means some were redelivered */
  handlerRuns: number;
}

export function judgeChaos(f: ChaosFacts): string[] {
  const problems: string[] = [];
  const once = (id: string, type: string, element: string) => f.history.get(`${id}|${type}|${element}`) === 1;
  let wrong = 0;
  for (const id of f.instanceIds) {
    const bad = [
      ...f.elements.filter((e) => !once(id, 'element.completed', e)),
      ...f.serviceTasks.filter((e) => !once(id, 'job.completed', e)).map((e) => `job ${e}`),
      ...(once(id, 'timer.fired', f.timer) ? [] : [`timer ${f.timer}`]),
    ];
    if (bad.length && ++wrong <= 3) problems.push(`instance ${id}: not exactly once: ${bad.join(', ')}`);
  }
  if (wrong) problems.push(`${wrong} histories with an element, job or timer not exactly once`);
  const jobsExpected = f.instanceIds.length * f.serviceTasks.length;
  // Nothing in a chaos run cancels or fails a job: every row ends completed, none in any other state.
  const otherStates = Object.entries(f.jobRows).filter(([state, n]) => state !== 'completed' && n > 0);
  if (otherStates.length) problems.push(`job rows ended other than completed: ${JSON.stringify(Object.fromEntries(otherStates))}`);
  if ((f.jobRows.completed ?? 0) !== jobsExpected) problems.push(`${f.jobRows.completed ?? 0} job rows completed, expected ${jobsExpected}`);
  if (f.timersLeft > 0) problems.push(`${f.timersLeft} timer rows left`);
  if (f.queueLeft > 0) problems.push(`${f.queueLeft} BullMQ jobs still queued`);
  if (f.queueFailed > 0) problems.push(`${f.queueFailed} BullMQ jobs failed`);
  if (f.kills === 0) problems.push('no worker was killed: the run proved nothing');
  else if (f.handlerRuns <= jobsExpected) problems.push(`no redelivery in ${f.handlerRuns} handler runs for ${jobsExpected} jobs: the kills hit no work in progress`);
  return problems;
}
