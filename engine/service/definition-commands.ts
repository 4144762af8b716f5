/**
 * Commands on process definitions: deploying files and suspending or resuming a definition
 * (analysts and admins of the caller's tenant). Both forget the remembered latest version of the
 * processes they touch (latest-definitions.ts), so the next start reads it again.
 */
import type { DefinitionRow } from '../store/definitions.js';
import { insertAudit, type AuditRow } from '../store/audit.js';
import type { CommandRunner } from './context.js';
import { deploy as deployInWork, compileFiles, type DeployResult, type UploadedFile } from './deploy.js';
import { setDefinitionSuspended } from './suspension.js';
import { type Actor, tenantOf, requireRole } from './actor.js';
import type { LatestDefinitions } from './latest-definitions.js';
import { text } from '../messages/index.js';

/**
 * Deploys `files`; `audit` (a pack import's entry) is written in the deployment's transaction, so
 * a deployment is never kept without its audit entry, nor an entry without its deployment.
 */
export async function deploy(engine: CommandRunner, latest: LatestDefinitions, actor: Actor, files: UploadedFile[], audit: AuditRow[] = []): Promise<DeployResult> {
  requireRole(actor, text('action.deploy'), 'analyst', 'admin');
  const tenant = tenantOf(actor);
  // Compiled before the transaction: a model's parse costs its size and must not hold a connection meanwhile.
  const compiled = await compileFiles(engine.deps.knex, engine.deps, tenant, files);
  const result = await engine.run('deploy', async (cx) => {
    const deployed = await deployInWork(cx, tenant, actor.username, files, compiled);
    await insertAudit(cx.uow.db, audit);
    return deployed;
  });
  for (const p of result.processes) latest.forget(tenant, p.key);
  return result;
}

/** Suspends (`suspend`) or resumes a definition of the caller's tenant (analyst or admin): service/suspension.ts. */
export async function setSuspended(engine: CommandRunner, latest: LatestDefinitions, actor: Actor, id: string, suspend: boolean): Promise<DefinitionRow> {
  const tenant = tenantOf(actor);
  requireRole(actor, text(suspend ? 'action.suspend-definition' : 'action.resume-definition'), 'analyst', 'admin');
  const def = await engine.run(suspend ? 'suspendDefinition' : 'resumeDefinition', (cx) => setDefinitionSuspended(cx, tenant, id, actor.username, suspend));
  latest.forget(tenant, def.key);
  return def;
}
