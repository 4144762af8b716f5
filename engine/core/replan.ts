/**
 * A calendar change (input `deadlines.replan`, the new calendar in the step's env): every pending
 * deadline the state counted in working days is counted again from where it was counted from —
 * the case's SLA, the due date of an open user task (`ElementInstance.d`), a timer planned by one
 * `add working days` call (`Subscription.by`). A deadline already passed stays where it was (it
 * fired, or is overdue already). Each one that moves is recorded (`deadline.replanned`) and, for a
 * task or a timer, told to the adapters (`task.due`, `timer.schedule`).
 */
import { addWorkingDays } from '../calendar/working-days.mjs';
import { PLAIN_CALENDAR } from '../expressions/feel.js';
import type { Runtime } from './runtime.js';
import { replanSla } from './sla.js';

/** Returns a reason when nothing moved (the input is then ignored: nothing to write). */
export function replanDeadlines(rt: Runtime): string | undefined {
  const cal = rt.calendar ?? PLAIN_CALENDAR;
  const now = Date.parse(rt.now);
  let moved = replanSla(rt);
  for (const k of Object.keys(rt.state.els).map(Number).sort((a, b) => a - b)) {
    const inst = rt.state.els[k];
    if (!inst.d || inst.w?.k !== 'task' || Date.parse(inst.d.at) <= now) continue;
    const at = new Date(addWorkingDays(cal, inst.d.from, inst.d.n)).toISOString();
    if (at === inst.d.at) continue;
    rt.log({ type: 'deadline.replanned', elementId: inst.e, key: k, data: { deadline: 'task', from: inst.d.at, to: at } });
    inst.d = { ...inst.d, at };
    rt.emit({ type: 'task.due', key: k, dueAt: at });
    moved = true;
  }
  for (const [key, sub] of Object.entries(rt.state.subs ?? {})) {
    if (sub.kind !== 'timer' || !sub.by || !sub.due || Date.parse(sub.due) <= now) continue;
    const due = new Date(addWorkingDays(cal, sub.by.from, sub.by.n)).toISOString();
    if (due === sub.due) continue;
    rt.log({ type: 'deadline.replanned', elementId: sub.e, key: Number(key), data: { deadline: 'timer', from: sub.due, to: due } });
    sub.due = due;
    rt.emit({ type: 'timer.schedule', key: Number(key), elementId: sub.e, dueAt: due, workingDays: true });
    moved = true;
  }
  return moved ? undefined : `no working-day deadline of instance ${rt.state.id} moved`;
}
