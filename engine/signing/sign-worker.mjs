/**
 * The worker thread of document signing (run.ts spawns one per operation, with a heap limit and a
 * deadline, then terminates it). Reading a PKCS#12 file (its key derivation may be made arbitrarily
 * slow by whoever wrote the file), loading a PDF with pdf-lib and building the signature are all
 * CPU work that would block every tenant's requests on the main thread; here they block nothing.
 * Plain JavaScript, so it starts under plain Node and under tsx alike, without a loader.
 *
 * Operations (workerData.op):
 *  - `inspect` { p12, passphrase } → { certificate: { der, chain } } — the signer's certificate.
 *  - `sign` { p12, passphrase, pdf, reason, location, name, contactInfo, signingTime } → { pdf }.
 * Reply: `{ ok: true, ... }` or `{ ok: false, code, detail }` with a code from run.ts's list.
 */
import { workerData, parentPort } from 'node:worker_threads';
import { Buffer } from 'node:buffer';
import { createHash, createPrivateKey, createPublicKey, sign as cryptoSign, X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import utilsModule from '@signpdf/utils';

const { Signer, SUBFILTER_ETSI_CADES_DETACHED } = utilsModule;

class Refusal extends Error {
  constructor(code, detail) {
    super(detail ?? code);
    this.code = code;
  }
}

const { asn1, pki } = forge;
const U = asn1.Class.UNIVERSAL;
const T = asn1.Type;
const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
};

const oid = (o) => asn1.create(U, T.OID, false, asn1.oidToDer(o).getBytes());
const seq = (items) => asn1.create(U, T.SEQUENCE, true, items);
const set = (items) => asn1.create(U, T.SET, true, items);
const octets = (bytes) => asn1.create(U, T.OCTETSTRING, false, bytes);
const int = (n) => asn1.create(U, T.INTEGER, false, asn1.integerToDer(n).getBytes());
const nul = () => asn1.create(U, T.NULL, false, '');
const der = (node) => asn1.toDer(node).getBytes();
const bin = (buf) => Buffer.from(buf).toString('binary');

/** The signer's key (a Node KeyObject) and certificate (DER) with the rest of the chain, from a .p12. */
function readP12(p12Bytes, passphrase) {
  let parsed;
  try {
    parsed = asn1.fromDer(bin(p12Bytes), { strict: false });
  } catch (err) {
    throw new Refusal('not-p12', err.message);
  }
  let p12;
  try {
    p12 = forge.pkcs12.pkcs12FromAsn1(parsed, false, passphrase);
  } catch (err) {
    const m = String(err.message);
    if (/MAC could not be verified|Invalid password|wrong password/i.test(m)) throw new Refusal('wrong-passphrase');
    if (/OID is not RSA/i.test(m)) throw new Refusal('unsupported-key', m);
    throw new Refusal('not-p12', m);
  }
  const keyBags = [
    ...(p12.getBags({ bagType: pki.oids.pkcs8ShroudedKeyBag })[pki.oids.pkcs8ShroudedKeyBag] ?? []),
    ...(p12.getBags({ bagType: pki.oids.keyBag })[pki.oids.keyBag] ?? []),
  ];
  if (!keyBags.length) throw new Refusal('no-key');
  const bag = keyBags[0];
  // forge reads RSA keys itself and leaves any other kind as its PrivateKeyInfo, which Node reads.
  const pkcs8 = bag.key ? der(pki.wrapRsaPrivateKey(pki.privateKeyToAsn1(bag.key))) : der(bag.asn1);
  let key;
  try {
    key = createPrivateKey({ key: Buffer.from(pkcs8, 'binary'), format: 'der', type: 'pkcs8' });
  } catch (err) {
    throw new Refusal('unsupported-key', err.message);
  }
  const certs = (p12.getBags({ bagType: pki.oids.certBag })[pki.oids.certBag] ?? []).filter((b) => b.cert)
    .map((b) => Buffer.from(der(pki.certificateToAsn1(b.cert)), 'binary'));
  if (!certs.length) throw new Refusal('no-certificate');
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const own = certs.find((c) => new X509Certificate(c).publicKey.export({ type: 'spki', format: 'der' }).equals(spki));
  if (!own) throw new Refusal('key-mismatch');
  return { key, cert: own, chain: certs.filter((c) => c !== own) };
}

/**
 * A CAdES detached signature as PAdES baseline B-B asks (ETSI EN 319 142-1): signed attributes
 * content-type, message-digest and signing-certificate-v2 (the certificate's SHA-256, binding the
 * signature to it), no signing-time attribute (the claimed time is the signature dictionary's /M).
 * Built here because node-forge's PKCS#7 writer knows no signing-certificate-v2.
 */
