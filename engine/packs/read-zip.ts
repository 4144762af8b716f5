/**
 * Reads a pack from .zip bytes into memory, refusing hostile archives before decompressing them:
 * unsafe paths (`..`, absolute, backslashes), symlinks, encrypted entries, duplicate names (also
 * names differing only in case, which collide on Windows and macOS), too many entries, entries or
 * totals past the size limits, suspicious compression ratios, entries whose data is longer than
 * declared, and local headers that contradict the central directory (name, method, CRC or sizes:
 * two readers of one such zip may see different files). Never writes to disk. Every error names the
 * zip and the entry.
 */
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { PackError, packProblem } from './problems.js';
import { text, zipErrorText, type Text } from '../messages/index.js';
import { type PackFiles, unsafePathReason } from './files.js';
import { DEFAULT_LIMITS, type PackLimits } from './limits.js';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;

export async function readPackZip(bytes: Buffer, origin = 'pack.zip', limits: PackLimits = DEFAULT_LIMITS): Promise<PackFiles> {
  const refuse = (file: string, message: Text): never => { throw new PackError(packProblem(file ? `${origin}:${file}` : origin, undefined, message)); };
  const refused = (file: string, reason: Text): never => refuse(file, text('pack-read.refused', { reason }));
  if (bytes.length > limits.maxZipBytes) refuse('', text('pack-read.zip-too-large', { size: bytes.length, limit: limits.maxZipBytes }));
  let zip: ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(bytes, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
  } catch (err) {
    return refuse('', text('pack-read.not-a-zip', { detail: zipErrorText(err) }));
  }
  try {
    if (zip.entryCount > limits.maxEntries) refuse('', text('pack-read.too-many-entries', { count: zip.entryCount, limit: limits.maxEntries }));
    const files = new Map<string, Buffer>();
    const seen = new Set<string>();
    let total = 0;
    for (let entry = await nextEntry(zip, origin); entry; entry = await nextEntry(zip, origin)) {
      const name = entryName(entry);
      if (name === undefined) refuse('', text('pack-read.name-not-utf8'));
      const unsafe = unsafePathReason(name!);
      if (unsafe) refused(name!, unsafe);
      const folded = name!.replace(/\/$/, '').toLowerCase();
      if (seen.has(folded)) refused(name!, text('pack-read.why-duplicate'));
      seen.add(folded);
      const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
      if (mode === S_IFLNK) refused(name!, text('pack-read.why-symlink'));
      if (entry.generalPurposeBitFlag & 0x1) refused(name!, text('pack-read.why-encrypted'));
      const lie = localHeaderLie(bytes, entry);
      if (lie) refused(name!, lie);
      if (name!.endsWith('/')) continue;
      if (entry.uncompressedSize > limits.maxEntryBytes) refused(name!, text('pack-read.why-entry-too-large', { size: entry.uncompressedSize, limit: limits.maxEntryBytes }));
      total += entry.uncompressedSize;
      if (total > limits.maxTotalBytes) refused(name!, text('pack-read.why-pack-too-large', { limit: limits.maxTotalBytes }));
      const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
      if (entry.uncompressedSize > limits.ratioFloorBytes && ratio > limits.maxCompressionRatio) {
        refused(name!, text('pack-read.why-ratio', { ratio: Math.round(ratio), limit: limits.maxCompressionRatio }));
      }
      files.set(name!, await readEntry(zip, entry, Math.min(entry.uncompressedSize, limits.maxEntryBytes), (m) => refuse(name!, m)));
    }
    return { origin, files };
  } finally {
    zip.close();
  }
}

const LOCAL_HEADER = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

/**
 * What the entry's local header says differently from the central directory, or undefined. yauzl
 * reads sizes from the central directory only, while other readers (pizzip, unzip) trust the local
 * header: a zip whose two disagree is refused rather than read one way here and another elsewhere.
 * With a data descriptor (flag bit 3) the local CRC and sizes may be zero; ZIP64 sizes live in
 * the extra field and are left to yauzl.
 */
function localHeaderLie(bytes: Buffer, entry: Entry): Text | undefined {
  const at = entry.relativeOffsetOfLocalHeader;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_HEADER) return text('pack-read.why-no-local-header');
  const nameLength = bytes.readUInt16LE(at + 26);
  const localName = bytes.subarray(at + 30, at + 30 + nameLength);
  const centralName = Buffer.isBuffer(entry.fileName) ? entry.fileName : Buffer.from(entry.fileName);
  if (!localName.equals(centralName)) return text('pack-read.why-local-name');
  const method = bytes.readUInt16LE(at + 8);
  if (method !== entry.compressionMethod) return text('pack-read.why-local-differs', { what: text('pack-read.what-method'), local: method, central: entry.compressionMethod });
  const descriptor = (bytes.readUInt16LE(at + 6) & 0x8) !== 0;
  const fields: [Text, number, number][] = [
    [text('pack-read.what-crc'), bytes.readUInt32LE(at + 14), entry.crc32],
    [text('pack-read.what-compressed'), bytes.readUInt32LE(at + 18), entry.compressedSize],
    [text('pack-read.what-uncompressed'), bytes.readUInt32LE(at + 22), entry.uncompressedSize],
  ];
  for (const [what, local, central] of fields) {
    if (local === central || (descriptor && local === 0) || (what.key !== 'pack-read.what-crc' && local === ZIP64_MARK)) continue;
    return text('pack-read.why-local-differs', { what, local, central });
  }
  return undefined;
}

function entryName(entry: Entry): string | undefined {
  const raw: unknown = entry.fileName;
  if (typeof raw === 'string') return raw;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(raw as Buffer);
  } catch {
    return undefined;
  }
}

function nextEntry(zip: ZipFile, origin: string): Promise<Entry | undefined> {
  return new Promise((resolve, reject) => {
    const onEntry = (e: Entry) => { cleanup(); resolve(e); };
    const onEnd = () => { cleanup(); resolve(undefined); };
    const onError = (err: Error) => { cleanup(); reject(new PackError(packProblem(origin, undefined, text('pack-read.corrupt-zip', { detail: zipErrorText(err) })))); };
    const cleanup = () => { zip.off('entry', onEntry); zip.off('end', onEnd); zip.off('error', onError); };
    zip.on('entry', onEntry);
    zip.on('end', onEnd);
    zip.on('error', onError);
    zip.readEntry();
  });
}

/** Reads one entry, stopping as soon as more than `max` bytes arrive (the header may lie). */
function readEntry(zip: ZipFile, entry: Entry, max: number, refuse: (m: Text) => never): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (err, stream) => {
      if (err || !stream) return reject(safe(() => refuse(text('pack-read.corrupt-entry', { detail: zipErrorText(err ?? 'no stream') }))));
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > max) {
          stream.destroy();
          reject(safe(() => refuse(text('pack-read.refused', { reason: text('pack-read.why-longer', { max }) }))));
          return;
        }
        chunks.push(chunk);
      });
      stream.on('error', (e) => reject(safe(() => refuse(text('pack-read.corrupt-entry', { detail: zipErrorText(e) })))));
      stream.on('end', () => resolve(Buffer.concat(chunks)));
    });
  });
}

function safe(f: () => never): unknown {
  try { return f(); } catch (e) { return e; }
}
