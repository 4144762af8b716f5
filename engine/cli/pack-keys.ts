/**
 * `pack keygen` (a publisher's Ed25519 key pair) and `pack trust` (a tenant trusts a publisher's
 * public key; from then on it refuses unsigned packs and packs no trusted key verifies).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { createPublicKey } from 'node:crypto';
import { generateKeyPair } from '../packs/signature.js';
import { parseArgs, usageOf } from './args.js';
import { CliError, EXIT, say } from './output.js';
import { text } from '../messages/index.js';
import { openInstallation } from './pack-tenant.js';

export async function packKeygen(argv: string[]): Promise<number> {
  const { positionals } = parseArgs(argv, {});
  if (positionals.length !== 1) throw usageOf('alur pack keygen <name>');
  const { publicKey, privateKey } = generateKeyPair();
  // The private key is written only for its owner and never overwrites an existing file.
  await writeFile(`${positionals[0]}.key.pem`, privateKey, { mode: 0o600, flag: 'wx' });
  await writeFile(`${positionals[0]}.pub.pem`, publicKey, { flag: 'wx' });
  console.log(`✓ ${say(text('cli.key-private', { file: `${positionals[0]}.key.pem` }))}`);
  console.log(`✓ ${say(text('cli.key-public', { file: `${positionals[0]}.pub.pem` }))}`);
  return EXIT.ok;
}

export async function packTrust(argv: string[]): Promise<number> {
  const { positionals, options } = parseArgs(argv, { tenant: 'value', publisher: 'value' });
  if (positionals.length !== 1 || !options.tenant || !options.publisher) throw usageOf('alur pack trust <public.pem> --tenant T --publisher P');
  const pem = await readFile(positionals[0], 'utf8');
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new CliError(text('cli.not-ed25519', { file: positionals[0] }));
  const { db, store } = await openInstallation();
  try {
    const tenant = options.tenant as string;
    const keys = (await store.trustedKeys(tenant)).filter((k) => k.publicKey.trim() !== pem.trim());
    await store.setTrustedKeys(tenant, [...keys, { publisher: options.publisher as string, publicKey: pem }]);
    console.log(`✓ ${say(text('cli.trusted', { tenant, count: keys.length + 1 }))}`);
    return EXIT.ok;
  } finally {
    await db.close();
  }
}
