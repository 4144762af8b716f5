/**
 * The in-memory form of a pack as read from a folder or a zip: relative path → bytes. Reading never
 * writes to disk; what is kept of an imported pack is stored by the caller (see store.ts).
 */
import { createHash } from 'node:crypto';
import { text, type Text } from '../messages/index.js';

export interface PackFiles {
  /** Where the pack came from (a folder path or zip name), for messages. */
  origin: string;
  files: Map<string, Buffer>;
}

export const MANIFEST = 'pack.json';
export const SIGNATURE = 'pack.sig';

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/**
 * Why a relative path inside a pack is refused, or undefined when it is fine. Names must be plain
 * relative paths with forward slashes: no `..` or `.` segment, no absolute path or drive letter, no
 * backslash, no control characters — so no file can ever land outside the pack's own storage.
 */
export function unsafePathReason(name: string): Text | undefined {
  if (name.length === 0) return text('pack-read.why-empty-name');
  if (name.length > 200) return text('pack-read.why-long-name');
  if ([...name].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)) return text('pack-read.why-control-char');
  if (name.includes('\\')) return text('pack-read.why-backslash');
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return text('pack-read.why-absolute');
  const segments = name.replace(/\/$/, '').split('/');
  if (segments.some((s) => s === '..')) return text('pack-read.why-dotdot');
  if (segments.some((s) => s === '.' || s === '')) return text('pack-read.why-empty-segment');
  return undefined;
}
