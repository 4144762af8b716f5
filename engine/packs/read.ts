/** Reads a pack from a path: a folder, or a .zip file. */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PackFiles } from './files.js';
import { DEFAULT_LIMITS, type PackLimits } from './limits.js';
import { PackError, packProblem } from './problems.js';
import { text } from '../messages/index.js';
import { readPackFolder } from './read-folder.js';
import { readPackZip } from './read-zip.js';

export async function readPack(path: string, limits: PackLimits = DEFAULT_LIMITS): Promise<PackFiles> {
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new PackError(packProblem(path, undefined, text('pack-read.no-such-path')));
  if (info.isDirectory()) return readPackFolder(path, limits);
  if (info.size > limits.maxZipBytes) throw new PackError(packProblem(basename(path), undefined, text('pack-read.zip-too-large', { size: info.size, limit: limits.maxZipBytes })));
  return readPackZip(await readFile(path), basename(path), limits);
}
