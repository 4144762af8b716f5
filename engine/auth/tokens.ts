/**
 * Bearer tokens for the API: 32 random bytes in base64url behind a recognisable `alur_` prefix (so
 * secret scanners and people can tell what leaked), and their SHA-256 — the only form that is
 * stored. A database dump therefore holds no usable token. This module never logs a token.
 */
import { createHash, randomBytes } from 'node:crypto';

export const TOKEN_PREFIX = 'alur_';
const TOKEN_BYTES = 32;
/** 32 bytes are 43 base64url characters (no padding). */
const TOKEN_SHAPE = /^alur_[A-Za-z0-9_-]{43}$/;

export interface IssuedToken {
  /** Give this to the client, once. */
  token: string;
  /** Store this (hex SHA-256 of the token). */
  hash: string;
}

/** A new random token and the hash to store for it. */
export function generateToken(): IssuedToken {
  const token = TOKEN_PREFIX + randomBytes(TOKEN_BYTES).toString('base64url');
  return { token, hash: hashToken(token) };
}

/** The stored form of a token: hex SHA-256. A fast hash suffices, the token has 256 bits of entropy. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Whether `value` has the shape of an Alur token (cheap pre-check before a database lookup). */
export function looksLikeToken(value: unknown): value is string {
  return typeof value === 'string' && TOKEN_SHAPE.test(value);
}

/** The token of an `Authorization: Bearer <token>` header, or undefined when absent or malformed. */
export function parseBearer(header: string | undefined): string | undefined {
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header ?? '');
  return match && looksLikeToken(match[1]) ? match[1] : undefined;
}
