/** Process packs: the public surface used by the CLI, the HTTP routes and tests. */
export { readPack } from './read.js';
export { readPackZip } from './read-zip.js';
export { readPackFolder } from './read-folder.js';
export { validatePack, type ValidatedPack, type ValidateOptions } from './validate.js';
export { buildPack, zipFiles } from './build.js';
export { applyRoleMap, roleUses, type RoleMap } from './roles.js';
export { signManifest, generateKeyPair, verifyPackSignature, type TrustedKey } from './signature.js';
export { PackError, formatProblem, type PackProblem } from './problems.js';
export type { PackManifest } from './manifest.js';
export type { PackFiles } from './files.js';
