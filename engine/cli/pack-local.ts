/**
 * `pack validate`, `pack build` and `pack test`: commands that need no running server. `pack test`
 * runs the scenarios in scratch tenants of an in-memory engine, never touching ALUR_DATA_DIR.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { buildPack } from '../packs/build.js';
import { checkRoleMap } from '../packs/import.js';
import { mappedGroup } from '../packs/roles.js';
import { readPack } from '../packs/read.js';
import { validatePack } from '../packs/validate.js';
import { runPackScenarios } from '../packs/scenarios/suite.js';
import type { TrustedKey } from '../packs/signature.js';
import { parseArgs, UsageError } from './args.js';
import { EXIT, progress, warningLine } from './output.js';

export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new Error(`${what} ${path}: ${(err as Error).message}`, { cause: err });
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new Error(`${what} ${path} is not valid JSON: ${(err as Error).message}`, { cause: err });
  }
}

export async function trustedKeys(path: string | undefined): Promise<TrustedKey[]> {
  if (!path) return [];
  const keys = await readJsonFile(path, 'trusted keys');
  if (!Array.isArray(keys)) throw new Error(`trusted keys ${path} must be a JSON array of { publisher, publicKey }`);
  return keys as TrustedKey[];
}

export async function packValidate(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { trust: 'value' });
  if (positionals.length !== 1) throw new UsageError('usage: alur pack validate <dir|zip> [--trust keys.json]');
  progress(`reading ${positionals[0]}`);
  const v = await validatePack(await readPack(positionals[0]), { trustedKeys: await trustedKeys(options.trust as string | undefined) });
  for (const w of v.warnings) progress(warningLine(w));
  console.log(`✓ ${v.manifest.name}@${v.manifest.version}: ${v.processes.length} processes, ${v.forms.length} forms, ${v.scenarios.length} scenarios, ${v.manifest.roles.length} roles, signature ${v.signature}`);
  return EXIT.ok;
}

export async function packBuild(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { out: 'value', sign: 'value' }, { o: 'out' });
  if (positionals.length !== 1) throw new UsageError('usage: alur pack build <dir> [-o out.zip] [--sign private-key.pem]');
  const dir = positionals[0];
  const signingKey = options.sign ? await readFile(options.sign as string, 'utf8') : undefined;
  progress(`building ${dir}`);
  const built = await buildPack(dir, { signingKey });
  progress(`validating ${built.files.length} files`);
  const v = await validatePack(await readPack(dir));
  const out = (options.out as string | undefined) ?? `${built.manifest.name}-${built.manifest.version}.zip`;
  await writeFile(out, built.zip);
  console.log(`✓ ${resolve(out)} (${built.zip.length} bytes): ${v.processes.length} processes, ${v.forms.length} forms, ${v.scenarios.length} scenarios${signingKey ? ', signed' : ''}`);
  return EXIT.ok;
}

export async function packTest(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { roles: 'value', trust: 'value' });
  if (positionals.length !== 1 || !options.roles) throw new UsageError('usage: alur pack test <dir|zip> --roles map.json');
  const roles = checkRoleMap(await readJsonFile(options.roles as string, 'role map'));
  const v = await validatePack(await readPack(positionals[0]), { trustedKeys: await trustedKeys(options.trust as string | undefined) });
  const unmapped = v.manifest.roles.map((r) => r.key).filter((k) => mappedGroup(roles, k) === undefined);
  if (unmapped.length) throw new Error(`role map ${options.roles} does not map: ${unmapped.join(', ')}`);
  progress(`${v.manifest.name}@${v.manifest.version}: ${v.scenarios.length} scenarios with ${basename(options.roles as string)}`);
  const results = await runPackScenarios(v, roles, {
    onResult: (r, i, n) => {
      console.log(`${r.skipped ? 'SKIP' : r.ok ? 'PASS' : 'FAIL'} [${i + 1}/${n}] ${r.file} — ${r.name} (${r.ms} ms)`);
      if (!r.ok || r.skipped) console.log(`     ${r.error ?? r.skipped}`);
    },
  });
  const failed = results.filter((r) => !r.ok).length;
  const skipped = results.filter((r) => r.skipped).length;
  console.log(`${results.length - failed - skipped} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed ? EXIT.failed : EXIT.ok;
}
