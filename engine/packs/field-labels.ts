/**
 * A pack.json field as a message names it: its label in the reader's language and the path as
 * written in pack.json ("nama penerbit (publisher.name)"), so a publisher who reads Indonesian
 * knows what to fill in and one who edits the JSON finds it. A field with no label (an unknown
 * one, named in "… is not a known field") keeps "field {path}".
 */
import { text, type MessageKey, type Param, type Text } from '../messages/index.js';
import { fieldName } from '../messages/schema-errors.js';

const SP = 'processes.N.standarPelayanan';
const LABELS: Record<string, MessageKey> = {
  formatVersion: 'pack-field.format-version', name: 'pack-field.name', version: 'pack-field.version',
  publisher: 'pack-field.publisher', 'publisher.tenant': 'pack-field.publisher-tenant', 'publisher.name': 'pack-field.publisher-name',
  'publisher.contact': 'pack-field.publisher-contact', description: 'pack-field.description', license: 'pack-field.license',
  files: 'pack-field.files', 'files.bpmn': 'pack-field.files-bpmn', 'files.forms': 'pack-field.files-forms',
  'files.scenarios': 'pack-field.files-scenarios', 'files.templates': 'pack-field.files-templates',
  'files.*.N': 'pack-field.file', 'files.*.N.path': 'pack-field.file-path', 'files.*.N.sha256': 'pack-field.file-sha256',
  roles: 'pack-field.roles', 'roles.N': 'pack-field.role', 'roles.N.key': 'pack-field.role-key', 'roles.N.description': 'pack-field.role-description',
  connectors: 'pack-field.connectors', 'connectors.N': 'pack-field.connector', 'connectors.N.type': 'pack-field.connector-type',
  'connectors.N.description': 'pack-field.connector-description',
  processes: 'pack-field.processes', 'processes.N': 'pack-field.process', 'processes.N.id': 'pack-field.process-id',
  'processes.N.file': 'pack-field.process-file', 'processes.N.name': 'pack-field.process-name', 'processes.N.callable': 'pack-field.process-callable',
  [SP]: 'pack-field.sp', [`${SP}.sla`]: 'pack-field.sp-sla', [`${SP}.sla.hariKerja`]: 'pack-field.sp-sla-days', [`${SP}.sla.keterangan`]: 'pack-field.sp-sla-note',
  [`${SP}.persyaratan`]: 'pack-field.sp-requirements', [`${SP}.biaya`]: 'pack-field.sp-cost', [`${SP}.biaya.gratis`]: 'pack-field.sp-cost-free',
  [`${SP}.biaya.keterangan`]: 'pack-field.sp-cost-note', [`${SP}.produkLayanan`]: 'pack-field.sp-product', [`${SP}.dasarHukum`]: 'pack-field.sp-legal-basis',
  [`${SP}.sistemMekanismeProsedur`]: 'pack-field.sp-procedure', [`${SP}.penangananPengaduan`]: 'pack-field.sp-complaints',
  [`${SP}.saranaPrasarana`]: 'pack-field.sp-facilities', [`${SP}.kompetensiPelaksana`]: 'pack-field.sp-competence',
  [`${SP}.pengawasanInternal`]: 'pack-field.sp-supervision', [`${SP}.jumlahPelaksana`]: 'pack-field.sp-staff',
  [`${SP}.jaminanPelayanan`]: 'pack-field.sp-guarantee', [`${SP}.jaminanKeamanan`]: 'pack-field.sp-security',
  [`${SP}.evaluasiKinerja`]: 'pack-field.sp-evaluation', [`${SP}.unitPelaksana`]: 'pack-field.sp-unit',
};

/** The label of a dotted pack.json path (`processes.0.name.id`), without the path; undefined when it has none. */
export function manifestLabel(path: string): Text | undefined {
  const generic = path.replace(/\.\d+(?=\.|$)/g, '.N').replace(/^files\.(bpmn|forms|scenarios|templates)\.N/, 'files.*.N');
  const key = LABELS[generic];
  if (key) return text(key);
  // A bilingual text's own language ("description.id"), or one item of a list ("persyaratan.2").
  const lang = /^(.+)\.(id|en)$/.exec(path);
  const parentOfLang = lang && manifestLabel(lang[1]);
  if (lang && parentOfLang) return text('pack-field.in-lang', { label: parentOfLang, lang: text(lang[2] === 'id' ? 'pack-field.lang-id' : 'pack-field.lang-en') });
  const item = /^(.+)\.(\d+)$/.exec(path);
  const parentOfItem = item && manifestLabel(item[1]);
  if (item && parentOfItem) return text('pack-field.item', { n: Number(item[2]) + 1, label: parentOfItem });
  return undefined;
}

/** How a message names the pack.json field at `path`. */
export function manifestFieldName(path: string): Param {
  const label = manifestLabel(path);
  return label ? text('pack-field.labelled', { label, path: fieldName(path) }) : text('pack.field', { path: fieldName(path) });
}
