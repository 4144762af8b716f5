/**
 * The `alur` command line. Exit codes: 0 ok, 1 a failed operation or invalid pack (problems are
 * printed naming file and element), 2 wrong usage.
 */
import { UsageError } from './args.js';
import { EXIT, printError } from './output.js';
import { packBuild, packTest, packValidate } from './pack-local.js';
import { packExport, packImport } from './pack-tenant.js';
import { packKeygen, packTrust } from './pack-keys.js';

const USAGE = `usage: alur pack <command>
  validate <dir|zip> [--trust keys.json]                 check a pack (schema, checksums, BPMN, forms, roles)
  build <dir> [-o out.zip] [--sign key.pem]              list checksums in pack.json and zip the pack
  import <zip> --tenant T --roles map.json [--dry-run]   deploy a pack into a tenant with a role mapping
  export <name> --tenant T [-o file.zip]                 write an installed pack as it was imported
  test <dir|zip> --roles map.json                        run the pack's scenarios in scratch tenants
  keygen <name>                                          a publisher's Ed25519 key pair for signing packs
  trust <public.pem> --tenant T --publisher P            a tenant accepts only packs signed by trusted keys`;

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  validate: packValidate, build: packBuild, import: packImport, export: packExport, test: packTest, keygen: packKeygen, trust: packTrust,
};

export async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === '--help' || group === '-h' || group === 'help') {
    console.log(USAGE);
    return EXIT.ok;
  }
  const run = group === 'pack' ? COMMANDS[command] : undefined;
  if (!run) {
    process.stderr.write(`${USAGE}\n`);
    return EXIT.usage;
  }
  try {
    return await run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT.usage;
    }
    return printError(err);
  }
}

process.exitCode = await main(process.argv.slice(2));
