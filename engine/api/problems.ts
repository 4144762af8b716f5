/**
 * The one place where errors become HTTP answers: every error is application/problem+json
 * `{ type, title, status, detail, errors? }`. Unknown errors are a 500 whose detail reveals
 * nothing; they are logged by the caller-supplied logger.
 *
 * `title`, `detail` and `errors[].message` are written in the request's language (see
 * requestLang); `type`, `status`, `path` and `element` never change with it.
 */
import type { ErrorRequestHandler, Request, Response } from 'express';
import { InputRefused } from '../core/index.js';
import { refusalText } from '../service/core-text.js';
import { Conflict, Forbidden, InvalidInput, NotFound, TooLarge, TooManyRequests, Unauthenticated, Unavailable, UnsupportedMediaType, type ErrorItem } from '../service/errors.js';
import { localize, negotiateLang, render, text, type Lang, type MessageKey, type Text } from '../messages/index.js';

export interface Problem { type: string; title: string; status: number; detail: string; errors?: ErrorItem[] }

const BASE = 'https://alur.dev/problems/';

/** The language of this request's messages, negotiated once from Accept-Language. */
export function requestLang(req: Request, res: Response): Lang {
  if (!res.locals.lang) res.locals.lang = negotiateLang(req.headers['accept-language']);
  return res.locals.lang as Lang;
}

function problem(kind: string, status: number, detail: string | Text, lang: Lang, errors?: ErrorItem[]): Problem {
  const title = render(text(`problem.${kind}` as MessageKey), lang);
  return { type: `${BASE}${kind}`, title, status, detail: render(detail, lang), ...(errors ? { errors: localize(errors, lang) } : {}) };
}

/** The message of a service error as data when it has one, else its (English) string. */
const messageOf = (err: Error & { text?: Text }): string | Text => err.text ?? err.message;

export function toProblem(err: unknown, lang: Lang = 'en'): Problem {
  if (err instanceof InvalidInput) {
    const detail = messageOf(err);
    return problem('invalid-input', 400, detail, lang, err.errors.length ? err.errors : [itemOf(detail)]);
  }
  if (err instanceof Unauthenticated) return problem('unauthenticated', 401, messageOf(err), lang);
  if (err instanceof Forbidden) return problem('forbidden', 403, messageOf(err), lang);
  if (err instanceof NotFound) return problem('not-found', 404, messageOf(err), lang);
  if (err instanceof Conflict) return problem('conflict', 409, messageOf(err), lang);
  if (err instanceof TooManyRequests) return problem('too-many-requests', 429, messageOf(err), lang);
  if (err instanceof TooLarge) return problem('too-large', 413, messageOf(err), lang);
  if (err instanceof UnsupportedMediaType) return problem('unsupported-media-type', 415, messageOf(err), lang);
  if (err instanceof Unavailable) return problem('unavailable', 503, messageOf(err), lang);
  if (err instanceof InputRefused) {
    const status = err.code === 'not-found' ? 404 : err.code === 'invalid' ? 400 : 409;
    const detail = refusalText(err);
    return problem('input-refused', status, detail, lang, status === 400 ? [itemOf(detail)] : undefined);
  }
  const e = err as { type?: string; status?: number; code?: string; message?: string; field?: string };
  // Body parser and multer errors carry their own status or code: they are the client's fault.
  if (e?.type === 'entity.parse.failed') return problem('invalid-json', 400, text('api.body-not-json'), lang, [itemOf(text('api.body-not-json'))]);
  if (e?.type === 'entity.too.large' || e?.code === 'LIMIT_FILE_SIZE' || e?.code === 'LIMIT_FILE_COUNT' || e?.code === 'LIMIT_FIELD_VALUE') {
    return problem('too-large', 413, e.message ?? text('api.too-large'), lang);
  }
  if (typeof e?.code === 'string' && e.code.startsWith('LIMIT_')) {
    const detail = e.message ?? text('api.invalid-upload');
    return problem('invalid-upload', 400, detail, lang, [itemOf(detail)]);
  }
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { ...problem('bad-request', e.status, e.message ?? 'bad request', lang) };
  return problem('internal', 500, text('api.internal'), lang);
}

function itemOf(message: string | Text): ErrorItem {
  return typeof message === 'string' ? { message } : { message: render(message, 'en'), text: message };
}

/** A problem for a route's own answer (e.g. the API's 404), its texts in the request's language. */
export function problemOf(kind: string, status: number, detail: Text, lang: Lang): Problem {
  return problem(kind, status, detail, lang);
}

export function sendProblem(res: Response, problem: Problem): void {
  // A limiter that knows when it lets the caller in again has said so already (problemHandler).
  if (problem.status === 429 && !res.getHeader('Retry-After')) res.setHeader('Retry-After', '60');
  const lang = res.locals.lang as Lang | undefined;
  if (lang) res.setHeader('Content-Language', lang);
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(lang ? localize(problem, lang) : problem));
}

export function problemHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const problem = toProblem(err, requestLang(req, res));
    if (problem.status >= 500) log(err);
    if (err instanceof TooManyRequests) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    sendProblem(res, problem);
  };
}
