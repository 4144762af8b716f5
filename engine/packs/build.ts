/**
 * `pack build`: a pack folder → a deterministic .zip. The files under bpmn/, forms/, scenarios/ and templates/
 * are listed in pack.json with their SHA-256 (the folder's pack.json is updated, so the folder
 * validates too), optionally signed (pack.sig), and zipped in sorted order with fixed timestamps
 * and modes: the same folder always gives the same bytes.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yazl from 'yazl';
import { MANIFEST, SIGNATURE, sha256 } from './files.js';
import { PackError, packProblem } from './problems.js';
import { jsonErrorText, technicalText, text } from '../messages/index.js';
import { signManifest } from './signature.js';
import { parseManifest, type PackManifest } from './manifest.js';

const KINDS = [
  { kind: 'bpmn', dir: 'bpmn', ext: '.bpmn' },
  { kind: 'forms', dir: 'forms', ext: '.form' },
  { kind: 'scenarios', dir: 'scenarios', ext: '.json' },
  { kind: 'templates', dir: 'templates', ext: '.docx' },
] as const;

export interface BuildOptions {
  /** Ed25519 private key (PEM) to sign with; writes pack.sig. */
  signingKey?: string;
}

export interface BuildResult { zip: Buffer; manifest: PackManifest; files: string[] }

/** Lists files, computes checksums, rewrites the folder's pack.json (and pack.sig) and zips. */
export async function buildPack(dir: string, opts: BuildOptions = {}): Promise<BuildResult> {
  let source: string;
  try {
    source = await readFile(join(dir, MANIFEST), 'utf8');
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new PackError(packProblem(MANIFEST, undefined, missing ? text('pack.manifest-missing') : text('pack-read.cannot-read', { detail: technicalText(err) })));
  }
  let raw: any;
  try {
    raw = JSON.parse(source);
  } catch (err) {
    throw new PackError(packProblem(MANIFEST, undefined, text('pack.not-json', { detail: jsonErrorText(err, source) })));
  }
  const contents = new Map<string, Buffer>();
  raw.files = {};
  for (const { kind, dir: sub, ext } of KINDS) {
    const names = (await readdir(join(dir, sub)).catch(() => [] as string[])).filter((n) => n.endsWith(ext)).sort();
    // Letter templates are optional: a pack without any keeps the pack.json of earlier versions.
    if (kind === 'templates' && names.length === 0) continue;
    raw.files[kind] = [];
    for (const name of names) {
      const path = `${sub}/${name}`;
      const bytes = await readFile(join(dir, path));
      contents.set(path, bytes);
      raw.files[kind].push({ path, sha256: sha256(bytes) });
    }
  }
  const manifestText = JSON.stringify(raw, null, 2) + '\n';
  const manifest = parseManifest(Buffer.from(manifestText));
  await writeFile(join(dir, MANIFEST), manifestText);
  contents.set(MANIFEST, Buffer.from(manifestText));
  if (opts.signingKey) {
    const sig = signManifest(manifest, opts.signingKey);
    await writeFile(join(dir, SIGNATURE), sig);
    contents.set(SIGNATURE, Buffer.from(sig));
  }
  return { zip: await zipFiles(contents), manifest, files: [...contents.keys()].sort() };
}

/** Zips `files` deterministically: sorted names, fixed DOS timestamp, fixed mode. */
export function zipFiles(files: Map<string, Buffer>): Promise<Buffer> {
  const zip = new yazl.ZipFile();
  // The DOS timestamp is local time; constructing it from local fields keeps it the same everywhere.
  const mtime = new Date(2020, 0, 1, 0, 0, 0);
  for (const name of [...files.keys()].sort()) {
    zip.addBuffer(files.get(name)!, name, { mtime, mode: 0o100644, compress: true, forceDosTimestamp: true });
  }
  zip.end();
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => resolve(Buffer.concat(chunks)));
    zip.outputStream.on('error', reject);
  });
}
