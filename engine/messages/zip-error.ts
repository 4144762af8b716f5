/**
 * What yauzl (or zlib beneath it) found wrong with a zip, as catalog text: their words are English
 * only ("invalid central directory file header signature: 0x0", "unexpected end of file") and a
 * pack or letter template is read by people who may read Indonesian only. Anything not
 * recognised is marked as technical detail (technical.ts).
 */
import { shapedText, type Shapes } from './technical.js';
import { text, type Text } from './text.js';

const SHAPES: Shapes = [
  [/end of central directory record signature not found/i, 'zip-error.no-end'],
  [/invalid zip64/i, 'zip-error.zip64'],
  [/zip64 extended information|extra field length/i, 'zip-error.extra-field'],
  [/central directory file header signature/i, 'zip-error.central-entry'],
  [/local file header signature/i, 'zip-error.local-header'],
  [/multi-disk/i, 'zip-error.multi-disk'],
  [/unsupported compression method/i, 'zip-error.method'],
  [/encrypt/i, 'zip-error.encrypted'],
  [/unexpected EOF|unexpected end of file|not enough bytes|overflows file bounds|too large\. only file sizes/i, 'zip-error.cut-short'],
  [/too many bytes in the stream/i, 'zip-error.longer'],
  [/size mismatch/i, 'zip-error.sizes-differ'],
  [/comment length/i, 'zip-error.comment'],
  [/crc32|crc-32/i, 'zip-error.checksum'],
  [/incorrect header check|invalid (stored block lengths|block type|distance|code|literal|bit length)|too many length|distances set|lengths set/i, 'zip-error.compressed-data'],
];

export function zipErrorText(err: unknown): Text {
  const message = err instanceof Error ? err.message : String(err);
  const name = /^(?:invalid characters in fileName|absolute path|invalid relative path): (.*)$/.exec(message);
  if (name) return text('zip-error.entry-name', { name: name[1] });
  return shapedText(message, SHAPES);
}
