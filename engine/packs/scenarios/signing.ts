/**
 * What scenarios need to run the real `tte-sign` connector in a scratch tenant: letters made as
 * PDFs and attached to the case (a scenario's `documents`), a throwaway self-signed certificate
 * ("Sertifikat uji", never valid for real documents) uploaded as the tenant's `default`, and the
 * users who completed the case's tasks in the directory (the connector names its signer from it).
 */
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import forge from 'node-forge';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { uploadCertificate } from '../../signing/certificates.js';
import type { SigningSetup } from '../../signing/config.js';
import type { Actor } from '../../service/actor.js';
import { insertDocument } from '../../store/documents.js';
import { hashPassword } from '../../auth/password.js';

let testP12: Buffer | undefined;
const PASSPHRASE = 'uji';

/** A self-signed RSA certificate for scenarios, made once per process. */
function scenarioP12(): Buffer {
  if (testP12) return testP12;
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.setRsaPublicKey(key.n, key.e);
  cert.serialNumber = '01';
  cert.validity.notBefore = new Date('2000-01-01T00:00:00Z');
  cert.validity.notAfter = new Date('2099-12-31T00:00:00Z');
  const name = [{ name: 'countryName', value: 'ID' }, { name: 'organizationName', value: 'Alur' }, { name: 'commonName', value: 'Sertifikat uji skenario Alur (tidak sah)' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(key, forge.md.sha256.create());
  testP12 = Buffer.from(forge.asn1.toDer(forge.pkcs12.toPkcs12Asn1(key, [cert], PASSPHRASE, { algorithm: '3des' })).getBytes(), 'binary');
  return testP12;
}

/** Uploads the scenario certificate as the tenant's `default`, as its admin would. */
export async function installScenarioCertificate(knex: Knex, signing: SigningSetup, admin: Actor): Promise<void> {
  await uploadCertificate(knex, signing, admin, 'default', scenarioP12(), PASSPHRASE);
}

/** A one-page PDF letter titled `title`, stored as an upload of `by` not yet attached (its id goes into the start's variables). */
export async function scenarioLetter(knex: Knex, tenant: string, by: string, title: string, at: Date): Promise<string> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(at);
  doc.setModificationDate(at);
  const page = doc.addPage([595, 842]);
  page.drawText(title.slice(0, 120), { x: 72, y: 760, size: 14, font: await doc.embedFont(StandardFonts.Helvetica) });
  const bytes = Buffer.from(await doc.save());
  const id = randomUUID();
  // Stored as an upload is: a blob of chunk rows under its sha256 (one chunk: a letter is small) and an unattached document.
  const row = { id, tenant_id: tenant, blob_id: '', name: 'surat.pdf', media_type: 'application/pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex'), uploaded_by: by, uploaded_at: at, instance_id: null, field: null, task_id: null, attached_by: null, attached_at: null };
  await knex.transaction(async (trx) => {
    const blob = randomUUID();
    await trx('document_blob').insert({ id: blob, tenant_id: tenant, sha256: null, size: 0, chunks: 0, created_at: new Date() });
    await trx('document_chunk').insert({ blob_id: blob, seq: 0, data: bytes });
    const same = await trx('document_blob').where({ tenant_id: tenant, sha256: row.sha256 }).first('id');
    if (same) {
      await trx('document_blob').where({ id: blob }).del();
      row.blob_id = same.id as string;
    } else {
      await trx('document_blob').where({ id: blob }).update({ sha256: row.sha256, size: bytes.length, chunks: 1 });
      row.blob_id = blob;
    }
    await insertDocument(trx, row);
  });
  return id;
}

/** Attaches the scenario's letters to the case it started, as the calling process's letter would be. */
export async function attachScenarioLetters(knex: Knex, tenant: string, ids: string[], instanceId: string, by: string, at: Date): Promise<void> {
  if (ids.length) await knex('document').where({ tenant_id: tenant }).whereIn('id', ids).whereNull('instance_id').update({ instance_id: instanceId, field: 'scenario', attached_by: by, attached_at: at });
}

/** Puts every user who completed a task in the tenant's instances into the directory (scenario users are otherwise only actors). */
export async function enrolTaskUsers(knex: Knex, tenant: string, instanceIds: string[]): Promise<void> {
  const rows: { username: string }[] = await knex('history').whereIn('instance_id', instanceIds).where({ type: 'task.completed' }).whereNotNull('username').distinct('username');
  for (const { username } of rows) {
    if (await knex('app_user').whereRaw('lower(username) = lower(?)', [username]).first('id')) continue;
    await knex('app_user').insert({ id: randomUUID(), username, tenant_id: tenant, password_hash: await hashPassword(randomUUID()), roles: ['staff'], disabled: false, created_at: new Date(), display_name: `Pengguna uji ${username.split('@')[0]}` });
  }
}
