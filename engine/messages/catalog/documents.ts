/** Documents (berkas): uploads, their limits and types, attaching them to a case (engine/documents, service/attachments.ts). */
import type { Catalog } from './types.js';

export const documents = {
  'document.no-file': {
    en: 'Send the document as one multipart part named "file".',
    id: 'Kirim berkas sebagai satu bagian multipart bernama "file".',
  },
  'document.too-large': {
    en: 'The document is larger than {limit} MB.',
    id: 'Berkas lebih besar dari {limit} MB.',
  },
  'document.type-not-accepted': {
    en: 'Documents of this kind ({found}) are not accepted; accepted are {accepted}.',
    id: 'Berkas jenis ini ({found}) tidak diterima; yang diterima: {accepted}.',
  },
  'document.type-unknown': {
    en: 'The kind of this document cannot be recognised from its content; accepted are {accepted}.',
    id: 'Jenis berkas ini tidak dapat dikenali dari isinya; yang diterima: {accepted}.',
  },
  'document.name-contradicts': {
    en: 'The file is named .{named} but its content is {found}.',
    id: 'Nama berkas berakhiran .{named} tetapi isinya {found}.',
  },
  'document.empty': { en: 'The document is empty.', id: 'Berkas kosong.' },
  'document.not-found': { en: 'Document {id} was not found.', id: 'Berkas {id} tidak ditemukan.' },
  'document.not-yours': {
    en: 'Document {id} is an upload of someone else that no case holds yet.',
    id: 'Berkas {id} adalah unggahan orang lain yang belum dilampirkan pada berkas permohonan mana pun.',
  },
  'document.no-case-access': {
    en: 'You hold no task in the case of document {id}.',
    id: 'Anda tidak memegang tugas apa pun pada permohonan yang memuat berkas {id}.',
  },
  'document.not-attachable': {
    en: 'Document {id} is not an upload of yours waiting to be attached, nor a document of this case.',
    id: 'Berkas {id} bukan unggahan Anda yang menunggu dilampirkan, dan bukan berkas dari permohonan ini.',
  },
  'document.attach-refused': {
    en: 'Some documents cannot be attached.',
    id: 'Sebagian berkas tidak dapat dilampirkan.',
  },
  'document.infected': {
    en: 'The document was refused by the malware scan ({signature}).',
    id: 'Berkas ditolak oleh pemindai malware ({signature}).',
  },
  'document.scan-failed': {
    en: 'The malware scanner could not be reached; try again later.',
    id: 'Pemindai malware tidak dapat dihubungi; coba lagi nanti.',
  },
} satisfies Catalog;
