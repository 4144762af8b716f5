/**
 * The `http` connector (API.md, "Built-in connectors"): headers method (GET), url, body (sent as
 * JSON), headers (a JSON object), timeout (ms, 10000) and resultVariable (response), each may be
 * FEEL. The answer lands in `{ status, body }` (body parsed when JSON). A non-2xx answer or a
 * network error fails the job with the status; messages name the method, host and path only —
 * never the query string or bodies, which may carry a NIK. With an allow-list (ALUR_HTTP_ALLOW)
 * only listed hosts are called and redirects are refused, so a redirect cannot leave the list.
 */
import type { JobHandler } from '../registry.js';
import { resolveHeaders, requiredText, optionalText, type HeaderContext, type ResolvedHeaders } from './headers.js';

export interface HttpConnectorOptions extends HeaderContext {
  /** Allowed hosts (`host` or `host:port`); undefined = any host, loopback and private included. */
  allowHosts?: string[];
  /** Largest response body read, in bytes (it becomes a process variable). */
  maxResponseBytes?: number;
  /** Longest timeout a task may ask for, in ms (MAX_TIMEOUT_MS). */
  maxTimeoutMs?: number;
}

const METHODS = new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);

function requestHeaders(value: unknown): Record<string, string> {
  if (value === undefined || value === null || value === '') return {};
  let parsed = value;
  if (typeof value === 'string') {
    try {
      parsed = JSON.parse(value);
    } catch {
      throw new Error('http connector: task header headers must be a JSON object');
    }
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('http connector: task header headers must be a JSON object');
  return Object.fromEntries(Object.entries(parsed as Record<string, unknown>).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
}

function requestBody(value: unknown): string | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    try {
      JSON.parse(value);
      return value;
    } catch {
      return JSON.stringify(value);
    }
  }
  return JSON.stringify(value);
}

/** The longest a call may take (a socket that never answers once held a runner slot for 40 s). */
export const MAX_TIMEOUT_MS = 30_000;

function timeoutOf(h: ResolvedHeaders, max: number): number {
  const raw = h.timeout;
  if (raw === undefined || raw === null || raw === '') return Math.min(10_000, max);
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`http connector: task header timeout must be a positive number of milliseconds, got ${JSON.stringify(raw)}`);
  if (n > max) throw new Error(`http connector: task header timeout ${n} ms is above the maximum of ${max} ms`);
  return n;
}

function target(h: ResolvedHeaders, allowHosts: string[] | undefined): URL {
  const text = requiredText(h, 'url', 'http');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new Error('http connector: task header url is not an absolute URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`http connector: only http and https URLs are called, not ${url.protocol}`);
  if (allowHosts && !allowHosts.includes(url.hostname.toLowerCase()) && !allowHosts.includes(url.host.toLowerCase())) {
    throw new Error(`http connector: host ${url.host} is not in ALUR_HTTP_ALLOW`);
  }
  return url;
}

/** Reads the body as it streams in and stops at `limit` bytes (a 400 MB answer once took +900 MB of memory before the check). */
async function readBody(res: Response, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw new Error(`http connector: response body larger than ${limit} bytes`);
      }
      chunks.push(Buffer.from(value));
    }
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function httpConnector(options: HttpConnectorOptions = {}): JobHandler {
  const allowHosts = options.allowHosts?.map((h) => h.trim().toLowerCase()).filter(Boolean);
  const limit = options.maxResponseBytes ?? 1024 * 1024;
  const maxTimeout = options.maxTimeoutMs ?? MAX_TIMEOUT_MS;
  return async (job) => {
    const h = resolveHeaders(job.headers, job.variables, options);
    const method = (optionalText(h, 'method') ?? 'GET').toUpperCase();
    if (!METHODS.has(method)) throw new Error(`http connector: unsupported method ${method}`);
    const url = target(h, allowHosts);
    const where = `${method} ${url.origin}${url.pathname}`;
    const body = method === 'GET' || method === 'HEAD' ? undefined : requestBody(h.body);
    const headers = { accept: 'application/json, text/plain;q=0.9, */*;q=0.1', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...requestHeaders(h.headers) };
    const timeout = timeoutOf(h, maxTimeout);
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body, signal: AbortSignal.timeout(timeout), redirect: allowHosts ? 'error' : 'follow' });
    } catch (err) {
      const cause = (err as Error).name === 'TimeoutError' ? 'timed out' : ((err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message);
      throw new Error(`http connector: ${where} failed: ${cause}`, { cause: err });
    }
    const responseBody = await readBody(res, limit);
    if (res.status < 200 || res.status > 299) throw new Error(`http connector: ${where} answered HTTP ${res.status}`);
    const resultVariable = optionalText(h, 'resultVariable') ?? 'response';
    return { variables: { [resultVariable]: { status: res.status, body: responseBody } } };
  };
}
