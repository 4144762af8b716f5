/**
 * Signing test material made in the spec: PKCS#12 files from the openssl CLI (as an admin would
 * export one) or from node-forge (for validity dates openssl 3.0 cannot set), PDFs from pdf-lib,
 * and `pdfsig` (poppler-utils) as the independent verifier of what Alur signed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from 'pdf-lib';

/** A self-signed RSA certificate and its key as a .p12, written by `openssl pkcs12 -export`. */
export function opensslP12(cn: string, passphrase: string): Buffer {
  const dir = mkdtempSync(join(tmpdir(), 'alur-p12-'));
  try {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'k.pem'), '-out', join(dir, 'c.pem'),
      '-subj', `/C=ID/O=Pemerintah Kota Semarang/CN=${cn}`, '-days', '3650'], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', join(dir, 'k.pem'), '-in', join(dir, 'c.pem'), '-out', join(dir, 'c.p12'), '-passout', `pass:${passphrase}`], { stdio: 'ignore' });
    return readFileSync(join(dir, 'c.p12'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A .p12 built with node-forge: any validity window; `foreignKey` pairs the certificate with another key. */
export function forgeP12(opts: { cn: string; passphrase: string; notBefore: Date; notAfter: Date; foreignKey?: boolean; noKey?: boolean }): Buffer {
  const pair = () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    return { key, pub: forge.pki.setRsaPublicKey(key.n, key.e) };
  };
  const own = pair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = own.pub;
  cert.serialNumber = '0a1b2c';
  cert.validity.notBefore = opts.notBefore;
  cert.validity.notAfter = opts.notAfter;
  const attrs = [{ name: 'countryName', value: 'ID' }, { name: 'commonName', value: opts.cn }];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(own.key, forge.md.sha256.create());
  const key = opts.foreignKey ? pair().key : own.key;
  const asn1 = forge.pkcs12.toPkcs12Asn1(opts.noKey ? null : key, [cert], opts.passphrase, { algorithm: '3des' });
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
}

/** A one-page letter made by pdf-lib. */
export async function letterPdf(title = 'Surat Keputusan'): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText(title, { x: 72, y: 760, size: 16, font: await doc.embedFont(StandardFonts.Helvetica) });
  return Buffer.from(await doc.save());
}

export interface PdfSig { valid: boolean; totalDocumentSigned: boolean; signer?: string; type?: string; output: string }

/** Runs `pdfsig` on `pdf` and reads its verdict on the first signature. */
export function pdfsig(pdf: Buffer): PdfSig {
  const dir = mkdtempSync(join(tmpdir(), 'alur-pdfsig-'));
  try {
    const file = join(dir, 'signed.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync('pdfsig', [file], { encoding: 'utf8' });
    if (run.error) throw run.error;
    const output = `${run.stdout}${run.stderr}`;
    return {
      valid: /Signature Validation: Signature is Valid\./.test(output),
      totalDocumentSigned: /Total document signed/.test(output),
      signer: /Signer Certificate Common Name: (.+)/.exec(output)?.[1]?.trim(),
      type: /Signature Type: (.+)/.exec(output)?.[1]?.trim(),
      output,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
