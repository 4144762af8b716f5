/** Signing (TTE): tenants' signing certificates (engine/signing/certificates.ts) and the tte-sign connector's incidents. */
import type { Catalog } from './types.js';

export const signing = {
  'action.manage-signing-certificates': { en: 'managing signing certificates', id: 'mengelola sertifikat tanda tangan elektronik', fragment: true },
  'signing.no-file': {
    en: 'Send the certificate as a multipart part named "file" (a .p12 or .pfx file) and its passphrase as a part named "passphrase".',
    id: 'Kirim sertifikat sebagai bagian multipart bernama "file" (berkas .p12 atau .pfx) dan kata sandinya sebagai bagian bernama "passphrase".',
  },
  'signing.too-large': { en: 'A certificate file is at most {limit} KB.', id: 'Berkas sertifikat paling besar {limit} KB.' },
  'signing.bad-name': {
    en: 'A certificate name is lower-case letters, digits and dashes (e.g. default, kepala-dinas).',
    id: 'Nama sertifikat terdiri atas huruf kecil, angka dan tanda hubung (mis. default, kepala-dinas).',
  },
  'signing.not-p12': { en: 'The file is not a PKCS#12 certificate (.p12/.pfx).', id: 'Berkas bukan sertifikat PKCS#12 (.p12/.pfx).' },
  'signing.wrong-passphrase': { en: 'The passphrase does not open this certificate.', id: 'Kata sandi tidak dapat membuka sertifikat ini.' },
  'signing.no-key': { en: 'The certificate file holds no private key.', id: 'Berkas sertifikat tidak memuat kunci privat.' },
  'signing.no-certificate': { en: 'The file holds a key but no certificate.', id: 'Berkas memuat kunci tetapi tidak memuat sertifikat.' },
  'signing.key-mismatch': { en: 'No certificate in the file belongs to its private key.', id: 'Tidak ada sertifikat dalam berkas yang cocok dengan kunci privatnya.' },
  'signing.unsupported-key': { en: 'This kind of key is not supported; use an RSA key.', id: 'Jenis kunci ini tidak didukung; gunakan kunci RSA.' },
  'signing.expired': { en: 'The certificate is not valid now (valid {from} to {to}).', id: 'Sertifikat tidak berlaku saat ini (berlaku {from} sampai {to}).' },
  'signing.too-slow': { en: 'The certificate could not be read within {seconds} seconds.', id: 'Sertifikat tidak dapat dibaca dalam {seconds} detik.' },
  'signing.unreadable': { en: 'The certificate could not be read.', id: 'Sertifikat tidak dapat dibaca.' },
  'signing.not-found': { en: 'The tenant has no signing certificate named {name}.', id: 'Tidak ada sertifikat tanda tangan bernama {name}.' },
} satisfies Catalog;
