/**
 * Declaring a route once: its method, path, summary, who may call it and the JSON Schema of its
 * body. The same declaration registers the express handler (with the body checked) and becomes
 * an operation of the OpenAPI document, so the two cannot drift apart. Catalog texts in the answer
 * (engine/messages) are written in the request's language.
 */
import type { Request, Response, Router } from 'express';
import type { Actor } from '../service/actor.js';
import { Unauthenticated } from '../service/errors.js';
import { checkBody, checkQuery, type QueryParam } from './validation.js';
import { localize } from '../messages/index.js';
import { requestLang } from './problems.js';

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Express path, e.g. `/api/tasks/:id/claim` (OpenAPI gets `{id}`). */
  path: string;
  summary: string;
  tag: string;
  /** `public` routes need no token. */
  access?: 'public' | 'user';
  body?: object;
  /** Multipart upload instead of a JSON body (an object: the JSON Schema of its parts, for the OpenAPI document). */
  multipart?: boolean | object;
  /** Query parameters: checked against their schemas before the handler runs (validation.ts checkQuery), and documented. */
  query?: readonly QueryParam[];
  /** Status → description of successful answers (default 200). */
  responses?: Record<number, string>;
}

/** A handler's request: `query` holds the declared query parameters, checked, coerced and with their defaults. */
export interface Ctx<B, Q = Record<string, unknown>> { req: Request; res: Response; actor: Actor; body: B; query: Q }

const NO_QUERY: readonly QueryParam[] = [];

export class Routes {
  readonly specs: RouteSpec[] = [];

  constructor(private readonly router: Router) {}

  add<B = unknown, Q = Record<string, unknown>>(spec: RouteSpec, handler: (ctx: Ctx<B, Q>) => Promise<unknown> | unknown): void {
    this.specs.push(spec);
    // The same list object on every request: checkQuery compiles one validator per list (a fresh
    // `[]` per request compiled an ajv schema every time, a tenth of a command's CPU).
    const params = spec.query ?? NO_QUERY;
    this.router[spec.method](spec.path, async (req: Request, res: Response) => {
      const actor = res.locals.actor as Actor | undefined;
      if (spec.access !== 'public' && !actor) throw new Unauthenticated();
      const body = spec.body ? checkBody<B>(spec.body, req.body) : (req.body as B);
      // req.query is an express getter that parses the URL again on every read: only routes with parameters read it.
      const query = params.length ? checkQuery<Q>(params, req.query as Record<string, unknown>) : ({} as Q);
      const result = await handler({ req, res, actor: actor!, body, query });
      if (res.headersSent) return;
      if (result === undefined) res.status(204).end();
      else if (spec.method === 'get') res.json(localize(result, requestLang(req, res)));
      else sendAnswer(res, localize(result, requestLang(req, res))); // Handlers that create set res.status(201) themselves.
    });
  }
}

/**
 * A command's answer, written as express's res.json writes it (same body, same Content-Type) but
 * without what res.send adds for conditional GETs: an ETag hashed over every body and the check of
 * If-None-Match, which never applies to a POST, PUT, PATCH or DELETE (express answers 304 only to
 * GET and HEAD). Hashing each answer was about 2 % of the server's CPU per command at 8 clients
 * (bench/README.md, "api").
 */
function sendAnswer(res: Response, value: unknown): void {
  const body = JSON.stringify(value);
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}
