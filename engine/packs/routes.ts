/**
 * HTTP routes for packs (API.md "Process packs"), as an express Router factory that engine/api
 * mounts after authentication:
 *   POST /api/packs/import?dryRun=true|false  multipart: `pack` (.zip) and `roles` (JSON text or file)
 *   GET  /api/packs/:name/export              the pack's zip, as it was imported
 * A bad pack, a bad role map or unmapped roles become the service's InvalidInput (400, with one
 * `errors` item per problem naming file and element); nothing is deployed then. Query parameters
 * are declared in `packRouteSpecs` and checked by ajv as every other route's (api/validation.ts
 * checkQuery), before the upload is read: `dryRun=yes` is a 400 naming it, not a real import.
 */
import express, { type Router } from 'express';
import multer from 'multer';
import type { Actor } from '../service/actor.js';
import { requireRole, tenantOf } from '../service/actor.js';
import { InvalidInput, NotFound, Unauthenticated } from '../service/errors.js';
import type { Engine } from '../service/engine.js';
import { checkRoleMap, importPack, type ImportResult } from './import.js';
import { PackError, packProblem, problemText } from './problems.js';
import { readPackZip } from './read-zip.js';
import type { TrustedKey } from './signature.js';
import type { PackStore } from './store.js';
import { validatePack } from './validate.js';
import { DEFAULT_LIMITS } from './limits.js';
import { requestLang, sendProblem, toProblem, type Problem } from '../api/problems.js';
import { entry, text } from '../messages/index.js';
import { checkQuery, type QueryParam } from '../api/validation.js';

export interface PackRouteDeps {
  engine: Engine;
  store: PackStore;
  /** Service-task types this installation runs (built-ins and registered handlers). */
  connectorTypes: () => string[];
  /** Publisher keys the tenant trusts (default: the store's; none: signatures are not required). */
  trustedKeys?: (tenant: string) => Promise<TrustedKey[]>;
}

const IMPORT_QUERY: readonly QueryParam[] = [
  { name: 'dryRun', schema: { type: 'boolean', default: false }, description: 'true: report what the import would do, deploy nothing.' },
];

/** OpenAPI descriptions of these routes, for engine/api's document; their query parameters are checked from here. */
export const packRouteSpecs = [
  { method: 'post', path: '/api/packs/import', tag: 'packs', multipart: true, query: IMPORT_QUERY, summary: 'Import a process pack with a role mapping (admin); ?dryRun=true reports without deploying' },
  { method: 'get', path: '/api/packs', tag: 'packs', summary: 'The packs imported into the tenant: name, version, publisher, description, processes, when' },
  { method: 'get', path: '/api/packs/:name/export', tag: 'packs', summary: 'The installed pack as a .zip that imports into another tenant as it is' },
] as const;

export function packRoutes(deps: PackRouteDeps): Router {
  const router = express.Router();
  const upload = multer({ storage: multer.memoryStorage(), limits: { fileSize: DEFAULT_LIMITS.maxZipBytes, files: 2, fields: 5, fieldSize: 256 * 1024 } });
  const admin = (actor: Actor | undefined): Actor => {
    if (!actor) throw new Unauthenticated();
    requireRole(actor, text('action.import-packs'), 'admin');
    tenantOf(actor);
    return actor;
  };

  router.post('/api/packs/import', (req, res, next) => {
    admin(res.locals.actor);
    res.locals.query = checkQuery<{ dryRun: boolean }>(IMPORT_QUERY, req.query as Record<string, unknown>);
    next();
  },
    upload.fields([{ name: 'pack', maxCount: 1 }, { name: 'roles', maxCount: 1 }]),
    async (req, res) => {
      const actor = admin(res.locals.actor);
      const files = (req.files ?? {}) as Record<string, Express.Multer.File[]>;
      const pack = files.pack?.[0];
      if (!pack) throw new InvalidInput(text('pack.file-missing'), [entry({ path: 'pack' }, text('pack.file-missing'))]);
      const rolesText = files.roles?.[0]?.buffer.toString('utf8') ?? (req.body as Record<string, string> | undefined)?.roles;
      if (!rolesText) throw new InvalidInput(text('pack.roles-missing'), [entry({ path: 'roles' }, text('pack.roles-missing'))]);
      const { dryRun } = res.locals.query as { dryRun: boolean };
      try {
        let roles: unknown;
        try {
          roles = JSON.parse(rolesText);
        } catch {
          throw new PackError(packProblem('roles', undefined, text('pack.roles-not-json')));
        }
        const v = await validatePack(await readPackZip(pack.buffer, pack.originalname || 'pack.zip'), { trustedKeys: await (deps.trustedKeys ?? ((t) => deps.store.trustedKeys(t)))(tenantOf(actor)) });
        const result: ImportResult = await importPack(deps.engine, actor, v, checkRoleMap(roles), { dryRun, store: deps.store, zip: pack.buffer, connectorTypes: deps.connectorTypes() });
        res.json(result);
      } catch (err) {
        if (!(err instanceof PackError)) throw err;
        const invalid = new InvalidInput(text('pack.refused', { count: err.problems.length }), err.problems.map((p) => entry({ element: p.element ? `${p.file}#${p.element}` : p.file }, problemText(p))));
        // With a plan at hand (e.g. unmapped roles), the problem carries it, so a client can show what to map.
        const plan = (err as PackError & { result?: ImportResult }).result;
        if (!plan) throw invalid;
        const { pack: name, version, unmappedRoles, missingConnectors, roles: declared } = plan;
        sendProblem(res, { ...toProblem(invalid, requestLang(req, res)), pack: name, version, unmappedRoles, missingConnectors, roles: declared, deployed: false } as Problem);
      }
    });

  router.get('/api/packs', async (_req, res) => {
    const actor = res.locals.actor as Actor | undefined;
    if (!actor) throw new Unauthenticated();
    const packs = await deps.store.list(tenantOf(actor));
    res.json({ items: packs.map((p) => ({
      name: p.name, version: p.version, importedAt: p.importedAt, publisher: p.manifest.publisher, description: p.manifest.description,
      processes: p.manifest.processes.map((process) => ({ id: process.id, name: process.name })),
    })) });
  });

  router.get('/api/packs/:name/export', async (req, res) => {
    const actor = res.locals.actor as Actor | undefined;
    if (!actor) throw new Unauthenticated();
    const name = String(req.params.name);
    const stored = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(name) ? await deps.store.get(tenantOf(actor), name) : undefined;
    if (!stored) throw new NotFound(text('pack.not-installed', { pack: name }));
    res.type('application/zip').setHeader('Content-Disposition', `attachment; filename="${stored.name}-${stored.version}.zip"`);
    res.send(stored.zip);
  });
  return router;
}
