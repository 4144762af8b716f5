/**
 * pack.json: its TypeScript shape and its check against manifest.schema.json (ajv). Only the
 * schema decides what a valid manifest is; this module turns ajv's errors into PackProblems, worded
 * by the same table as a request body's (messages/schema-errors.ts), naming the field's path.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import schema from './manifest.schema.json' with { type: 'json' };
import { PackError, packProblem, type PackProblem } from './problems.js';
import { jsonErrorText, text, type MessageKey } from '../messages/index.js';
import { schemaItems } from '../messages/schema-errors.js';
import { MANIFEST } from './files.js';
import { manifestFieldName } from './field-labels.js';

export interface Text { id: string; en: string }
export interface PackFile { path: string; sha256: string }

export interface StandarPelayanan {
  sla: { hariKerja: number; keterangan?: string };
  persyaratan: string[];
  biaya: { gratis: boolean; keterangan?: string };
  produkLayanan: string;
  dasarHukum: string[];
  sistemMekanismeProsedur: string;
  penangananPengaduan: string;
  [component: string]: unknown;
}

export interface PackProcess {
  id: string;
  file: string;
  name: Text;
  callable?: boolean;
  standarPelayanan: StandarPelayanan;
}

export interface PackManifest {
  formatVersion: 1;
  name: string;
  version: string;
  publisher: { tenant: string; name: string; contact?: string };
  description: Text;
  license?: string;
  /** `templates`: .docx letter templates for document-render (optional: packs before it have none). */
  files: { bpmn: PackFile[]; forms: PackFile[]; scenarios: PackFile[]; templates?: PackFile[] };
  roles: { key: string; description: Text }[];
  connectors: { type: string; description: Text }[];
  processes: PackProcess[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
// Compiled on first use: a start that reads no pack does not pay for it.
let compiled: ValidateFunction | undefined;
const checker = (): ValidateFunction => (compiled ??= ajv.compile(schema));

/** Parses and checks pack.json; throws a PackError listing every schema violation. */
export function parseManifest(bytes: Buffer | undefined): PackManifest {
  if (!bytes) throw new PackError(packProblem(MANIFEST, undefined, text('pack.manifest-missing')));
  let data: unknown;
  const source = bytes.toString('utf8');
  try {
    data = JSON.parse(source);
  } catch (err) {
    throw new PackError(packProblem(MANIFEST, undefined, text('pack.not-json', { detail: jsonErrorText(err, source) })));
  }
  const check = checker();
  if (!check(data)) {
    throw new PackError(schemaItems(check.errors ?? [], text('pack.whole-manifest'), manifestFieldName).map((item) => packProblem(MANIFEST, item.path || undefined, item.text)));
  }
  const manifest = data as unknown as PackManifest;
  const duplicates = duplicateKeys(manifest);
  if (duplicates.length > 0) throw new PackError(duplicates);
  return manifest;
}

function duplicateKeys(m: PackManifest): PackProblem[] {
  const problems: PackProblem[] = [];
  const dup = (what: MessageKey, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) problems.push(packProblem(MANIFEST, k, text('pack.listed-twice', { what: text(what), key: k })));
      seen.add(k);
    }
  };
  dup('pack.what-file', [...m.files.bpmn, ...m.files.forms, ...m.files.scenarios, ...(m.files.templates ?? [])].map((f) => f.path));
  dup('pack.what-role', m.roles.map((r) => r.key));
  dup('pack.what-connector', m.connectors.map((c) => c.type));
  dup('pack.what-process', m.processes.map((p) => p.id));
  return problems;
}

/** Every file the manifest lists, with its kind. */
export function listedFiles(m: PackManifest): { kind: 'bpmn' | 'forms' | 'scenarios' | 'templates'; file: PackFile }[] {
  return (['bpmn', 'forms', 'scenarios', 'templates'] as const).flatMap((kind) => (m.files[kind] ?? []).map((file) => ({ kind, file })));
}
