/**
 * createApp(deps): the express application. Routes are thin — they check input, call the engine
 * or a store read, and shape the answer; errors become problem+json in problems.ts only.
 */
import express, { type Express } from 'express';
import type { AppDeps, RouteDeps } from './deps.js';
import { Reads } from '../service/reads.js';
import { Administration } from '../service/administration.js';
import { authenticate } from './authenticate.js';
import { problemHandler, problemOf, requestLang, sendProblem } from './problems.js';
import { text } from '../messages/index.js';
import { Routes } from './route.js';
import { openApiDocument } from './openapi.js';
import { serveApps } from './static.js';
import { identityRoutes } from './routes/identity.js';
import { deploymentRoutes } from './routes/deployments.js';
import { instanceRoutes } from './routes/instances.js';
import { taskRoutes } from './routes/tasks.js';
import { operationRoutes } from './routes/operations.js';
import { formRoutes } from './routes/forms.js';
import { startingRoutes } from './routes/starting.js';
import { healthHandler, metricsHandler } from '../observability/http.js';
import { calendarRoutes } from './routes/calendar.js';
import { securityHeaders } from './security-headers.js';
import { documentRoutes } from './routes/documents.js';
import { ssoRoutes } from './routes/sso.js';
import { refuseDeepBodies } from './body-depth.js';
import { signingRoutes } from './routes/signing.js';
import { registerRoutes } from './routes/registers.js';
import { ephemeralSigning } from '../signing/config.js';

export function createApp(appDeps: AppDeps): Express {
  const deps: RouteDeps = { ...appDeps, reads: new Reads(appDeps.engine.deps), admin: new Administration(appDeps.engine, appDeps.tokenCache), clock: appDeps.engine.deps.clock };
  const app = express();
  app.disable('x-powered-by');
  app.use(securityHeaders());
  // Which proxies' X-Forwarded-For to believe (ALUR_TRUST_PROXY); by default none, so a client
  // cannot choose the address the login limit counts by sending the header itself.
  app.set('trust proxy', deps.trustProxy ?? false);
  app.set('query parser', 'simple');

  app.get('/health', healthHandler({ databaseAnswers: () => deps.reads.databaseAnswers(), databaseDescription: deps.databaseDescription, queue: deps.queue, queueState: deps.queueState }));
  if (deps.metrics?.token !== undefined) app.get('/metrics', metricsHandler(deps.metrics.registry, deps.metrics.token));

  // Messages follow the caller's Accept-Language (engine/messages); caches must not mix languages.
  app.use('/api', (req, res, next) => {
    requestLang(req, res);
    res.vary('Accept-Language');
    next();
  });
  const api = express.Router();
  api.use(express.json({ limit: '1mb', type: ['application/json', 'application/*+json'] }));
  api.use(refuseDeepBodies());
  api.use(authenticate(deps.reads, deps.tokenCache));
  const routes = new Routes(api);
  identityRoutes(routes, deps);
  ssoRoutes(routes, deps);
  deploymentRoutes(routes, api, deps);
  instanceRoutes(routes, deps);
  taskRoutes(routes, deps);
  formRoutes(routes, deps);
  startingRoutes(routes, deps);
  calendarRoutes(routes, deps);
  registerRoutes(routes, deps);
  operationRoutes(routes, deps);
  documentRoutes(routes, deps);
  signingRoutes(routes, { ...deps, signing: deps.signing ?? ephemeralSigning(() => deps.clock.now()) });
  for (const ext of deps.extensions ?? []) api.use(ext.router);
  const document = openApiDocument([...routes.specs, ...(deps.extensions ?? []).flatMap((e) => e.specs ?? [])]);
  app.get('/api/openapi.json', (_req, res) => { res.json(document); });
  app.use(api);
  app.use('/api', (req, res) => sendProblem(res, problemOf('not-found', 404, text('api.no-endpoint', { method: req.method, path: req.originalUrl.split('?')[0] }), requestLang(req, res))));

  serveApps(app, deps.staticRoot ?? process.cwd(), { sourceMaps: deps.sourceMaps });
  // Our own 404 for the rest (express's would replace the security headers with its own).
  app.use((_req, res) => { res.status(404).type('text/plain').send('Not found\n'); });
  app.use(problemHandler(deps.logError ?? ((err) => console.error(err))));
  return app;
}
