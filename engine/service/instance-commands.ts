/**
 * Commands on one case (process instance): start, cancel, set variables, modify (move tokens),
 * migrate to another version, and a message from outside. Each checks tenant and role, then steps
 * the instance through instance-steps.ts (`startNew`, `runInput`) in its unit of work; the usual
 * path is one read and one statement (`oneStatement: true`).
 */
import type { Variables } from '../core/index.js';
import { checkModification, checkMigration } from '../core/index.js';
import { randomUUID } from 'node:crypto';
import { definitionVersion, findDefinition } from '../store/definitions.js';
import { findInstance, type InstanceRow } from '../store/instances.js';
import type { TaskRow } from '../store/tasks.js';
import type { IncidentRow } from '../store/incidents.js';
import { mayWork } from './visibility.js';
import type { CommandRunner } from './context.js';
import { runInput, startNew, publishMessage as correlateMessage, type StepOutcome } from './instance-steps.js';
import { type Actor, tenantOf, requireRole } from './actor.js';
import { Conflict, InvalidInput, NotFound } from './errors.js';
import { checkStart } from './starting.js';
import { documentRefs, planAttachments } from './attachments.js';
import { text } from '../messages/index.js';
import { elementsShown, problemItem } from './core-text.js';
import { entry } from '../messages/localize.js';
import type { LatestDefinitions } from './latest-definitions.js';

/**
 * Starts an instance; answers with its row, open incidents and the open user tasks the caller
 * may see, as this work left them (no read-back). Who may start, the start form and the
 * registration number: service/starting.ts. A refusal judged on a remembered version of the
 * process (an assumption) is judged again on a fresh read (unit-of-work.ts).
 */
export async function startInstance(engine: CommandRunner, latest: LatestDefinitions, actor: Actor, req: { processKey: string; version?: number; businessKey?: string; variables?: Variables }): Promise<StepOutcome & { row: InstanceRow; incidents: IncidentRow[]; tasks: TaskRow[] }> {
  const tenant = tenantOf(actor);
  return engine.run('startInstance', async ({ uow, deps }) => {
    const def = req.version !== undefined ? await definitionVersion(uow.db, tenant, req.processKey, req.version) : await latest.latest(uow, tenant, req.processKey);
    if (!def) throw new NotFound(text('process.not-deployed', { process: req.processKey }));
    if (def.suspended_at) throw new Conflict(text('definition.suspended', { process: def.key, version: def.version }));
    const model = await deps.models.get(uow.db, def.id);
    if (!model.noneStart) throw new InvalidInput(text('process.no-none-start', { process: req.processKey }));
    // Refused here (403, 400) nothing has been written and no registration number taken.
    const checked = await checkStart({ uow, deps }, actor, def, model, req.variables ?? {});
    const instanceId = randomUUID();
    const attach = await planAttachments(uow.db, actor, tenant, instanceId, null, documentRefs(checked.startForm?.schema, checked.variables), uow.now);
    const outcome = await startNew({ uow, deps }, def, { instanceId, variables: checked.variables, businessKey: req.businessKey ?? null, startedBy: actor.username, startFormRef: checked.startForm?.id ?? null }, attach);
    const row = uow.instances.get(outcome.instanceId)!;
    const incidents = [...uow.openedIncidents.values()].filter((i) => i.instance_id === outcome.instanceId);
    const tasks = [...uow.openedTasks.values()].filter((t) => t.instance_id === outcome.instanceId && mayWork(actor, t));
    return { ...outcome, state: row.snapshot, row, incidents, tasks };
  }, { oneStatement: true });
}

export async function cancelInstance(engine: CommandRunner, actor: Actor, id: string): Promise<StepOutcome> {
  const tenant = tenantOf(actor);
  const inst = await findInstance(engine.deps.knex, tenant, id);
  if (!inst) throw new NotFound(text('instance.not-found'));
  requireRole(actor, text('action.cancel-instance'), 'analyst', 'admin');
  const outcome = await engine.run('cancelInstance', async (cx) => {
    const row = await cx.uow.instanceForStep(id);
    if (!row || row.state !== 'active') return { instanceId: id, state: inst.snapshot, ignored: `instance ${id} has already ended (${row?.state})` };
    return runInput(cx, id, { type: 'instance.cancel', user: actor.username }, { read: row });
  }, { oneStatement: true });
  // The core's reason (English, language-free by code) stays in the history; the reader gets words.
  if (outcome.ignored) throw new Conflict(text('operating.cancel-too-late', { id }));
  return outcome;
}

/**
 * A person sets process variables with a reason (API.md 1.1, PATCH …/variables): one step of
 * the core (`variables.set`), so the change and its `variables.changed` entry (who, which
 * names, why) are written together.
 */
