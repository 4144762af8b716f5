/**
 * An Alur app over a fresh database of one backend, driven through supertest (real HTTP on an
 * ephemeral port). Users are inserted directly with one precomputed password hash and tokens are
 * minted directly, so specs do not pay scrypt per user; the login spec exercises the real path.
 */
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import type { Backend } from '../store/backends.js';
import type { Database } from '../../engine/store/database.js';
import { Clock } from '../../engine/runner/clock.js';
import { ModelCache } from '../../engine/service/models.js';
import { Engine } from '../../engine/service/engine.js';
import type { EngineDeps } from '../../engine/service/context.js';
import { JobHandlerRegistry } from '../../engine/runner/registry.js';
import { EmbeddedRunner } from '../../engine/runner/embedded.js';
import { createApp } from '../../engine/api/app.js';
import type { AppDeps } from '../../engine/api/deps.js';
import { LoginRateLimiter } from '../../engine/auth/rate-limit.js';
import { TokenCache } from '../../engine/auth/token-cache.js';
import { hashPassword } from '../../engine/auth/password.js';
import { generateToken } from '../../engine/auth/tokens.js';
import { insertTenant } from '../../engine/store/tenants.js';
import { insertUser, ensureGroups, addMemberships } from '../../engine/store/users.js';
import { insertToken } from '../../engine/store/api-tokens.js';
import { bootstrapAdmin } from '../../engine/service/identity.js';
import type { DocumentOptions } from '../../engine/documents/intake.js';

export const PASSWORD = 'correct horse battery';
export const T0 = new Date('2026-12-01T08:00:00Z');
let hash: Promise<string> | undefined;

export interface Api {
  db: Database;
  clock: Clock;
  engine: Engine;
  registry: JobHandlerRegistry;
  runner: EmbeddedRunner;
  app: Express;
  http: ReturnType<typeof request>;
  /** Token of the platform administrator `admin` (password PASSWORD). */
  admin: string;
  close(): Promise<void>;
}

export async function openApi(backend: Backend, opts: { clockControlled?: boolean; limiter?: LoginRateLimiter; app?: Partial<AppDeps>; documents?: DocumentOptions; engine?: Partial<EngineDeps> } = {}): Promise<Api> {
  const db = await backend.open();
  const clock = new Clock();
  clock.pin(T0);
  const registry = new JobHandlerRegistry();
  const engine = new Engine({ knex: db.knex, clock, models: new ModelCache(), ...opts.engine });
  const runner = new EmbeddedRunner(engine, registry, { backoffMs: 1000 });
  const app = createApp({
    engine, databaseDescription: db.describe, queue: 'embedded', limiter: opts.limiter ?? new LoginRateLimiter({ maxAttempts: 1000, maxAttemptsPerIp: 10_000 }),
    tokenTtlMs: 3600_000, tokenCache: new TokenCache(), maxUploadBytes: 256 * 1024, clockControlled: opts.clockControlled ?? false, runner, documents: opts.documents,
    logError: (err) => console.error('unexpected', err), ...opts.app,
  });
  await bootstrapAdmin(db.knex, PASSWORD, T0);
  const http = request(app);
  const admin = await tokenFor(db, 'admin');
  return { db, clock, engine, registry, runner, app, http, admin, close: () => db.close() };
}

/** Mints a token for an existing user straight into the store. */
export async function tokenFor(db: Database, username: string): Promise<string> {
  const user = await db.knex('app_user').where({ username }).first();
  const issued = generateToken();
  await insertToken(db.knex, { id: randomUUID(), token_hash: issued.hash, user_id: user.id, created_at: new Date(), expires_at: new Date(Date.now() + 3600_000) });
  return issued.token;
}

export async function makeTenant(api: Api, prefix = 't'): Promise<string> {
  const id = `${prefix}-${randomUUID().slice(0, 8)}`;
  await insertTenant(api.db.knex, { id, name: `Kabupaten ${id}`, created_at: T0 });
  return id;
}

/** Creates a user (password PASSWORD) and returns a token for it. */
export async function makeUser(api: Api, tenant: string, username: string, roles: string[], groups: string[] = []): Promise<string> {
  hash ??= hashPassword(PASSWORD);
  const id = randomUUID();
  await insertUser(api.db.knex, { id, username, tenant_id: tenant, password_hash: await hash, roles, disabled: false, created_at: T0 });
  await ensureGroups(api.db.knex, tenant, groups, T0);
  await addMemberships(api.db.knex, id, tenant, groups);
  return tokenFor(api.db, username);
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** A unique username (usernames are unique platform-wide). */
export const uname = (base: string) => `${base}-${randomUUID().slice(0, 6)}`;

export function bpmnFile(id: string, body: string): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Defs_${id}" targetNamespace="http://alur.example/test">
  <bpmn:process id="${id}" isExecutable="true">${body}</bpmn:process>
</bpmn:definitions>`);
}

export const APPROVAL_BPMN = new URL('../../processes/examples/two-step-approval.bpmn', import.meta.url).pathname;
export const APPROVAL_FORM = new URL('../../processes/examples/two-step-approval.form', import.meta.url).pathname;

/** Deploys the two-step approval as `token` and returns the answer body. */
export async function deployApproval(api: Api, token: string) {
  const res = await api.http.post('/api/deployments').set(bearer(token)).attach('files', APPROVAL_BPMN).attach('files', APPROVAL_FORM);
  if (res.status >= 300) throw new Error(`deploy failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
