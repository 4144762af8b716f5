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
import { parseArgs, usageOf } from './args.js';
import { CliError, EXIT, progress, say, warningLine } from './output.js';
import { jsonErrorText, text, type MessageKey } from '../messages/index.js';

export async function readJsonFile(path: string, what: MessageKey): Promise<unknown> {
  let source: string;
  try {
    source = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(text('cli.file-unreadable', { what: text(what), path, detail: (err as Error).message }));
  }
  try {
    return JSON.parse(source);
  } catch (err) {
    throw new CliError(text('cli.file-not-json', { what: text(what), path, detail: jsonErrorText(err, source) }));
  }
}

export async function trustedKeys(path: string | undefined): Promise<TrustedKey[]> {
  if (!path) return [];
  const keys = await readJsonFile(path, 'cli.what-trusted-keys');
  if (!Array.isArray(keys)) throw new CliError(text('cli.keys-not-array', { path }));
  return keys as TrustedKey[];
}

export async function packValidate(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { trust: 'value' });
  if (positionals.length !== 1) throw usageOf('alur pack validate <dir|zip> [--trust keys.json]');
  progress(text('cli.reading', { path: positionals[0] }));
  const v = await validatePack(await readPack(positionals[0]), { trustedKeys: await trustedKeys(options.trust as string | undefined) });
  for (const w of v.warnings) progress(warningLine(w));
  console.log(`✓ ${say(text('cli.valid', { pack: `${v.manifest.name}@${v.manifest.version}`, processes: v.processes.length, forms: v.forms.length, scenarios: v.scenarios.length, roles: v.manifest.roles.length, signature: text(`cli.signature-${v.signature}`) }))}`);
  return EXIT.ok;
}

export async function packBuild(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { out: 'value', sign: 'value' }, { o: 'out' });
  if (positionals.length !== 1) throw usageOf('alur pack build <dir> [-o out.zip] [--sign private-key.pem]');
  const dir = positionals[0];
  const signingKey = options.sign ? await readFile(options.sign as string, 'utf8') : undefined;
  progress(text('cli.building', { path: dir }));
  const built = await buildPack(dir, { signingKey });
  progress(text('cli.validating-files', { count: built.files.length }));
  const v = await validatePack(await readPack(dir));
  const out = (options.out as string | undefined) ?? `${built.manifest.name}-${built.manifest.version}.zip`;
  await writeFile(out, built.zip);
  console.log(`✓ ${say(text('cli.built', { file: resolve(out), bytes: built.zip.length, processes: v.processes.length, forms: v.forms.length, scenarios: v.scenarios.length, signed: signingKey ? 1 : 0 }))}`);
  return EXIT.ok;
}

export async function packTest(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { roles: 'value', trust: 'value' });
  if (positionals.length !== 1 || !options.roles) throw usageOf('alur pack test <dir|zip> --roles map.json');
  const roles = checkRoleMap(await readJsonFile(options.roles as string, 'cli.what-role-map'));
  const v = await validatePack(await readPack(positionals[0]), { trustedKeys: await trustedKeys(options.trust as string | undefined) });
  const unmapped = v.manifest.roles.map((r) => r.key).filter((k) => mappedGroup(roles, k) === undefined);
  if (unmapped.length) throw new CliError(text('cli.unmapped', { file: options.roles as string, roles: unmapped.join(', ') }));
  progress(text('cli.scenarios', { pack: `${v.manifest.name}@${v.manifest.version}`, count: v.scenarios.length, roles: basename(options.roles as string) }));
  const results = await runPackScenarios(v, roles, {
    onResult: (r, i, n) => {
      console.log(say(text('cli.scenario-line', { result: r.skipped ? 'SKIP' : r.ok ? 'PASS' : 'FAIL', i: i + 1, n, file: r.file, name: r.name, ms: r.ms })));
      if (!r.ok || r.skipped) console.log(`     ${say(r.errorText ?? r.skippedText ?? r.error ?? r.skipped ?? '')}`);
    },
  });
  const failed = results.filter((r) => !r.ok).length;
  const skipped = results.filter((r) => r.skipped).length;
  console.log(say(text('cli.scenario-totals', { passed: results.length - failed - skipped, failed, skipped })));
  return failed ? EXIT.failed : EXIT.ok;
}
