/**
 * What can be wrong with a process pack (engine/packs: manifest, checksums, signature, the files'
 * cross-checks, scenarios, the role map and versions on import). The API writes each problem as
 * "file [element]: problem" in the request's language, the CLI in its own (engine/cli/lang.ts).
 */
import type { Catalog } from './types.js';

/**
 * The problem after "file [element]:", capitalised — unless it starts with a name written as given:
 * a field path (validate.min, roles[0]) or a name passed in as a plain string, such as a form's
 * property (content, valuesExpression), which form-js spells that way. `raw` is the problem's
 * Text (by its shape: importing the class here would be circular) or a plain string.
 */
function capital(s: string, raw: unknown): string {
  const params = (raw as { params?: Record<string, unknown> } | undefined)?.params;
  const named = params !== undefined && Object.values(params).some((v) => typeof v === 'string' && /^[a-z]/.test(v) && s.startsWith(v));
  return named || /^[a-z]\w*[.[]/.test(s) ? s : s.charAt(0).toUpperCase() + s.slice(1);
}

export const packs = {
  // verbatim: the line starts with a file name, which keeps its case; the problem after it is capitalised.
  'pack.problem-at': { en: (v, r) => `${v.file} [${v.element}]: ${capital(v.problem, r.problem)}`, id: (v, r) => `${v.file} [${v.element}]: ${capital(v.problem, r.problem)}`, verbatim: true },
  'pack.problem-in': { en: (v, r) => `${v.file}: ${capital(v.problem, r.problem)}`, id: (v, r) => `${v.file}: ${capital(v.problem, r.problem)}`, verbatim: true },
  'pack.whole-manifest': { en: 'pack.json', id: 'pack.json', fragment: true },
  'pack.field': { en: 'field {path}', id: 'isian {path}', fragment: true },
  'pack.whole-scenario': { en: 'the scenario', id: 'skenario', fragment: true },
  'pack.what-file': { en: 'file', id: 'berkas', fragment: true },
  'pack.what-role': { en: 'role', id: 'peran', fragment: true },
  'pack.what-connector': { en: 'connector', id: 'konektor', fragment: true },
  'pack.what-process': { en: 'process', id: 'proses', fragment: true },

  'pack.manifest-missing': { en: 'Missing: a pack needs pack.json at its root.', id: 'Tidak ada: paket memerlukan pack.json di folder teratasnya.' },
  'pack.not-json': { en: 'Not valid JSON: {detail}', id: 'Bukan JSON yang sah: {detail}' },
  'pack.roles-not-json': { en: 'Not valid JSON.', id: 'Bukan JSON yang sah.' },
  'pack.listed-twice': { en: '{what} "{key}" is listed twice.', id: '{what} "{key}" tercantum dua kali.' },

  'pack.file-listed-missing': { en: 'Listed in pack.json but missing from the pack.', id: 'Tercantum dalam pack.json tetapi tidak ada dalam paket.' },
  'pack.checksum-mismatch': {
    en: 'Checksum mismatch: pack.json says sha256 {expected}, the file has {actual}.',
    id: 'Checksum tidak cocok: pack.json menyebut sha256 {expected}, berkas ini {actual}.',
  },
  'pack.file-unlisted': {
    en: 'Not listed in pack.json (every file of a pack must be listed with its checksum).',
    id: 'Tidak tercantum dalam pack.json (setiap berkas paket harus dicantumkan beserta checksum-nya).',
  },
  'pack.signature-missing': {
    en: 'Missing: this tenant accepts only packs signed by a trusted publisher.',
    id: 'Tidak ada: pemerintah daerah ini hanya menerima paket yang ditandatangani penerbit tepercaya.',
  },
  'pack.signature-no-key': { en: 'No trusted key for publisher "{publisher}".', id: 'Tidak ada kunci tepercaya untuk penerbit "{publisher}".' },
  'pack.signature-bad': {
    en: 'Bad signature: no trusted key of publisher "{publisher}" verifies pack.json.',
    id: 'Tanda tangan tidak sah: tidak ada kunci tepercaya penerbit "{publisher}" yang cocok dengan pack.json.',
  },

  'pack.form-no-id': { en: 'The form has no "id" (the formId tasks refer to).', id: 'Formulir tidak memiliki "id" (formId yang dirujuk tugas).' },
  'pack.form-id-taken': { en: 'Form id "{formId}" is used by another form of the pack.', id: 'Id formulir "{formId}" sudah dipakai formulir lain dalam paket.' },
  'pack.template-name': {
    en: 'A template\'s file name is letters, digits, dots and dashes, ending in .docx.',
    id: 'Nama berkas templat hanya berisi huruf, angka, titik dan tanda hubung, diakhiri .docx.',
  },
  'pack.personal-data-job': {
    en: 'Service task passes "{variable}" to its job; jobs should carry ids, not personal data.',
    id: 'Tugas layanan meneruskan "{variable}" ke pekerjaannya; pekerjaan sebaiknya membawa id, bukan data pribadi.',
  },
  'pack.process-not-in-file': { en: 'Process "{process}" is not in {file}.', id: 'Proses "{process}" tidak ada di {file}.' },
  'pack.process-in-other-file': { en: 'Process "{process}" is in {found}, not {file}.', id: 'Proses "{process}" ada di {found}, bukan di {file}.' },
  'pack.process-undescribed': {
    en: 'Process "{process}" is not described in pack.json (processes[] with its standar pelayanan).',
    id: 'Proses "{process}" tidak diuraikan dalam pack.json (processes[] beserta standar pelayanannya).',
  },
  'pack.form-missing': { en: 'Form "{formId}" is not in the pack.', id: 'Formulir "{formId}" tidak ada dalam paket.' },
  'pack.role-undeclared': {
    en: 'Role "{role}" is used as a candidate but not declared in pack.json roles.',
    id: 'Peran "{role}" dipakai sebagai kandidat tetapi tidak dinyatakan dalam roles di pack.json.',
  },
  'pack.connector-undeclared': {
    en: 'Service task type "{type}" is not declared in pack.json connectors.',
    id: 'Jenis tugas layanan "{type}" tidak dinyatakan dalam connectors di pack.json.',
  },
  'pack.connector-unused': {
    en: 'Connector "{type}" is declared but no service task uses it.',
    id: 'Konektor "{type}" dinyatakan tetapi tidak dipakai tugas layanan mana pun.',
  },
  'pack.scenario-process-missing': { en: 'Process "{process}" is not in the pack.', id: 'Proses "{process}" tidak ada dalam paket.' },
  'pack.scenario-role-undeclared': { en: 'Role "{role}" is not declared in pack.json.', id: 'Peran "{role}" tidak dinyatakan dalam pack.json.' },

  'pack.role-map-object': {
    en: 'The role map must be a JSON object { "<pack role>": "<local group>" }.',
    id: 'Pemetaan peran harus berupa objek JSON { "<peran paket>": "<grup setempat>" }.',
  },
  'pack.role-map-group': {
    en: 'The group for role "{role}" must be a group name (letters, digits, . _ -).',
    id: 'Grup untuk peran "{role}" harus berupa nama grup (huruf, angka, . _ -).',
  },
  'pack.role-unmapped': {
    en: 'Pack role "{role}" is not mapped to a group of tenant {tenant}.',
    id: 'Peran paket "{role}" belum dipetakan ke grup pemerintah daerah {tenant}.',
  },
  'pack.version-older': { en: 'Version {version} is older than the installed {installed}.', id: 'Versi {version} lebih lama daripada versi terpasang {installed}.' },
  'pack.version-reused': {
    en: 'Version {version} is already installed with other content; publish the change as a new version.',
    id: 'Versi {version} sudah terpasang dengan isi yang lain; terbitkan perubahan itu sebagai versi baru.',
  },
} satisfies Catalog;
