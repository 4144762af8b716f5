/**
 * Reads a pack from a folder: pack.json, pack.sig (if any) and every file pack.json lists. Files
 * are opened without following symlinks, and a listed path that leads outside the folder is
 * refused, so a pack folder cannot make Alur read /etc/passwd. The same size limits as for zips.
 */
import { lstat, readFile, realpath } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { PackError, packProblem, type PackProblem } from './problems.js';
import { text, type Text } from '../messages/index.js';
import { MANIFEST, SIGNATURE, type PackFiles, unsafePathReason } from './files.js';
import { DEFAULT_LIMITS, type PackLimits } from './limits.js';

export async function readPackFolder(dir: string, limits: PackLimits = DEFAULT_LIMITS): Promise<PackFiles> {
  const root = resolve(dir);
  const files = new Map<string, Buffer>();
  const manifest = await readOne(root, MANIFEST, limits, true);
  files.set(MANIFEST, manifest!);
  const sig = await readOne(root, SIGNATURE, limits, false);
  if (sig) files.set(SIGNATURE, sig);
  let listed: string[] = [];
  try {
    listed = listedPaths(JSON.parse(manifest!.toString('utf8')));
  } catch {
    // An unparsable manifest is reported by the manifest check with its own message.
  }
  const problems: PackProblem[] = [];
  let total = manifest!.length;
  for (const path of listed) {
    try {
      const bytes = await readOne(root, path, limits, true);
      total += bytes!.length;
      if (total > limits.maxTotalBytes) throw new PackError(packProblem(path, undefined, text('pack-read.pack-too-large', { limit: limits.maxTotalBytes })));
      files.set(path, bytes!);
    } catch (err) {
      if (err instanceof PackError) problems.push(...err.problems);
      else throw err;
    }
  }
  if (problems.length > 0) throw new PackError(problems);
  return { origin: root, files };
}

/** The file paths pack.json lists (without validating the rest of it). */
export function listedPaths(manifest: any): string[] {
  const groups = manifest?.files ?? {};
  const paths: string[] = [];
  for (const kind of ['bpmn', 'forms', 'scenarios', 'templates']) {
    for (const f of Array.isArray(groups[kind]) ? groups[kind] : []) if (typeof f?.path === 'string') paths.push(f.path);
  }
  return paths;
}

async function readOne(root: string, path: string, limits: PackLimits, required: boolean): Promise<Buffer | undefined> {
  const unsafe = unsafePathReason(path);
  if (unsafe) refuse(path, unsafe);
  const full = join(root, path);
  if (!full.startsWith(root + sep)) refuse(path, text('pack-read.why-escapes-folder'));
  let info;
  try {
    info = await lstat(full);
  } catch {
    if (!required) return undefined;
    throw new PackError(packProblem(path, undefined, text('pack.file-listed-missing')));
  }
  if (info.isSymbolicLink()) refuse(path, text('pack-read.why-symlink'));
  if (!info.isFile()) throw new PackError(packProblem(path, undefined, text('pack-read.not-regular-file')));
  // A folder on the way may itself be a symlink; the real path must stay inside the real root.
  const [realRoot, realFull] = await Promise.all([realpath(root), realpath(full)]);
  if (!realFull.startsWith(realRoot + sep)) refuse(path, text('pack-read.why-outside-symlink'));
  if (info.size > limits.maxEntryBytes) throw new PackError(packProblem(path, undefined, text('pack-read.file-too-large', { size: info.size, limit: limits.maxEntryBytes })));
  return readFile(full);
}

function refuse(path: string, reason: Text): never {
  throw new PackError(packProblem(path, undefined, text('pack-read.refused', { reason })));
}
