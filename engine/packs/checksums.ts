/**
 * Checks that the pack holds exactly the files its manifest lists, each with the listed SHA-256.
 * A file that is present but not listed is refused too: nothing unlisted is ever stored.
 */
import type { PackManifest } from './manifest.js';
import { listedFiles } from './manifest.js';
import { MANIFEST, SIGNATURE, type PackFiles, sha256 } from './files.js';
import { packProblem, type PackProblem } from './problems.js';
import { text } from '../messages/index.js';

export function checksumProblems(pack: PackFiles, manifest: PackManifest): PackProblem[] {
  const problems: PackProblem[] = [];
  const listed = new Set<string>([MANIFEST, SIGNATURE]);
  for (const { file } of listedFiles(manifest)) {
    listed.add(file.path);
    const bytes = pack.files.get(file.path);
    if (!bytes) {
      problems.push(packProblem(file.path, undefined, text('pack.file-listed-missing')));
      continue;
    }
    const actual = sha256(bytes);
    if (actual !== file.sha256) {
      problems.push(packProblem(file.path, undefined, text('pack.checksum-mismatch', { expected: file.sha256, actual })));
    }
  }
  for (const path of pack.files.keys()) {
    if (!listed.has(path)) problems.push(packProblem(path, undefined, text('pack.file-unlisted')));
  }
  return problems;
}
