/**
 * Sealing a tenant's signing certificate at rest: the .p12 and its passphrase are stored only as
 * AES-256-GCM ciphertext under the installation's secret (ALUR_SECRET_KEY, or a random key kept in
 * ALUR_DATA_DIR/signing-secret.key, created on first need with mode 0600). The tenant and the
 * certificate's name are the additional data, so a sealed row copied to another tenant does not
 * open. `keyId` (a hash of the key) is stored beside, so a row sealed under another key is
 * reported as such instead of as a corrupt file.
 */
import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Sealed { keyId: string; box: Buffer }

export class SecretBox {
  readonly keyId: string;
  private readonly key: Buffer;

  constructor(secret: Buffer | string) {
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(secret), Buffer.alloc(0), 'alur signing certificates', 32));
    this.keyId = createHash('sha256').update(this.key).digest('hex').slice(0, 16);
  }

  seal(plain: Buffer, context: string): Sealed {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return { keyId: this.keyId, box: Buffer.concat([iv, cipher.getAuthTag(), body]) };
  }

  /** The plain bytes, or undefined when `sealed` was sealed under another key or for another context. */
  open(sealed: Sealed, context: string): Buffer | undefined {
    if (sealed.keyId !== this.keyId) return undefined;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, sealed.box.subarray(0, 12));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(sealed.box.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.box.subarray(28)), decipher.final()]);
    } catch {
      return undefined;
    }
  }
}

/** ALUR_SECRET_KEY when set; else the key file under the data folder, made on first use. */
export function secretBoxFrom(secretKey: string | undefined, keyFile: string): SecretBox {
  if (secretKey) return new SecretBox(secretKey);
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true });
    try {
      writeFileSync(keyFile, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as { code?: string }).code !== 'EEXIST') throw err; // another process made it first
    }
  }
  return new SecretBox(readFileSync(keyFile, 'utf8').trim());
}