export async function setVariables(engine: CommandRunner, actor: Actor, id: string, variables: Variables, reason?: string): Promise<StepOutcome> {
  const tenant = tenantOf(actor);
  const inst = await findInstance(engine.deps.knex, tenant, id);
  if (!inst) throw new NotFound(text('instance.not-found'));
  requireRole(actor, text('action.edit-variables'), 'analyst', 'admin');
  if (!Object.keys(variables).length) throw new InvalidInput(text('operating.no-variables'), [{ path: 'variables', message: String(text('operating.no-variables')) }]);
  const outcome = await engine.run('setVariables', async (cx) => {
    const row = await cx.uow.instanceForStep(id);
    if (!row || row.state !== 'active') return { instanceId: id, state: inst.snapshot, ignored: String(text('operating.instance-ended', { id, state: row?.state ?? inst.state })) };
    return runInput(cx, id, { type: 'variables.set', variables, user: actor.username, ...(reason ? { reason } : {}) }, { read: row });
  }, { oneStatement: true });
  if (outcome.ignored) throw new Conflict(text('operating.instance-ended', { id, state: inst.state }));
  return outcome;
}

/**
 * An operator moves a case's tokens (API.md 1.1, modify): terminate the active instances of
 * elements, activate others. Refused with 400 naming each element the core cannot honour
 * (core/modify.ts checkModification), before anything is written; history `instance.modified`.
 */
export async function modifyInstance(engine: CommandRunner, actor: Actor, id: string, mod: { terminate?: { elementId?: string; elementInstanceKey?: number }[]; activate?: { elementId: string; variables?: Variables; ancestorKey?: number }[] }): Promise<StepOutcome> {
  const tenant = tenantOf(actor);
  const inst = await findInstance(engine.deps.knex, tenant, id);
  if (!inst) throw new NotFound(text('instance.not-found'));
  requireRole(actor, text('action.modify-instance'), 'analyst', 'admin');
  const input = {
    terminate: (mod.terminate ?? []).map((t) => ({ ...(t.elementId !== undefined ? { elementId: t.elementId } : {}), ...(t.elementInstanceKey !== undefined ? { key: t.elementInstanceKey } : {}) })),
    activate: (mod.activate ?? []).map((a) => ({ elementId: a.elementId, ...(a.variables ? { variables: a.variables } : {}), ...(a.ancestorKey !== undefined ? { ancestor: a.ancestorKey } : {}) })),
  };
  return engine.run('modifyInstance', async (cx) => {
    const row = await cx.uow.instanceForStep(id);
    if (!row || row.state !== 'active') throw new Conflict(text('operating.instance-ended', { id, state: row?.state ?? inst.state }));
    const model = await cx.deps.models.get(cx.uow.db, row.definition_id);
    const problems = checkModification(model, row.snapshot, input);
    if (problems.length) throw new InvalidInput(text('operating.cannot-modify', { elements: elementsShown(problems) }), problems.map((p) => problemItem('modify', p)));
    return runInput(cx, id, { type: 'instance.modify', ...input, user: actor.username }, { read: row });
  }, { oneStatement: true });
}

/**
 * Moves a case to another version of its process (API.md 1.1, migrate): every active element
 * must map to an element of the same type in the target, else 400 naming each (nothing
 * changes); tasks, jobs, timers and subscriptions move with their element. `dryRun` checks only.
 */
export async function migrateInstance(engine: CommandRunner, actor: Actor, id: string, req: { targetDefinitionId: string; mappings: { source: string; target: string }[] }, dryRun: boolean): Promise<{ migrated: boolean; errors: [] }> {
  const tenant = tenantOf(actor);
  const inst = await findInstance(engine.deps.knex, tenant, id);
  if (!inst) throw new NotFound(text('instance.not-found'));
  requireRole(actor, text('action.migrate-instance'), 'analyst', 'admin');
  const target = await findDefinition(engine.deps.knex, tenant, req.targetDefinitionId);
  if (!target) throw new NotFound(text('definition.not-found', { id: req.targetDefinitionId }));
  if (target.key !== inst.process_key) throw new InvalidInput(text('operating.other-process', { id: req.targetDefinitionId, target: target.key, process: inst.process_key }), [entry({ path: 'targetDefinitionId' }, text('operating.version-of', { process: inst.process_key }))]);
  return engine.run('migrateInstance', async (cx) => {
    const row = await cx.uow.instanceForStep(id);
    if (!row || row.state !== 'active') throw new Conflict(text('operating.instance-ended', { id, state: row?.state ?? inst.state }));
    const [source, model] = [await cx.deps.models.get(cx.uow.db, row.definition_id), await cx.deps.models.get(cx.uow.db, target.id)];
    const problems = checkMigration(source, model, row.snapshot, req.mappings);
    if (problems.length) throw new InvalidInput(text('operating.cannot-migrate', { elements: elementsShown(problems) }), problems.map((p) => problemItem('migrate', p)));
    if (dryRun) return { migrated: false, errors: [] as [] };
    await runInput(cx, id, { type: 'instance.migrate', target: model, mappings: req.mappings, user: actor.username, versions: { from: row.process_version, to: target.version } },
      { read: row, retarget: { definitionId: target.id, version: target.version } });
    return { migrated: true, errors: [] as [] };
  }, { oneStatement: true });
}

/** Delivers a message; returns the instance that took it, or undefined (not buffered). */
export async function publishMessage(engine: CommandRunner, actor: Actor, req: { name: string; correlationKey?: string; variables?: Variables }): Promise<string | undefined> {
  requireRole(actor, text('action.send-messages'), 'analyst', 'admin');
  const tenant = tenantOf(actor);
  return engine.run('publishMessage', (cx) => correlateMessage(cx, tenant, req.name, req.correlationKey ?? null, req.variables ?? {}));
}
