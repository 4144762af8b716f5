/**
 * What `npx alur pack …` prints (engine/cli), in the locale's language (cli/lang.ts). Numbers and
 * names (pack@version, file paths, tenant ids) are data, and a line that starts with one is verbatim
 * (not capitalised); PASS/FAIL/SKIP stay as test runners write them.
 */
import type { Catalog } from './types.js';

const plural = (n: unknown, one: string, many: string) => (Number(n) === 1 ? one : many);

export const cli = {
  'cli.reading': { en: 'Reading {path}', id: 'Membaca {path}' },
  'cli.building': { en: 'Building {path}', id: 'Menyusun {path}' },
  'cli.validating': { en: 'Validating {path}', id: 'Memeriksa {path}' },
  'cli.validating-files': { en: (v, raw) => `Validating ${v.count} ${plural(raw.count, 'file', 'files')}`, id: 'Memeriksa {count} berkas' },
  'cli.valid': {
    en: (v) => `${v.pack}: ${v.processes} processes, ${v.forms} forms, ${v.scenarios} scenarios, ${v.roles} roles, signature ${v.signature}`,
    id: '{pack}: {processes} proses, {forms} formulir, {scenarios} skenario, {roles} peran, tanda tangan {signature}',
    verbatim: true,
  },
  'cli.signature-verified': { en: 'verified', id: 'terverifikasi', fragment: true },
  'cli.signature-unsigned': { en: 'unsigned', id: 'tidak ada', fragment: true },
  'cli.signature-unchecked': { en: 'not checked', id: 'tidak diperiksa', fragment: true },
  'cli.built': {
    en: (v, raw) => `${v.file} (${v.bytes} bytes): ${v.processes} processes, ${v.forms} forms, ${v.scenarios} scenarios${raw.signed ? ', signed' : ''}`,
    id: (v, raw) => `${v.file} (${v.bytes} byte): ${v.processes} proses, ${v.forms} formulir, ${v.scenarios} skenario${raw.signed ? ', ditandatangani' : ''}`,
    verbatim: true,
  },
  'cli.scenarios': { en: (v, raw) => `${v.pack}: ${v.count} ${plural(raw.count, 'scenario', 'scenarios')} with ${v.roles}`, id: '{pack}: {count} skenario dengan {roles}', verbatim: true },
  'cli.scenario-line': { en: '{result} [{i}/{n}] {file} — {name} ({ms} ms)', id: '{result} [{i}/{n}] {file} — {name} ({ms} md)' },
  'cli.scenario-totals': {
    en: (v, raw) => `${v.passed} passed, ${v.failed} failed${Number(raw.skipped) ? `, ${v.skipped} skipped` : ''}`,
    id: (v, raw) => `${v.passed} lulus, ${v.failed} gagal${Number(raw.skipped) ? `, ${v.skipped} dilewati` : ''}`,
  },
  'cli.unmapped': { en: 'Role map {file} does not map: {roles}', id: 'Pemetaan peran {file} belum memetakan: {roles}' },
  'cli.creating-tenant': { en: 'Creating tenant {tenant}', id: 'Membuat daerah {tenant}' },
  'cli.no-tenant': { en: 'Tenant {tenant} does not exist (add --create-tenant to create it)', id: 'Daerah {tenant} belum ada (tambahkan --create-tenant untuk membuatnya)' },
  'cli.planning': { en: 'Planning {pack} into {tenant}', id: 'Merencanakan {pack} ke {tenant}' },
  'cli.importing': { en: 'Importing {pack} into {tenant}', id: 'Mengimpor {pack} ke {tenant}' },
  'cli.change-added': { en: 'added', id: 'baru', fragment: true },
  'cli.change-changed': { en: 'changed', id: 'berubah', fragment: true },
  'cli.change-unchanged': { en: 'unchanged', id: 'tetap', fragment: true },
  'cli.removed': { en: '{process} (stays deployed; no longer in the pack)', id: '{process} (tetap ter-deploy; tidak lagi ada dalam paket)' },
  'cli.removed-word': { en: 'removed', id: 'dihapus', fragment: true },
  'cli.roles-to-map': { en: 'Roles to map before importing: {roles}', id: 'Peran yang harus dipetakan sebelum impor: {roles}' },
  'cli.connectors-to-register': { en: 'Connectors to register before running: {types}', id: 'Konektor yang harus didaftarkan sebelum berjalan: {types}' },
  'cli.unknown-mapped': { en: 'Mapped roles the pack does not declare: {roles}', id: 'Peran terpetakan yang tidak dinyatakan paket: {roles}' },
  'cli.unchecked': {
    en: '{file} {element} {attribute}="{expression}": roles computed at run time cannot be checked; a value outside the map becomes an incident',
    id: '{file} {element} {attribute}="{expression}": peran yang dihitung saat berjalan tidak dapat diperiksa; nilai di luar pemetaan menjadi insiden',
    verbatim: true,
  },
  'cli.deployed': { en: 'Deployed {pack} to {tenant}', id: '{pack} di-deploy ke {tenant}', verbatim: true },
  'cli.dry-run': { en: 'Dry run: nothing deployed', id: 'Uji coba: tidak ada yang di-deploy' },
  'cli.not-installed': { en: 'Pack {pack} is not installed in tenant {tenant}', id: 'Paket {pack} belum diimpor di daerah {tenant}' },
  'cli.exported': { en: '{file}: {pack} ({bytes} bytes)', id: '{file}: {pack} ({bytes} byte)', verbatim: true },
  'cli.key-private': {
    en: '{file} (keep it secret; sign with: alur pack build <dir> --sign {file})',
    id: '{file} (rahasiakan; tandatangani dengan: alur pack build <dir> --sign {file})',
    verbatim: true,
  },
  'cli.key-public': {
    en: '{file} (give it to importing tenants: alur pack trust {file} --tenant T --publisher P)',
    id: '{file} (berikan kepada daerah pengimpor: alur pack trust {file} --tenant T --publisher P)',
    verbatim: true,
  },
  'cli.not-ed25519': { en: '{file} is not an Ed25519 public key', id: '{file} bukan kunci publik Ed25519', verbatim: true },
  'cli.trusted': {
    en: (v, raw) => `Tenant ${v.tenant} trusts ${v.count} publisher ${plural(raw.count, 'key', 'keys')}; unsigned packs are refused from now on`,
    id: 'Daerah {tenant} memercayai {count} kunci penerbit; paket tanpa tanda tangan ditolak mulai sekarang',
  },
  'cli.file-unreadable': { en: '{what} {path}: {detail}', id: '{what} {path}: {detail}' },
  'cli.file-not-json': { en: '{what} {path} is not valid JSON: {detail}', id: '{what} {path} bukan JSON yang sah: {detail}' },
  'cli.keys-not-array': {
    en: 'Trusted keys {path} must be a JSON array of { publisher, publicKey }',
    id: 'Kunci tepercaya {path} harus berupa larik JSON { publisher, publicKey }',
  },
  'cli.what-trusted-keys': { en: 'trusted keys', id: 'kunci tepercaya', fragment: true },
  'cli.what-role-map': { en: 'role map', id: 'pemetaan peran', fragment: true },
  // Wrong usage (exit code 2). Command and option names are what the user types, so they stay.
  'cli.usage': {
    en: `Usage: alur pack <command>
  validate <dir|zip> [--trust keys.json]                 check a pack (schema, checksums, BPMN, forms, roles)
  build <dir> [-o out.zip] [--sign key.pem]              list checksums in pack.json and zip the pack
  import <zip> --tenant T --roles map.json [--dry-run]   deploy a pack into a tenant with a role mapping
  export <name> --tenant T [-o file.zip]                 write an installed pack as it was imported
  test <dir|zip> --roles map.json                        run the pack's scenarios in scratch tenants
  keygen <name>                                          a publisher's Ed25519 key pair for signing packs
  trust <public.pem> --tenant T --publisher P            a tenant accepts only packs signed by trusted keys`,
    id: `Cara pakai: alur pack <perintah>
  validate <folder|zip> [--trust kunci.json]             periksa paket (skema, checksum, BPMN, formulir, peran)
  build <folder> [-o hasil.zip] [--sign kunci.pem]       catat checksum di pack.json lalu zip paketnya
  import <zip> --tenant T --roles peta.json [--dry-run]  deploy paket ke daerah T dengan pemetaan peran
  export <nama> --tenant T [-o berkas.zip]               tulis paket terpasang persis seperti saat diimpor
  test <folder|zip> --roles peta.json                    jalankan skenario paket di daerah uji sementara
  keygen <nama>                                          pasangan kunci Ed25519 penerbit untuk menandatangani paket
  trust <publik.pem> --tenant T --publisher P            daerah T hanya menerima paket bertanda tangan kunci tepercaya`,
    verbatim: true,
  },
  'cli.usage-of': { en: 'Usage: {usage}', id: 'Cara pakai: {usage}', verbatim: true },
  'cli.unknown-option': { en: 'unknown option {option}', id: 'opsi {option} tidak dikenal', fragment: true },
  'cli.option-needs-value': { en: 'option --{option} needs a value', id: 'opsi --{option} memerlukan nilai', fragment: true },
} satisfies Catalog;
