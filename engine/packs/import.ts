/**
 * Importing a validated pack into a tenant: check the role map, rewrite the BPMN assignments to
 * the tenant's groups, work out what changes against what is installed, and — unless it is a dry
 * run or something blocks it — deploy the rewritten BPMN and the forms through the engine in one
 * deployment, then keep the original zip in the pack store. Deploying unchanged files creates no
 * new versions, so importing the same pack twice changes nothing; running instances stay on the
 * versions they started with.
 */
import { auditRow } from '../service/people.js';
import { createHash } from 'node:crypto';
import type { Actor } from '../service/actor.js';
import type { Engine } from '../service/engine.js';
import { latestDefinition } from '../store/definitions.js';
import { PackError, packProblem } from './problems.js';
import { text as message } from '../messages/index.js';
import { canonicalJson } from './canonical.js';
import { zipFiles } from './build.js';
import { applyRoleMap, mappedGroup, roleUses, type RoleMap } from './roles.js';
import { compareSemver } from './semver.js';
import type { PackStore } from './store.js';
import type { ValidatedPack } from './validate.js';

export interface ImportOptions {
  dryRun?: boolean;
  /** Service-task types this installation can run (built-ins plus registered handlers). */
  connectorTypes?: string[];
  store?: PackStore;
  /** The pack's zip as received, kept for export (built from the files when absent). */
  zip?: Buffer;
}

export interface ImportResult {
  pack: string;
  version: string;
  processes: { key: string; name: string; change: 'added' | 'changed' | 'unchanged'; version?: number }[];
  removedProcesses: string[];
  forms: { formId: string; version?: number }[];
  /** The roles the pack declares, so an admin can map them (a dry run with `{}` lists them all). */
  roles: { key: string; description: { id: string; en: string } }[];
  unmappedRoles: string[];
  unknownMappedRoles: string[];
  /**
   * Assignments whose roles a FEEL expression computes from variables: no import can check them.
   * At run time a value that is neither a role key nor a group of the map is an unmapped-role incident.
   */
  uncheckedExpressions: { file: string; element: string; attribute: string; expression: string }[];
  missingConnectors: string[];
  installedVersion: string | null;
  deployed: boolean;
}

export function checkRoleMap(roles: unknown): RoleMap {
  if (!roles || typeof roles !== 'object' || Array.isArray(roles)) throw new PackError(packProblem('roles', undefined, message('pack.role-map-object')));
  for (const [k, v] of Object.entries(roles)) {
    if (typeof v !== 'string' || !/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(v)) throw new PackError(packProblem('roles', k, message('pack.role-map-group', { role: k })));
  }
  return roles as RoleMap;
}

/** The rewritten BPMN files of the pack for this role map, by path. */
export async function mappedBpmn(v: ValidatedPack, roles: RoleMap): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const { path } of v.manifest.files.bpmn) out.set(path, await applyRoleMap(v.pack.files.get(path)!.toString('utf8'), path, roles));
  return out;
}

export async function importPack(engine: Engine, actor: Actor, v: ValidatedPack, roles: RoleMap, opts: ImportOptions = {}): Promise<ImportResult> {
  const tenant = actor.tenant!;
  const declared = v.manifest.roles.map((r) => r.key);
  const unmappedRoles = declared.filter((k) => mappedGroup(roles, k) === undefined);
  const unknownMappedRoles = Object.keys(roles).filter((k) => !declared.includes(k));
  const available = new Set(opts.connectorTypes ?? []);
  const missingConnectors = v.manifest.connectors.map((c) => c.type).filter((t) => !available.has(t));
  const installed = await opts.store?.get(tenant, v.manifest.name);
  const xml = unmappedRoles.length ? new Map<string, string>() : await mappedBpmn(v, roles);
  const uncheckedExpressions: ImportResult['uncheckedExpressions'] = [];
  for (const { path } of v.manifest.files.bpmn) {
    for (const use of await roleUses(v.pack.files.get(path)!.toString('utf8'), path)) {
      if (use.dynamic) uncheckedExpressions.push({ file: path, element: use.element, attribute: use.attribute, expression: use.value });
    }
  }

  const processes: ImportResult['processes'] = [];
  for (const p of v.processes) {
    const latest = await latestDefinition(engine.deps.knex, tenant, p.id);
    const text = xml.get(p.file);
    const same = latest && text !== undefined && latest.checksum === createHash('sha256').update(text).digest('hex');
    processes.push({ key: p.id, name: p.model.name ?? p.id, change: !latest ? 'added' : same ? 'unchanged' : 'changed' });
  }
  const removedProcesses = installed ? installed.manifest.processes.map((p) => p.id).filter((id) => !v.processes.some((p) => p.id === id)) : [];
  const result: ImportResult = {
    pack: v.manifest.name, version: v.manifest.version, processes, removedProcesses,
    forms: v.forms.map((f) => ({ formId: f.formId })), roles: v.manifest.roles, unmappedRoles, unknownMappedRoles, uncheckedExpressions, missingConnectors,
    installedVersion: installed?.version ?? null, deployed: false,
  };
  // A dry run is how an admin discovers what to map: it reports unmapped roles instead of failing.
  if (unmappedRoles.length > 0 && !opts.dryRun) {
    throw Object.assign(new PackError(unmappedRoles.map((r) => packProblem('roles', r, message('pack.role-unmapped', { role: r, tenant })))), { result });
  }
  if (installed && compareSemver(v.manifest.version, installed.version) < 0) {
    throw Object.assign(new PackError(packProblem('pack.json', 'version', message('pack.version-older', { version: v.manifest.version, installed: installed.version }))), { result });
  }
  if (installed && installed.version === v.manifest.version && canonicalJson(installed.manifest) !== canonicalJson(v.manifest)) {
    throw Object.assign(new PackError(packProblem('pack.json', 'version', message('pack.version-reused', { version: v.manifest.version }))), { result });
  }
  if (opts.dryRun) return result;

  const files = [
    ...v.manifest.files.forms.map((f) => ({ name: f.path.split('/').pop()!, content: v.pack.files.get(f.path)! })),
    ...(v.manifest.files.templates ?? []).map((f) => ({ name: f.path.split('/').pop()!, content: v.pack.files.get(f.path)! })),
    ...[...xml].map(([path, text]) => ({ name: path.split('/').pop()!, content: Buffer.from(text) })),
  ];
  // The audit of administration (API 1.1): which pack version came in, with which role map —
  // written in the deployment's transaction, so neither is kept without the other.
  const deployed = await engine.deploy(actor, files, [auditRow(tenant, actor, 'pack', v.manifest.name, installed ? 'upgraded' : 'imported',
    installed ? { version: installed.version } : null, { version: v.manifest.version, roles })]);
  for (const p of result.processes) p.version = deployed.processes.find((d) => d.key === p.key)?.version;
  for (const f of result.forms) f.version = deployed.forms.find((d) => d.formId === f.formId)?.version;
  result.deployed = true;
  if (opts.store) {
    await opts.store.put(tenant, {
      name: v.manifest.name, version: v.manifest.version, manifest: v.manifest, roles,
      zip: opts.zip ?? (await zipFiles(v.pack.files)), importedAt: engine.deps.clock.now().toISOString(),
    });
  }
  return result;
}
