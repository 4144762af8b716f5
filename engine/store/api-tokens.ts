/**
 * Login tokens, stored as SHA-256 hashes only. Looking up a token never reveals it.
 */
import type { Db } from './db.js';
import type { UserRow } from './users.js';

export interface TokenRow { id: string; token_hash: string; user_id: string; created_at: Date; expires_at: Date }

export async function insertToken(db: Db, row: TokenRow): Promise<void> {
  await db('api_token').insert(row);
}

/** The enabled user owning an unexpired token with this hash, or undefined. */
export async function findUserByTokenHash(db: Db, tokenHash: string, now: Date): Promise<UserRow | undefined> {
  return db('api_token as t').join('app_user as u', 'u.id', 't.user_id')
    .where('t.token_hash', tokenHash).andWhere('t.expires_at', '>', now).andWhere('u.disabled', false)
    .first('u.*');
}

/** Deletes one token (logout); running twice is harmless. */
export async function deleteToken(db: Db, tokenHash: string): Promise<void> {
  await db('api_token').where({ token_hash: tokenHash }).delete();
}

/** Like findUserByTokenHash, with the user's group names, in one query (every request asks this). */
export async function findUserAndGroupsByTokenHash(db: Db, tokenHash: string, now: Date): Promise<(UserRow & { groups: string[]; token_expires_at: Date }) | undefined> {
  return db('api_token as t').join('app_user as u', 'u.id', 't.user_id')
    .leftJoin('group_membership as m', 'm.user_id', 'u.id')
    .where('t.token_hash', tokenHash).andWhere('t.expires_at', '>', now).andWhere('u.disabled', false)
    .groupBy('u.id')
    .first('u.*', db.raw("coalesce(array_agg(m.group_name order by m.group_name) filter (where m.group_name is not null), '{}') as groups"), db.raw('max(t.expires_at) as token_expires_at'));
}

/** Deletes the tokens of a user (deactivated, password reset), except `keep` (the caller's own). */
export async function deleteTokensOfUser(db: Db, userId: string, keepHash?: string): Promise<void> {
  const q = db('api_token').where({ user_id: userId });
  if (keepHash) q.whereNot({ token_hash: keepHash });
  await q.delete();
}
