/**
 * What an upload is, decided from its content (file-type) and never from its name: the kinds a
 * tenant's documents may be (PDF, PNG, JPEG, plus ALUR_DOCUMENT_TYPES), a name whose extension
 * contradicts the content (a program renamed `ktp.pdf`), and the name made safe to store and to
 * send back in Content-Disposition (no folders, no control characters).
 */
import { basename } from 'node:path/posix';
import type { FileTypeResult } from 'file-type';

/** file-type, loaded with the first upload rather than on every start (a large share of loading the server's code). */
const fileType = () => import('file-type');

/** The kind the first bytes of an upload show; undefined when file-type knows none. */
export async function detectKind(head: Uint8Array): Promise<FileTypeResult | undefined> {
  return (await fileType()).fileTypeFromBuffer(head);
}

export const DEFAULT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;

/** Extensions that name the same kind as the one file-type reports. */
const ALIASES: Record<string, string[]> = {
  jpg: ['jpg', 'jpeg', 'jpe', 'jfif'],
  tif: ['tif', 'tiff'],
  docx: ['docx', 'docm', 'dotx'],
  xlsx: ['xlsx', 'xlsm'],
  htm: ['htm', 'html'],
};

/**
 * Extensions that claim a kind of their own. Beyond those file-type knows: text-like kinds it
 * cannot detect, so `surat.html` holding a PDF still contradicts itself. Any other extension
 * (`S.Kom`, `2026`) is part of the name, not a claim. Filled with the first upload's check.
 */
let claiming: Set<string> | undefined;
const TEXT_LIKE = ['txt', 'htm', 'html', 'js', 'mjs', 'svg', 'xml', 'csv', 'json', 'bat', 'cmd', 'sh', 'ps1', 'vbs', 'php', 'com', 'scr', 'doc', 'xls', 'ppt', 'docx', 'xlsx', 'pptx', 'odt', 'rtf'];

export interface KindRules {
  /** Media types (or extensions, as file-type names them) accepted; DEFAULT_TYPES plus the configured ones. */
  accepted: ReadonlySet<string>;
}

/** ALUR_DOCUMENT_TYPES: a comma-separated list of media types or extensions added to the defaults. */
export function kindRules(extra: readonly string[] = []): KindRules {
  return { accepted: new Set([...DEFAULT_TYPES, ...extra.map((t) => t.trim().toLowerCase().replace(/^\./, '')).filter(Boolean)]) };
}

export function isAccepted(rules: KindRules, found: FileTypeResult): boolean {
  return rules.accepted.has(found.mime) || rules.accepted.has(found.ext);
}

/** The extension of `name` if it claims a kind other than `found`; else undefined. */
export async function contradiction(name: string, found: FileTypeResult): Promise<string | undefined> {
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return undefined;
  const ext = name.slice(dot + 1).toLowerCase();
  claiming ??= new Set([...(await fileType()).supportedExtensions, ...TEXT_LIKE]);
  if (!claiming.has(ext)) return undefined;
  const same = ALIASES[found.ext] ?? [found.ext];
  return same.includes(ext) ? undefined : ext;
}

const MAX_NAME = 200;

/**
 * The name to keep: the last path segment of what the client sent (either slash), without control
 * characters, characters Windows forbids, or leading dots; at most 200 characters with the
 * extension kept. Nothing left: `berkas.<ext>`.
 */
export function safeName(raw: string | undefined, ext: string): string {
  let name = basename(String(raw ?? '').replace(/\\/g, '/'));
  // eslint-disable-next-line no-control-regex
  name = name.normalize('NFC').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '').replace(/[<>:"/\\|?*]/g, '_').replace(/^[.\s]+/, '').trim();
  if (name.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const tail = dot > 0 && name.length - dot <= 10 ? name.slice(dot) : '';
    name = name.slice(0, MAX_NAME - tail.length) + tail;
  }
  return name || `berkas.${ext}`;
}

/** How the accepted kinds read in a message: `PDF, PNG, JPEG`. */
export function acceptedList(rules: KindRules): string {
  return [...rules.accepted].map((t) => (t.includes('/') ? t.split('/')[1].replace(/^vnd\..*\./, '') : t).toUpperCase()).join(', ');
}
