/**
 * The `alur` command line. Exit codes: 0 ok, 1 a failed operation or invalid pack (problems are
 * printed naming file and element), 2 wrong usage.
 */
import { UsageError } from './args.js';
import { EXIT, printError, say } from './output.js';
import { text } from '../messages/index.js';
import { packBuild, packTest, packValidate } from './pack-local.js';
import { packExport, packImport } from './pack-tenant.js';
import { packKeygen, packTrust } from './pack-keys.js';

/** The commands' overview, in the CLI's language. */
const usage = () => say(text('cli.usage'));

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  validate: packValidate, build: packBuild, import: packImport, export: packExport, test: packTest, keygen: packKeygen, trust: packTrust,
};

export async function main(argv: string[]): Promise<number> {
  const [group, command, ...rest] = argv;
  if (group === '--help' || group === '-h' || group === 'help') {
    console.log(usage());
    return EXIT.ok;
  }
  const run = group === 'pack' ? COMMANDS[command] : undefined;
  if (!run) {
    process.stderr.write(`${usage()}\n`);
    return EXIT.usage;
  }
  try {
    return await run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`${say(err.text)}\n`);
      return EXIT.usage;
    }
    return printError(err);
  }
}

process.exitCode = await main(process.argv.slice(2));
