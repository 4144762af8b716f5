/**
 * The commands outside the engine's instances, bound to the database for the API: sign-in,
 * tenants, people, groups, the working-day calendar and document uploads. Each checks the
 * caller's role itself (service/identity.ts, people.ts, groups.ts, calendars.ts); this module
 * only binds them, so no route reaches the database.
 */
import type { IncomingMessage } from 'node:http';
import type { Engine } from './engine.js';
import type { TokenCache } from '../auth/token-cache.js';
import type { LoginRateLimiter } from '../auth/rate-limit.js';
import type { Actor } from './actor.js';
import { tenantOf } from './actor.js';
import { login, logout, createTenant, changeTenant, createUser, type NewUser } from './identity.js';
import type { SsoDeps } from './sso.js';
import { changePerson, type PersonPatch } from './people.js';
import { createGroup, changeGroup, removeGroup } from './groups.js';
import { addHoliday, removeHoliday, setCalendar } from './calendars.js';
import type { HolidayKind } from '../store/calendars.js';
import { receiveDocument, type DocumentOptions } from '../documents/intake.js';
import { removeCertificate, uploadCertificate, type SigningDeps } from '../signing/certificates.js';
import { putRegister, registerAfterChange, type RegisterChange } from '../letters/registers.js';

export class Administration {
  constructor(private readonly engine: Engine, private readonly tokenCache?: TokenCache) {}

  private get knex() {
    return this.engine.deps.knex;
  }

  private now(): Date {
    return this.engine.deps.clock.now();
  }

  login(limiter: LoginRateLimiter, req: { username: string; password: string; ip: string }, ttlMs: number) {
    return login(this.knex, limiter, req, ttlMs);
  }

  logout(token: string) {
    return logout(this.knex, token, this.tokenCache);
  }

  createTenant(actor: Actor, req: { id: string; name: string }) {
    return createTenant(this.knex, actor, req, this.now());
  }

  changeTenant(actor: Actor, id: string, patch: { name?: string; localPasswords?: boolean }, ssoServes: (tenant: string) => boolean, callerToken?: string) {
    return changeTenant(this.knex, actor, id, patch, ssoServes, { callerToken, cache: this.tokenCache });
  }

  /** What single sign-on needs (service/sso.ts), when a provider is configured. */
  sso(config: Omit<SsoDeps, 'knex' | 'tokenCache'> | undefined): SsoDeps | undefined {
    return config && { ...config, knex: this.knex, tokenCache: this.tokenCache };
  }

  createUser(actor: Actor, user: NewUser) {
    return createUser(this.knex, actor, user, this.now());
  }

  changePerson(actor: Actor, username: string, patch: PersonPatch, callerToken?: string) {
    return changePerson({ knex: this.knex, engine: this.engine, tokenCache: this.tokenCache }, actor, username, patch, callerToken);
  }

  createGroup(actor: Actor, req: { id: string; name?: string; parent?: string | null }) {
    return createGroup(this.knex, actor, req, this.now());
  }

  changeGroup(actor: Actor, id: string, patch: { name?: string; parent?: string | null }) {
    return changeGroup(this.knex, actor, id, patch);
  }

  removeGroup(actor: Actor, id: string) {
    return removeGroup(this.knex, actor, id);
  }

  setCalendar(actor: Actor, body: { zone?: string; weekend?: number[] }) {
    return setCalendar(this.knex, this.engine.deps, actor, body);
  }

  addHoliday(actor: Actor, body: { date: string; name: string; kind: HolidayKind; source?: string }) {
    return addHoliday(this.knex, this.engine.deps, actor, body);
  }

  removeHoliday(actor: Actor, date: string) {
    return removeHoliday(this.knex, this.engine.deps, actor, date);
  }

  /** Stores a tenant's signing certificate sealed (admin; signing/certificates.ts). */
  uploadCertificate(signing: SigningDeps, actor: Actor, name: string, p12: Buffer | undefined, passphrase: string | undefined) {
    return uploadCertificate(this.knex, signing, actor, name, p12, passphrase);
  }

  removeCertificate(actor: Actor, name: string) {
    return removeCertificate(this.knex, actor, name);
  }

  /** Sets up or changes a letter register (admin; letters/registers.ts); answers it as listed, and whether it is new. */
  async putLetterRegister(actor: Actor, key: string, change: RegisterChange) {
    const { created } = await putRegister(this.knex, actor, key, change, this.now());
    return { created, register: await registerAfterChange(this.knex, actor, key) };
  }

  /** Stores an upload streamed from the request (documents/intake.ts), as the caller's. */
  receiveDocument(req: IncomingMessage, options: DocumentOptions, actor: Actor) {
    return receiveDocument(req, this.knex, options, { tenant: tenantOf(actor), username: actor.username, now: this.now() });
  }
}
