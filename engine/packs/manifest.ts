/**
 * pack.json: its TypeScript shape and its check against manifest.schema.json (ajv). Only the
 * schema decides what a valid manifest is; this module turns ajv's errors into PackProblems.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import schema from './manifest.schema.json' with { type: 'json' };
import { PackError, type PackProblem } from './problems.js';
import { MANIFEST } from './files.js';

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
  if (!bytes) throw new PackError({ file: MANIFEST, message: 'missing: a pack needs pack.json at its root' });
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new PackError({ file: MANIFEST, message: `not valid JSON: ${(err as Error).message}` });
  }
  const check = checker();
  if (!check(data)) {
    const problems: PackProblem[] = (check.errors ?? []).map((e) => ({
      file: MANIFEST,
      element: e.instancePath || '/',
      message: e.keyword === 'additionalProperties' ? `unknown property "${(e.params as any).additionalProperty}"` : e.message ?? 'invalid',
    }));
    throw new PackError(problems);
  }
  const manifest = data as unknown as PackManifest;
  const duplicates = duplicateKeys(manifest);
  if (duplicates.length > 0) throw new PackError(duplicates);
  return manifest;
}

function duplicateKeys(m: PackManifest): PackProblem[] {
  const problems: PackProblem[] = [];
  const dup = (what: string, keys: string[]) => {
    const seen = new Set<string>();
    for (const k of keys) {
      if (seen.has(k)) problems.push({ file: MANIFEST, element: k, message: `${what} "${k}" is listed twice` });
      seen.add(k);
    }
  };
  dup('file', [...m.files.bpmn, ...m.files.forms, ...m.files.scenarios, ...(m.files.templates ?? [])].map((f) => f.path));
  dup('role', m.roles.map((r) => r.key));
  dup('connector', m.connectors.map((c) => c.type));
  dup('process', m.processes.map((p) => p.id));
  return problems;
}

/** Every file the manifest lists, with its kind. */
export function listedFiles(m: PackManifest): { kind: 'bpmn' | 'forms' | 'scenarios' | 'templates'; file: PackFile }[] {
  return (['bpmn', 'forms', 'scenarios', 'templates'] as const).flatMap((kind) => (m.files[kind] ?? []).map((file) => ({ kind, file })));
}
