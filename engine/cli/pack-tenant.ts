/**
 * `pack import` and `pack export`: work on the installation's own database (ALUR_DATA_DIR or
 * DATABASE_URL) in-process, as the composition root would open it. With PGlite, stop the server
 * first: its data folder is locked by the running process.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '../config.js';
import { openDatabase, migrateToLatest } from '../store/database.js';
import { findTenant, insertTenant } from '../store/tenants.js';
import { Engine } from '../service/engine.js';
import { ModelCache } from '../service/models.js';
import { Clock } from '../runner/clock.js';
import { checkRoleMap, importPack } from '../packs/import.js';
import { readPackZip } from '../packs/read-zip.js';
import { validatePack } from '../packs/validate.js';
import { FolderPackStore } from '../packs/store.js';
import { parseArgs, usageOf } from './args.js';
import { CliError, EXIT, progress, say } from './output.js';
import { text } from '../messages/index.js';
import { BUILT_IN_TYPES } from '../runner/connectors/index.js';
import { readJsonFile, trustedKeys } from './pack-local.js';

/** What `npm start` and `npm run worker` register by themselves (wiring.ts): http, email, document-render and tte-sign. */
const BUILT_IN_CONNECTORS = [...BUILT_IN_TYPES, 'document-render', 'tte-sign'];

export async function openInstallation() {
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(db.knex);
  const engine = new Engine({ knex: db.knex, clock: new Clock(), models: new ModelCache() });
  return { db, engine, store: new FolderPackStore(join(config.dataDir, 'packs')) };
}

export async function packImport(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { tenant: 'value', roles: 'value', 'dry-run': 'flag', trust: 'value', 'create-tenant': 'flag' });
  if (positionals.length !== 1 || !options.tenant || !options.roles) throw usageOf('alur pack import <zip> --tenant T --roles map.json [--dry-run] [--create-tenant] [--trust keys.json]');
  const tenant = options.tenant as string;
  const roles = checkRoleMap(await readJsonFile(options.roles as string, 'cli.what-role-map'));
  const zip = await readFile(positionals[0]);
  const { db, engine, store } = await openInstallation();
  try {
    progress(text('cli.validating', { path: positionals[0] }));
    const keys = [...(await store.trustedKeys(tenant)), ...(await trustedKeys(options.trust as string | undefined))];
    const v = await validatePack(await readPackZip(zip, positionals[0]), { trustedKeys: keys });
    if (!(await findTenant(db.knex, tenant))) {
      if (!options['create-tenant']) throw new CliError(text('cli.no-tenant', { tenant }));
      // A dry run changes nothing, not even the tenant list: it plans against an empty tenant.
      if (!options['dry-run']) {
        progress(text('cli.creating-tenant', { tenant }));
        await insertTenant(db.knex, { id: tenant, name: tenant, created_at: new Date() });
      }
    }
    const actor = { id: 'cli', username: 'alur-cli', tenant, roles: ['admin'], groups: [] };
    progress(text(options['dry-run'] ? 'cli.planning' : 'cli.importing', { pack: `${v.manifest.name}@${v.manifest.version}`, tenant }));
    const r = await importPack(engine, actor, v, roles, { dryRun: !!options['dry-run'], store, zip, connectorTypes: BUILT_IN_CONNECTORS });
    for (const p of r.processes) console.log(`  ${say(text(`cli.change-${p.change}`)).toLowerCase().padEnd(9)} ${p.key}${p.version ? ` v${p.version}` : ''}`);
    for (const p of r.removedProcesses) console.log(`  ${say(text('cli.removed-word')).toLowerCase().padEnd(9)} ${say(text('cli.removed', { process: p }))}`);
    if (r.unmappedRoles.length) console.log(`  ! ${say(text('cli.roles-to-map', { roles: r.unmappedRoles.join(', ') }))}`);
    if (r.missingConnectors.length) console.log(`  ! ${say(text('cli.connectors-to-register', { types: r.missingConnectors.join(', ') }))}`);
    if (r.unknownMappedRoles.length) console.log(`  ! ${say(text('cli.unknown-mapped', { roles: r.unknownMappedRoles.join(', ') }))}`);
    for (const u of r.uncheckedExpressions) console.log(`  ? ${say(text('cli.unchecked', { file: u.file, element: u.element, attribute: u.attribute, expression: u.expression }))}`);
    console.log(`✓ ${say(r.deployed ? text('cli.deployed', { pack: `${r.pack}@${r.version}`, tenant }) : text('cli.dry-run'))}`);
    return EXIT.ok;
  } finally {
    await db.close();
  }
}

export async function packExport(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { tenant: 'value', out: 'value' }, { o: 'out' });
  if (positionals.length !== 1 || !options.tenant) throw usageOf('alur pack export <name> --tenant T [-o file.zip]');
  const { db, store } = await openInstallation();
  try {
    const pack = await store.get(options.tenant as string, positionals[0]);
    if (!pack) throw new CliError(text('cli.not-installed', { pack: positionals[0], tenant: options.tenant as string }));
    const out = (options.out as string | undefined) ?? `${pack.name}-${pack.version}.zip`;
    await writeFile(out, pack.zip);
    console.log(`✓ ${say(text('cli.exported', { file: out, pack: `${pack.name}@${pack.version}`, bytes: pack.zip.length }))}`);
    return EXIT.ok;
  } finally {
    await db.close();
  }
}
