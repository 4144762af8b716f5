/**
 * The designer's client for the Alur HTTP API (../shared/API.md). Owns the session token (kept in
 * sessionStorage, so closing the tab logs out) and turns problem+json answers into ApiError.
 * It never retries a write: a deployment or pack import is sent once, and its answer is shown.
 */
import { currentLang } from './i18n/lang.js';

/** `tenantName`: the tenant's name for the header (absent in sessions saved before the server sent it). */
export interface User { username: string; displayName?: string; tenant: string; tenantName?: string | null; roles: string[]; groups: string[] }
export interface Session { token: string; user: User }
export interface ProcessDefinition { id: string; key: string; version: number; name?: string; deployedAt?: string }
/** `errors[].key`: a deployment finding's catalog key (the live lint reports the same key). */
export interface Problem { type?: string; title?: string; status?: number; detail?: string; errors?: { element?: string; path?: string; message: string; key?: string; detail?: string }[]; [field: string]: unknown }
export interface DeployResult { id: string; processes: { id: string; key: string; version: number; name?: string }[]; forms: { id: string; formId: string; version: number }[]; templates?: { name: string; version: number }[]; warnings?: { element: string; message: string; key?: string }[] }
export interface PackReport { errors?: { element?: string; path?: string; message: string }[]; pack?: string; version?: string | number; processes?: unknown[]; forms?: unknown[]; unmappedRoles?: string[]; missingConnectors?: string[]; deployed?: boolean; [field: string]: unknown }

const SESSION_KEY = 'alur.session';

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
  }
}

export function currentSession(): Session | null {
  const raw = sessionStorage.getItem(SESSION_KEY);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as Session;
  } catch {
    return null;
  }
}

export function logout(): void {
  sessionStorage.removeItem(SESSION_KEY);
}

async function request(method: string, path: string, body?: BodyInit | object): Promise<Response> {
  // The server writes its messages (refusals, rule findings, pack reports) in the UI's language.
  const headers: Record<string, string> = { 'Accept-Language': currentLang() };
  const session = currentSession();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  let payload: BodyInit | undefined;
  if (body instanceof FormData || typeof body === 'string' || body instanceof Blob) payload = body;
  else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(path, { method, headers, body: payload });
  if (response.ok) return response;
  if (response.status === 401 && session) {
    // The token expired or was revoked: back to the login page (main.ts listens).
    logout();
    window.dispatchEvent(new Event('alur:logged-out'));
  }
  const text = await response.text();
  let problem: Problem;
  try {
    problem = JSON.parse(text) as Problem;
  } catch {
    problem = { status: response.status, title: response.statusText, detail: text.slice(0, 300) };
  }
  throw new ApiError(response.status, problem);
}

export async function login(username: string, password: string): Promise<Session> {
  const session = (await (await request('POST', '/api/auth/login', { username, password })).json()) as Session;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

/** A single sign-on button: the provider's id, its label, and its tenant (null: any tenant). */
export interface SsoButton { id: string; label: string | null; tenant: string | null; tenantName: string | null }

export async function ssoButtons(): Promise<SsoButton[]> {
  return ((await (await request('GET', '/api/auth/sso')).json()) as { items: SsoButton[] }).items;
}

/** Where a sign-on button sends the browser: the server's start, which goes on to the provider. */
export function ssoStartHref(provider: string): string {
  return `/api/auth/sso/start?provider=${encodeURIComponent(provider)}&app=designer`;
}

/** The one-time code a single sign-on brought back → the session; a refusal is an ApiError saying why. */
export async function exchangeSso(code: string): Promise<Session> {
  const session = (await (await request('POST', '/api/auth/sso/exchange', { code })).json()) as Session;
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  return session;
}

export async function listDefinitions(): Promise<ProcessDefinition[]> {
  const page = await (await request('GET', '/api/process-definitions?limit=500')).json();
  return page.items as ProcessDefinition[];
}

export async function definitionXml(id: string): Promise<string> {
  return (await request('GET', `/api/process-definitions/${encodeURIComponent(id)}/xml`)).text();
}

/** The latest deployed schema of a form, or null when none is deployed under that id (404). */
export async function deployedForm(formId: string): Promise<Record<string, unknown> | null> {
  try {
    return (await (await request('GET', `/api/forms/${encodeURIComponent(formId)}`)).json()).schema as Record<string, unknown>;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** Deploys the diagram, its forms and letter templates in one multipart request; the extension names the kind. */
export async function deploy(files: { name: string; content: string | Blob; type: string }[]): Promise<{ created: boolean; result: DeployResult }> {
  const form = new FormData();
  for (const file of files) form.append('files', new Blob([file.content], { type: file.type }), file.name);
  const response = await request('POST', '/api/deployments', form);
  return { created: response.status === 201, result: (await response.json()) as DeployResult };
}

export async function importPack(pack: File, roles: Record<string, string>, dryRun: boolean): Promise<PackReport> {
  const form = new FormData();
  form.append('pack', pack, pack.name);
  form.append('roles', JSON.stringify(roles));
  return (await (await request('POST', `/api/packs/import?dryRun=${dryRun}`, form)).json()) as PackReport;
}

/** A pack imported into the tenant, as GET /api/packs lists it. */
export interface InstalledPack {
  name: string; version: string; importedAt?: string; publisher?: { tenant: string; name: string };
  description?: { id: string; en: string }; processes: { id: string; name?: { id: string; en: string } }[];
}

export async function listPacks(): Promise<InstalledPack[]> {
  return ((await (await request('GET', '/api/packs')).json()) as { items: InstalledPack[] }).items;
}

export async function exportPack(name: string): Promise<Blob> {
  return (await request('GET', `/api/packs/${encodeURIComponent(name)}/export`)).blob();
}

/** The tenant's groups, when the server offers a list; null when it does not (free text then). */
export async function listGroups(): Promise<string[] | null> {
  try {
    const body = await (await request('GET', '/api/groups?limit=500')).json();
    const items: unknown[] = Array.isArray(body) ? body : body.items ?? [];
    return items.map((item) => (typeof item === 'string' ? item : String((item as any).id ?? (item as any).name))).filter(Boolean);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 405)) return null;
    throw error;
  }
}

/** A JSON request to the API for pages with their own small clients (views/people-*.ts); 204 answers undefined. */
export async function apiJson<T>(method: string, path: string, body?: object): Promise<T> {
  const response = await request(method, path, body);
  return (response.status === 204 ? undefined : await response.json()) as T;
}
