/**
 * Turns the bytes of an uploaded BPMN file into text: skips a UTF-8 BOM and decodes by the encoding
 * the XML declaration names. UTF-8 is decoded strictly — a byte that is not UTF-8 is an error with
 * its position, never silently replaced. Must never guess an encoding it was not told.
 */
import { finding, type Problem } from './problems.js';
import { text } from '../messages/index.js';

/** Declared encodings we decode, mapped to WHATWG labels (Latin-1 is decoded as windows-1252, a superset). */
const ENCODINGS: Record<string, string> = {
  'utf-8': 'utf-8', utf8: 'utf-8',
  'iso-8859-1': 'windows-1252', 'iso8859-1': 'windows-1252', latin1: 'windows-1252', 'latin-1': 'windows-1252',
  'windows-1252': 'windows-1252', cp1252: 'windows-1252',
  'us-ascii': 'windows-1252', ascii: 'windows-1252',
};

export type Decoded = { ok: true; text: string } | { ok: false; error: Problem };

/** The encoding named in the XML declaration at the start of `head`, lower-cased, or undefined. */
export function declaredEncoding(head: string): string | undefined {
  const decl = /^\s*<\?xml\s[^?]*?encoding\s*=\s*["']([^"']+)["']/.exec(head);
  return decl ? decl[1].trim().toLowerCase() : undefined;
}

export function decodeXml(bytes: Uint8Array): Decoded {
  let body = bytes;
  if (body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf) body = body.subarray(3);
  if ((body[0] === 0xfe && body[1] === 0xff) || (body[0] === 0xff && body[1] === 0xfe)) {
    return { ok: false, error: finding(text('xml.utf16'), { line: 1, column: 1 }) };
  }
  // The declaration is ASCII in every encoding we accept, so reading it as Latin-1 is safe.
  const head = String.fromCharCode(...body.subarray(0, 200));
  const declared = declaredEncoding(head) ?? 'utf-8';
  const label = ENCODINGS[declared];
  if (!label) {
    return { ok: false, error: finding(text('xml.unknown-encoding', { encoding: declared }), { line: 1, column: 1 }) };
  }
  if (label === 'utf-8') {
    const bad = firstInvalidUtf8(body);
    if (bad >= 0) {
      const { line, column } = bytePosition(body, bad);
      return { ok: false, error: finding(text('xml.bad-utf8', { byte: body[bad].toString(16), line, column }), { line, column }) };
    }
  }
  try {
    return { ok: true, text: new TextDecoder(label, { fatal: true }).decode(body) };
  } catch (err) {
    return { ok: false, error: finding(text('xml.cannot-decode', { encoding: declared, detail: (err as Error).message })) };
  }
}

/** Offset of the first byte that breaks UTF-8 (RFC 3629: no overlongs, surrogates or > U+10FFFF), or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) { i++; continue; }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) { need = 1; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const n = b[i + k];
      if (n === undefined || (n & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (n & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Line and column of a byte offset; columns count characters of the valid prefix of the line. */
function bytePosition(b: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (b[i] === 10) { line++; lineStart = i + 1; }
  }
  const prefix = new TextDecoder('utf-8').decode(b.subarray(lineStart, offset));
  return { line, column: [...prefix].length + 1 };
}
