/**
 * Declaring a route once: its method, path, summary, who may call it and the JSON Schema of its
 * body. The same declaration registers the express handler (with the body checked) and becomes
 * an operation of the OpenAPI document, so the two cannot drift apart. Catalog texts in the answer
 * (engine/messages) are written in the request's language.
 */
import type { Request, Response, Router } from 'express';
import type { Actor } from '../service/actor.js';
import { Unauthenticated } from '../service/errors.js';
import { checkBody } from './validation.js';
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
  query?: { name: string; schema: object; description?: string }[];
  /** Status → description of successful answers (default 200). */
  responses?: Record<number, string>;
}

export interface Ctx<B> { req: Request; res: Response; actor: Actor; body: B }

export class Routes {
  readonly specs: RouteSpec[] = [];

  constructor(private readonly router: Router) {}

  add<B = unknown>(spec: RouteSpec, handler: (ctx: Ctx<B>) => Promise<unknown> | unknown): void {
    this.specs.push(spec);
    this.router[spec.method](spec.path, async (req: Request, res: Response) => {
      const actor = res.locals.actor as Actor | undefined;
      if (spec.access !== 'public' && !actor) throw new Unauthenticated();
      const body = spec.body ? checkBody<B>(spec.body, req.body) : (req.body as B);
      const result = await handler({ req, res, actor: actor!, body });
      if (res.headersSent) return;
      if (result === undefined) res.status(204).end();
      else res.json(localize(result, requestLang(req, res))); // Handlers that create set res.status(201) themselves.
    });
  }
}
