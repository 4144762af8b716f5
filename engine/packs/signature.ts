/**
 * Ed25519 signatures of packs. pack.sig holds the base64 signature of the canonical pack.json;
 * since pack.json lists the SHA-256 of every file, the signature covers the whole pack. A tenant
 * that trusts publisher keys refuses unsigned packs and packs no trusted key verifies; a tenant
 * without keys accepts any pack (and says so in the result).
 */
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson } from './canonical.js';
import { SIGNATURE } from './files.js';
import { PackError, packProblem } from './problems.js';
import { text } from '../messages/index.js';
import type { PackManifest } from './manifest.js';

/** A publisher key a tenant trusts: the publisher's tenant id and its Ed25519 public key (PEM). */
export interface TrustedKey {
  publisher: string;
  publicKey: string;
}

export type SignatureStatus = 'unchecked' | 'verified' | 'unsigned';

export function signManifest(manifest: PackManifest, privateKeyPem: string): string {
  const key = createPrivateKey(privateKeyPem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the signing key must be an Ed25519 private key');
  return sign(null, Buffer.from(canonicalJson(manifest)), key).toString('base64') + '\n';
}

export function generateKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  return {
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}

/**
 * Verifies pack.sig against the keys trusted for the manifest's publisher. With no trusted keys at
 * all the signature is not required ('unchecked'); otherwise a missing or unverifiable signature
 * throws a PackError naming pack.sig.
 */
export function verifyPackSignature(manifest: PackManifest, sig: Buffer | undefined, trusted: TrustedKey[]): SignatureStatus {
  if (trusted.length === 0) return sig ? 'unchecked' : 'unsigned';
  if (!sig) throw new PackError(packProblem(SIGNATURE, undefined, text('pack.signature-missing')));
  const keys = trusted.filter((k) => k.publisher === manifest.publisher.tenant);
  if (keys.length === 0) {
    throw new PackError(packProblem(SIGNATURE, undefined, text('pack.signature-no-key', { publisher: manifest.publisher.tenant })));
  }
  const signature = Buffer.from(sig.toString('utf8').trim(), 'base64');
  const data = Buffer.from(canonicalJson(manifest));
  const ok = keys.some((k) => {
    try {
      const key: KeyObject = createPublicKey(k.publicKey);
      return key.asymmetricKeyType === 'ed25519' && verify(null, data, key, signature);
    } catch {
      return false;
    }
  });
  if (!ok) throw new PackError(packProblem(SIGNATURE, undefined, text('pack.signature-bad', { publisher: manifest.publisher.tenant })));
  return 'verified';
}
