/**
 * The `http` connector (API.md, "Built-in connectors"): headers method (GET), url, body (sent as
 * JSON), headers (a JSON object), timeout (ms, 10000) and resultVariable (response), each may be
 * FEEL. The answer lands in `{ status, body }` (body parsed when JSON). A non-2xx answer or a
 * network error fails the job with the status; messages name the method, host and path only —
 * never the query string or bodies, which may carry a NIK. With an allow-list (ALUR_HTTP_ALLOW)
 * only listed hosts are called. Loopback, private and link-local addresses are refused unless the
 * operator opens them (private-targets.ts), after DNS resolution and on every redirect, which are
 * followed by hand so each hop is checked.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { JobIncident, type JobHandler } from '../registry.js';
import { PrivateTargets, checkedAddresses, type CheckedAddress } from './private-targets.js';
import { resolveHeaders, requiredText, optionalText, type HeaderContext, type ResolvedHeaders } from './headers.js';

export interface HttpConnectorOptions extends HeaderContext {
  /** Allowed hosts (`host` or `host:port`); undefined = any public host. A listed host may also be private. */
  allowHosts?: string[];
  /** ALUR_HTTP_ALLOW_PRIVATE: hosts, addresses or CIDR ranges (`tenant=` for one tenant) that may be loopback, private or link-local. */
  allowPrivate?: string[];
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

function target(h: ResolvedHeaders): URL {
  const text = requiredText(h, 'url', 'http');
  try {
    return new URL(text);
  } catch {
    throw new Error('http connector: task header url is not an absolute URL');
  }
}

/** The scheme and ALUR_HTTP_ALLOW, for the first URL and every redirect. */
function checkTarget(url: URL, allowHosts: string[] | undefined): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`http connector: only http and https URLs are called, not ${url.protocol}`);
  if (allowHosts && !allowHosts.includes(url.hostname.toLowerCase()) && !allowHosts.includes(url.host.toLowerCase())) {
    throw new Error(`http connector: host ${url.host} is not in ALUR_HTTP_ALLOW`);
  }
}

/** Reads the body as it streams in and stops at `limit` bytes (a 400 MB answer once took +900 MB of memory before the check). */
async function readBody(res: IncomingMessage, limit: number): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res) {
    size += (chunk as Buffer).byteLength;
    if (size > limit) {
      res.destroy();
      // The same server answers the same on a retry: an incident at once, not three downloads.
      throw new JobIncident(`http connector: response body larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

interface Outgoing { method: string; headers: Record<string, string>; body?: string }

/** One request to the addresses checked for `url`'s host: the socket connects to exactly those (no second lookup). */
function send(url: URL, out: Outgoing, addresses: CheckedAddress[], signal: AbortSignal): Promise<IncomingMessage> {
  // With `all` (Node's happy eyeballs) every checked address is offered, else the first.
  const pinned: LookupFunction = (_host, options, callback) => {
    if ((options as { all?: boolean }).all) (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    else callback(null, addresses[0].address, addresses[0].family);
  };
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, { method: out.method, headers: out.headers, lookup: pinned, signal }, resolve);
    req.on('error', reject);
    req.end(out.body);
  });
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

/**
 * Sends the request and follows redirects by hand, so every hop passes the same checks as the
 * first: the scheme, the allow-list and the address (a public host answering 302 to
 * http://169.254.169.254/ is refused like the address itself).
 */
async function call(first: URL, out: Outgoing, check: (url: URL) => Promise<CheckedAddress[]>, signal: AbortSignal): Promise<IncomingMessage> {
  let url = first;
  let request = out;
  for (let hop = 0; ; hop++) {
    const res = await send(url, request, await check(url), signal);
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return res;
    res.resume();
    if (hop === MAX_REDIRECTS) throw new Error(`http connector: more than ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, url);
    // As fetch does: 303, and 301/302 after a POST, turn into a GET without the body; credentials stay with their origin.
    const toGet = res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && request.method === 'POST');
    const headers = { ...request.headers };
    if (next.origin !== url.origin) for (const name of Object.keys(headers)) if (/^(authorization|cookie)$/i.test(name)) delete headers[name];
    if (toGet) delete headers['content-type'];
    request = toGet ? { method: 'GET', headers } : { ...request, headers };
    url = next;
  }
}

export function httpConnector(options: HttpConnectorOptions = {}): JobHandler {
  const allowHosts = options.allowHosts?.map((h) => h.trim().toLowerCase()).filter(Boolean);
  const limit = options.maxResponseBytes ?? 1024 * 1024;
  const maxTimeout = options.maxTimeoutMs ?? MAX_TIMEOUT_MS;
  const privateTargets = new PrivateTargets(options.allowPrivate, allowHosts);
  return async (job) => {
    const h = resolveHeaders(job.headers, job.variables, options);
    const method = (optionalText(h, 'method') ?? 'GET').toUpperCase();
    if (!METHODS.has(method)) throw new Error(`http connector: unsupported method ${method}`);
    const url = target(h);
    checkTarget(url, allowHosts);
    const where = `${method} ${url.origin}${url.pathname}`;
    const body = method === 'GET' || method === 'HEAD' ? undefined : requestBody(h.body);
    const headers = { accept: 'application/json, text/plain;q=0.9, */*;q=0.1', ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...requestHeaders(h.headers) };
    const timeout = timeoutOf(h, maxTimeout);
    const check = (u: URL) => {
      checkTarget(u, allowHosts);
      return checkedAddresses(u.hostname, job.tenant, privateTargets);
    };
    const signal = AbortSignal.timeout(timeout);
    try {
      const res = await call(url, { method, headers, body }, check, signal);
      const responseBody = await readBody(res, limit);
      const status = res.statusCode ?? 0;
      if (status < 200 || status > 299) throw new Error(`http connector: ${where} answered HTTP ${status}`);
      const resultVariable = optionalText(h, 'resultVariable') ?? 'response';
      return { variables: { [resultVariable]: { status, body: responseBody } } };
    } catch (err) {
      if ((err as Error).message.startsWith('http connector:')) throw err;
      const cause = signal.aborted ? 'timed out' : ((err as { code?: string }).code ?? (err as Error).message);
      throw new Error(`http connector: ${where} failed: ${cause}`, { cause: err });
    }
  };
}