class PadesSigner extends Signer {
  constructor(identity) {
    super();
    this.identity = identity;
  }

  async sign(content) {
    const { key, cert, chain } = this.identity;
    const certAsn1 = asn1.fromDer(bin(cert));
    const tbs = certAsn1.value[0];
    const hasVersion = tbs.value[0].tagClass === asn1.Class.CONTEXT_SPECIFIC;
    const serial = tbs.value[hasVersion ? 1 : 0];
    const issuer = tbs.value[hasVersion ? 3 : 2];
    const digest = createHash('sha256').update(content).digest();
    const certHash = createHash('sha256').update(cert).digest();
    const issuerSerial = seq([seq([asn1.create(asn1.Class.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]);
    const attrs = [
      seq([oid(OID.contentType), set([oid(OID.data)])]),
      seq([oid(OID.messageDigest), set([octets(bin(digest))])]),
      seq([oid(OID.signingCertificateV2), set([seq([seq([seq([octets(bin(certHash)), issuerSerial])])])])]),
    ].map(der).sort((a, b) => Buffer.compare(Buffer.from(a, 'binary'), Buffer.from(b, 'binary'))); // DER: a SET OF is sorted
    const attrNodes = attrs.map((a) => asn1.fromDer(a));
    const signedAttrs = Buffer.from(der(set(attrNodes)), 'binary');
    const isEc = key.asymmetricKeyType === 'ec';
    const signature = cryptoSign('sha256', signedAttrs, key);
    const signerInfo = seq([
      int(1),
      seq([issuer, serial]),
      seq([oid(OID.sha256), nul()]),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, attrs.map((a) => asn1.fromDer(a))),
      isEc ? seq([oid(OID.ecdsaWithSha256)]) : seq([oid(OID.rsaEncryption), nul()]),
      octets(bin(signature)),
    ]);
    const signedData = seq([
      int(1),
      set([seq([oid(OID.sha256), nul()])]),
      seq([oid(OID.data)]),
      asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [cert, ...chain].map((c) => asn1.fromDer(bin(c)))),
      set([signerInfo]),
    ]);
    return Buffer.from(der(seq([oid(OID.signedData), asn1.create(asn1.Class.CONTEXT_SPECIFIC, 0, true, [signedData])])), 'binary');
  }
}

function describe(identity) {
  return { der: identity.cert, chain: identity.chain };
}

async function signPdf(job) {
  const identity = readP12(job.p12, job.passphrase);
  // Loaded only to sign: reading a certificate (inspect) should not pay for pdf-lib.
  const { PDFDocument, PDFName, PDFSignature } = await import('pdf-lib');
  const signpdfModule = await import('@signpdf/signpdf');
  const signpdf = signpdfModule.default.default ?? signpdfModule.default;
  const { pdflibAddPlaceholder } = await import('@signpdf/placeholder-pdf-lib');
  let doc;
  try {
    doc = await PDFDocument.load(Buffer.from(job.pdf), { updateMetadata: false });
  } catch (err) {
    if (err?.constructor?.name === 'EncryptedPDFError') throw new Refusal('pdf-encrypted');
    throw new Refusal('not-pdf', err.message);
  }
  // pdf-lib writes the file anew, which would break a signature already in it.
  const signed = doc.getForm().getFields().some((f) => f instanceof PDFSignature && f.acroField.dict.get(PDFName.of('V')) !== undefined);
  if (signed) throw new Refusal('already-signed');
  const signingTime = new Date(job.signingTime);
  pdflibAddPlaceholder({
    pdfDoc: doc, reason: job.reason, location: job.location, name: job.name, contactInfo: job.contactInfo ?? '',
    signingTime, signatureLength: 16384, subFilter: SUBFILTER_ETSI_CADES_DETACHED, appName: 'Alur',
  });
  const prepared = Buffer.from(await doc.save({ useObjectStreams: false }));
  const out = await signpdf.sign(prepared, new PadesSigner(identity), signingTime);
  return { pdf: out };
}

async function main() {
  const job = workerData;
  try {
    if (job.op === 'inspect') parentPort.postMessage({ ok: true, certificate: describe(readP12(job.p12, job.passphrase)) });
    else if (job.op === 'sign') {
      const { pdf } = await signPdf(job);
      const copy = new Uint8Array(pdf); // its own memory, so it can be moved, not copied, to the caller
      parentPort.postMessage({ ok: true, pdf: copy }, [copy.buffer]);
    } else throw new Refusal('failed', `unknown operation ${job.op}`);
  } catch (err) {
    parentPort.postMessage({ ok: false, code: err instanceof Refusal ? err.code : 'failed', detail: String(err?.message ?? err).slice(0, 300) });
  }
}

void main();
