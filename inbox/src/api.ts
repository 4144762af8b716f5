/**
 * The inbox's HTTP client for the Alur API (see API.md). Owns request building, the bearer token
 * and turning `application/problem+json` into an `ApiError`; it never renders anything. A 401
 * clears the session and tells the app, so an expired token leads back to the login form.
 */
import { lang } from './i18n/index.js';
import { clearSession, token, type User } from './session.js';

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { path?: string; element?: string; code?: string; message: string }[];
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
  }
  get status(): number {
    return this.problem.status;
  }
}

export interface Page<T> {
  items: T[];
  total: number;
}

let onUnauthorized: () => void = () => undefined;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/** Base of the API: the inbox is served at /inbox/, the API at /api/ on the same origin. */
export const base = new URL('../api/', document.baseURI.replace(/#.*$/, '')).pathname;

/** The headers every call sends: the bearer token and the user's language (the server words its messages in it). */
export function callHeaders(): Record<string, string> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': lang() };
  const bearer = token();
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  return headers;
}

/** A 401 to a signed-in call: the session is over (documents.ts uses it for its own requests). */
export function sessionEnded(status: number): void {
  if (status === 401 && token()) {
    clearSession();
    onUnauthorized();
  }
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers = callHeaders();
  if (body !== undefined) headers['content-type'] = 'application/json';
  let response: Response;
  try {
    response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError({ status: 0, title: 'network' });
  }
  sessionEnded(response.status);
  if (!response.ok) throw new ApiError(await readProblem(response));
  if (response.status === 204) return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  return (type.includes('json') ? await response.json() : await response.text()) as T;
}

export async function readProblem(response: Response): Promise<Problem> {
  try {
    const problem = (await response.json()) as Problem;
    return { ...problem, status: response.status };
  } catch {
    return { status: response.status, title: response.statusText };
  }
}

export const get = <T>(path: string): Promise<T> => request<T>('GET', path);
export const post = <T>(path: string, body: unknown = {}): Promise<T> => request<T>('POST', path, body);

/** Builds a query string, leaving out empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export function login(username: string, password: string): Promise<{ token: string; user: User }> {
  return post('auth/login', { username, password });
}

/** A single sign-on button: the provider's id, its label, and its tenant (null: any tenant). */
export interface SsoButton { id: string; label: string | null; tenant: string | null; tenantName: string | null }

export async function ssoButtons(): Promise<SsoButton[]> {
  return (await get<{ items: SsoButton[] }>('auth/sso')).items;
}

/** Where a sign-on button sends the browser: the server's start, which goes on to the provider. */
export function ssoStartHref(provider: string): string {
  return `${base}auth/sso/start?provider=${encodeURIComponent(provider)}&app=inbox`;
}

/** The one-time code a single sign-on brought back → a token and the user; a refusal is an ApiError saying why. */
export function exchangeSso(code: string): Promise<{ token: string; user: User }> {
  return post('auth/sso/exchange', { code });
}
