/**
 * The one place where errors become HTTP answers: every error is application/problem+json
 * `{ type, title, status, detail, errors? }`. Unknown errors are a 500 whose detail reveals
 * nothing; they are logged by the caller-supplied logger.
 */
import type { ErrorRequestHandler, Response } from 'express';
import { InputRefused } from '../core/index.js';
import { Conflict, Forbidden, InvalidInput, NotFound, TooManyRequests, Unauthenticated, type ErrorItem } from '../service/errors.js';

export interface Problem { type: string; title: string; status: number; detail: string; errors?: ErrorItem[] }

const BASE = 'https://alur.dev/problems/';

export function toProblem(err: unknown): Problem {
  if (err instanceof InvalidInput) return { type: `${BASE}invalid-input`, title: 'Invalid input', status: 400, detail: err.message, errors: err.errors.length ? err.errors : [{ message: err.message }] };
  if (err instanceof Unauthenticated) return { type: `${BASE}unauthenticated`, title: 'Unauthenticated', status: 401, detail: err.message };
  if (err instanceof Forbidden) return { type: `${BASE}forbidden`, title: 'Forbidden', status: 403, detail: err.message };
  if (err instanceof NotFound) return { type: `${BASE}not-found`, title: 'Not found', status: 404, detail: err.message };
  if (err instanceof Conflict) return { type: `${BASE}conflict`, title: 'Conflict', status: 409, detail: err.message };
  if (err instanceof TooManyRequests) return { type: `${BASE}too-many-requests`, title: 'Too many requests', status: 429, detail: err.message };
  if (err instanceof InputRefused) {
    const status = err.code === 'not-found' ? 404 : err.code === 'invalid' ? 400 : 409;
    return { type: `${BASE}input-refused`, title: 'Input refused', status, detail: err.message, ...(status === 400 ? { errors: [{ message: err.message }] } : {}) };
  }
  const e = err as { type?: string; status?: number; code?: string; message?: string; field?: string };
  // Body parser and multer errors carry their own status or code: they are the client's fault.
  if (e?.type === 'entity.parse.failed') return { type: `${BASE}invalid-json`, title: 'Invalid JSON', status: 400, detail: 'the request body is not valid JSON', errors: [{ message: 'invalid JSON' }] };
  if (e?.type === 'entity.too.large' || e?.code === 'LIMIT_FILE_SIZE' || e?.code === 'LIMIT_FILE_COUNT' || e?.code === 'LIMIT_FIELD_VALUE') {
    return { type: `${BASE}too-large`, title: 'Payload too large', status: 413, detail: e.message ?? 'the request is too large' };
  }
  if (typeof e?.code === 'string' && e.code.startsWith('LIMIT_')) return { type: `${BASE}invalid-upload`, title: 'Invalid upload', status: 400, detail: e.message ?? 'invalid upload', errors: [{ message: e.message ?? 'invalid upload' }] };
  if (typeof e?.status === 'number' && e.status >= 400 && e.status < 500) return { type: `${BASE}bad-request`, title: 'Bad request', status: e.status, detail: e.message ?? 'bad request' };
  return { type: `${BASE}internal`, title: 'Internal error', status: 500, detail: 'an internal error occurred; it has been logged' };
}

export function sendProblem(res: Response, problem: Problem): void {
  if (problem.status === 429) res.setHeader('Retry-After', '60');
  res.status(problem.status).type('application/problem+json').send(JSON.stringify(problem));
}

export function problemHandler(log: (err: unknown) => void): ErrorRequestHandler {
  return (err, _req, res, _next) => {
    const problem = toProblem(err);
    if (problem.status >= 500) log(err);
    if (err instanceof TooManyRequests) res.setHeader('Retry-After', String(err.retryAfterSeconds));
    sendProblem(res, problem);
  };
}
