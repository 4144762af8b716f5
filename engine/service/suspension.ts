/**
 * Suspending a process definition (POST /api/process-definitions/{id}/suspend, /resume): a way
 * out of a runaway model without database surgery. While suspended, no new instance starts —
 * by the API (409), by its timer start events (their rows are removed, so neither runner fires
 * them), by a message or signal start, or as a called process (the call fails into an incident)
 * — and the instances already running go on. Resuming plans the timer starts again from now,
 * if the definition is still the latest version of its process (only the latest has them).
 */
import { findDefinition, latestDefinition, setSuspended, type DefinitionRow } from '../store/definitions.js';
import { deleteStartTimers } from '../store/timers.js';
import type { CommandContext } from './context.js';
import { NotFound } from './errors.js';
import { text } from '../messages/index.js';
import { scheduleStartTimers } from './start-timers.js';

export async function setDefinitionSuspended(cx: CommandContext, tenant: string, id: string, user: string, suspend: boolean): Promise<DefinitionRow> {
  // The deployment lock of the tenant: a deployment and a resume never both plan timer starts.
  await cx.uow.db.raw('select pg_advisory_xact_lock(hashtext(?))', [`alur-deploy:${tenant}`]);
  const def = await findDefinition(cx.uow.db, tenant, id);
  if (!def) throw new NotFound(text('definition.not-found', { id }));
  if (Boolean(def.suspended_at) === suspend) return def;
  const at = suspend ? cx.uow.now : null;
  const by = suspend ? user : null;
  await setSuspended(cx.uow.db, tenant, id, at, by);
  await deleteStartTimers(cx.uow.db, [id]);
  const resumed = { ...def, suspended_at: at, suspended_by: by };
  if (!suspend && (await latestDefinition(cx.uow.db, tenant, def.key))?.id === id) await scheduleStartTimers(cx, resumed, undefined);
  return resumed;
}
