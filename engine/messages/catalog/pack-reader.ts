/**
 * Why a pack could not be read at all (engine/packs: read.ts, read-zip.ts, read-folder.ts, files.ts
 * and build.ts): a path that is not there, an archive that is no zip, too large or hostile, a file
 * name that could land outside the pack. The line is "file: problem" (pack.problem-in), so these
 * are whole messages; a `pack-read.why-*` is a reason inside `pack-read.refused` ("Refused: …").
 * Words of the zip library itself travel as {detail}, as given.
 */
import type { Catalog } from './types.js';

export const packReader = {
  'pack-read.no-such-path': { en: 'No such file or folder.', id: 'Berkas atau folder ini tidak ada.' },
  'pack-read.zip-too-large': { en: 'The zip is {size} bytes; the limit is {limit} bytes.', id: 'Zip ini berukuran {size} byte; batasnya {limit} byte.' },
  'pack-read.not-a-zip': { en: 'Not a readable zip ({detail}).', id: 'Bukan berkas zip yang dapat dibaca ({detail}).' },
  'pack-read.corrupt-zip': { en: 'The zip is damaged ({detail}).', id: 'Zip ini rusak ({detail}).' },
  'pack-read.corrupt-entry': { en: 'The file is damaged inside the zip ({detail}).', id: 'Berkas ini rusak di dalam zip ({detail}).' },
  'pack-read.too-many-entries': { en: 'The zip has {count} entries; the limit is {limit}.', id: 'Zip ini berisi {count} entri; batasnya {limit}.' },
  'pack-read.name-not-utf8': { en: 'An entry name is not valid UTF-8.', id: 'Nama salah satu entri bukan UTF-8 yang sah.' },
  'pack-read.cannot-read': { en: 'The file cannot be read ({detail}).', id: 'Berkas ini tidak dapat dibaca ({detail}).' },
  'pack-read.not-regular-file': { en: 'Not a regular file.', id: 'Bukan berkas biasa.' },
  'pack-read.file-too-large': { en: 'The file is {size} bytes; the limit per file is {limit} bytes.', id: 'Berkas ini berukuran {size} byte; batas per berkas {limit} byte.' },
  'pack-read.pack-too-large': { en: 'The pack exceeds {limit} bytes.', id: 'Paket melebihi {limit} byte.' },
  'pack-read.refused': { en: 'Refused: {reason}.', id: 'Ditolak: {reason}.' },

  'pack-read.why-duplicate': { en: 'duplicate entry', id: 'entri ganda', fragment: true },
  'pack-read.why-symlink': { en: 'symbolic link', id: 'tautan simbolik', fragment: true },
  'pack-read.why-encrypted': { en: 'encrypted entry', id: 'entri terenkripsi', fragment: true },
  'pack-read.why-entry-too-large': {
    en: '{size} bytes uncompressed, the limit per file is {limit}',
    id: '{size} byte setelah diekstrak, batas per berkas {limit}',
    fragment: true,
  },
  'pack-read.why-pack-too-large': { en: 'the pack exceeds {limit} bytes uncompressed', id: 'paket melebihi {limit} byte setelah diekstrak', fragment: true },
  'pack-read.why-ratio': {
    en: 'compression ratio {ratio}:1 exceeds {limit}:1 (zip bomb?)',
    id: 'rasio kompresi {ratio}:1 melebihi {limit}:1 (bom zip?)',
    fragment: true,
  },
  'pack-read.why-longer': { en: 'data is longer than the declared {max} bytes', id: 'datanya lebih panjang daripada {max} byte yang dinyatakan', fragment: true },
  'pack-read.why-no-local-header': {
    en: 'no local header where the central directory points',
    id: 'tidak ada header lokal di tempat yang ditunjuk direktori pusat',
    fragment: true,
  },
  'pack-read.why-local-name': {
    en: 'the local header names another file than the central directory',
    id: 'header lokal menyebut berkas lain daripada direktori pusat',
    fragment: true,
  },
  'pack-read.why-local-differs': {
    en: 'the local header says {what} {local}, the central directory {central}',
    id: 'header lokal menyebut {what} {local}, direktori pusat {central}',
    fragment: true,
  },
  'pack-read.what-method': { en: 'compression method', id: 'metode kompresi', fragment: true },
  'pack-read.what-crc': { en: 'CRC-32', id: 'CRC-32', fragment: true },
  'pack-read.what-compressed': { en: 'compressed size', id: 'ukuran terkompresi', fragment: true },
  'pack-read.what-uncompressed': { en: 'uncompressed size', id: 'ukuran tanpa kompresi', fragment: true },
  'pack-read.why-escapes-folder': { en: 'path escapes the pack folder', id: 'jalurnya keluar dari folder paket', fragment: true },
  'pack-read.why-outside-symlink': {
    en: 'path leads outside the pack folder (symbolic link)',
    id: 'jalurnya mengarah ke luar folder paket (tautan simbolik)',
    fragment: true,
  },

  // A file name inside a pack that could land outside its storage (files.ts unsafePathReason).
  'pack-read.why-empty-name': { en: 'empty file name', id: 'nama berkas kosong', fragment: true },
  'pack-read.why-long-name': { en: 'file name longer than 200 characters', id: 'nama berkas lebih dari 200 karakter', fragment: true },
  'pack-read.why-control-char': { en: 'control character in file name', id: 'ada karakter kendali dalam nama berkas', fragment: true },
  'pack-read.why-backslash': { en: 'backslash in file name (use forward slashes)', id: 'ada garis miring terbalik dalam nama berkas (pakai garis miring biasa)', fragment: true },
  'pack-read.why-absolute': { en: 'absolute path', id: 'jalur absolut', fragment: true },
  'pack-read.why-dotdot': { en: 'path escapes the pack ("..")', id: 'jalurnya keluar dari paket ("..")', fragment: true },
  'pack-read.why-empty-segment': { en: 'path has an empty or "." segment', id: 'jalurnya memuat bagian kosong atau "."', fragment: true },
} satisfies Catalog;
