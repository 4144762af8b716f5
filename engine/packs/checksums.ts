/**
 * Checks that the pack holds exactly the files its manifest lists, each with the listed SHA-256.
 * A file that is present but not listed is refused too: nothing unlisted is ever stored.
 */
import type { PackManifest } from './manifest.js';
import { listedFiles } from './manifest.js';
import { MANIFEST, SIGNATURE, type PackFiles, sha256 } from './files.js';
import type { PackProblem } from './problems.js';

export function checksumProblems(pack: PackFiles, manifest: PackManifest): PackProblem[] {
  const problems: PackProblem[] = [];
  const listed = new Set<string>([MANIFEST, SIGNATURE]);
  for (const { file } of listedFiles(manifest)) {
    listed.add(file.path);
    const bytes = pack.files.get(file.path);
    if (!bytes) {
      problems.push({ file: file.path, message: 'listed in pack.json but missing from the pack' });
      continue;
    }
    const actual = sha256(bytes);
    if (actual !== file.sha256) {
      problems.push({ file: file.path, message: `checksum mismatch: pack.json says sha256 ${file.sha256}, the file has ${actual}` });
    }
  }
  for (const path of pack.files.keys()) {
    if (!listed.has(path)) problems.push({ file: path, message: 'not listed in pack.json (every file of a pack must be listed with its checksum)' });
  }
  return problems;
}
