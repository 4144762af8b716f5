/**
 * The rows that carry a single sign-on across the browser's trips (migration
 * 20261207063000_single_sign_on): attempts sent to the provider and outcomes waiting for the app.
 * Each is taken once (delete … returning), so a replayed callback or code finds nothing.
 */
import type { Db } from './db.js';
import type { Text } from '../messages/index.js';

export interface SsoAttemptRow { state: string; provider: string; app: string; nonce: string; code_verifier: string; expires_at: Date }
export interface SsoHandoffRow { code_hash: string; user_id: string | null; refusal: Text | null; expires_at: Date }

/** Unexpired attempts: the bound on how many sign-ins may be under way at once. */
export async function countOpenAttempts(db: Db, now: Date): Promise<number> {
  const [{ n }] = await db('sso_attempt').where('expires_at', '>', now).count('* as n');
  return Number(n);
}

/** Records an attempt, deleting the expired ones first (nothing else cleans this table). */
export async function insertAttempt(db: Db, row: SsoAttemptRow, now: Date): Promise<void> {
  await db('sso_attempt').where('expires_at', '<=', now).delete();
  await db('sso_attempt').insert(row);
}

/** Takes the unexpired attempt with this state; a second call answers undefined. */
export async function takeAttempt(db: Db, state: string, now: Date): Promise<SsoAttemptRow | undefined> {
  const [row] = await db('sso_attempt').where({ state }).delete().returning('*');
  return row && new Date(row.expires_at) > now ? row : undefined;
}

/** Records an outcome, deleting the expired ones first. */
export async function insertHandoff(db: Db, row: SsoHandoffRow, now: Date): Promise<void> {
  await db('sso_handoff').where('expires_at', '<=', now).delete();
  await db('sso_handoff').insert({ ...row, refusal: row.refusal === null ? null : JSON.stringify(row.refusal) });
}

/** Takes the unexpired outcome with this code hash; a second call answers undefined. */
export async function takeHandoff(db: Db, codeHash: string, now: Date): Promise<SsoHandoffRow | undefined> {
  const [row] = await db('sso_handoff').where({ code_hash: codeHash }).delete().returning('*');
  return row && new Date(row.expires_at) > now ? row : undefined;
}
