/**
 * The `document-render` connector (README "Letters"): fills a `.docx` template deployed with the
 * process with the case's values and attaches the letter to the case; with LibreOffice it also
 * attaches its PDF (what `tte-sign` signs). A letter may take a number from a register:
 *
 *  - `template` (required): the template's file name as deployed (`surat-izin.docx`; its latest version);
 *  - `register` and `numberFormat` (e.g. `{seq}/{kode}/{unit}/{yyyy}`), with `kode` and `unit`:
 *    the number is gap-free per tenant, register and year (the counter of engine/numbering, taken
 *    in the transaction that stores the letter) and goes into the template as `{nomorSurat}`.
 *    A register a tenant admin set up (registers.ts) brings its own `numberFormat`, `kode` and
 *    `unit`, which win over the headers;
 *  - `name` (file name without extension, default the template's), `resultVariable` (default
 *    `surat`: `{ documentId, pdfDocumentId, name, nomor, register, tanggal }`).
 * Every header may be FEEL. The template sees the task's variables, `nomorSurat` and
 * `tanggalSurat` (today in the office's zone, e.g. "7 Desember 2026").
 *
 * A job delivered twice finds its letter (table letter, one per service-task activation) and takes
 * no second number. A template that cannot be filled (a loop over too many items, a zip bomb) or
 * is not deployed is an incident at once (JobIncident), naming the tag; other failures retry.
 */
import type { Knex } from 'knex';
import { JobIncident, type Job, type JobHandler } from '../runner/registry.js';
import { resolveHeaders, optionalText, requiredText, type HeaderContext } from '../runner/connectors/headers.js';
import { parseNumberFormat, seriesOf, takeNumber } from '../numbering/index.js';
import { findDocument } from '../store/documents.js';
import { storeCaseDocument } from '../documents/store-bytes.js';
import { findCalendar } from '../store/calendars.js';
import { documentBytes } from '../documents/read-bytes.js';
import { fillTemplate, openTemplate, DEFAULT_RENDER_LIMITS, TemplateProblem, type RenderLimits } from './render.js';
import { findLetter, insertLetter, latestTemplate, setLetterPdf, type LetterRow } from './store.js';
import { convertToPdf, type SofficeOptions } from './soffice.js';
import { findRegister, LETTER_FIELDS, REGISTER_KEY, registerScope, registerSeries, type RegisterRow } from './registers.js';

export const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Who the case's documents say made a letter. */
export const RENDERER = 'document-render';

export interface DocumentRenderOptions extends HeaderContext {
  knex: Knex;
  /** LibreOffice for the PDF; undefined: the .docx only. */
  soffice?: SofficeOptions;
  /** ALUR_MAX_DOCUMENT_MB: a letter larger than a document may be is refused. */
  maxDocumentBytes: number;
  limits?: RenderLimits;
  /** The installation's zone (ALUR_TIMEZONE), for tenants without a calendar of their own. */
  timeZone?: string;
}

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];

export function documentRenderConnector(options: DocumentRenderOptions): JobHandler {
  const { knex } = options;
  return async (job) => {
    const now = (options.now ?? (() => new Date()))();
    const h = resolveHeaders(job.headers, job.variables, options);
    const templateName = requiredText(h, 'template', 'document-render');
    const resultVariable = optionalText(h, 'resultVariable') ?? 'surat';
    const zone = (await findCalendar(knex, job.tenant))?.zone ?? options.timeZone ?? 'Asia/Jakarta';
    const tanggal = localDate(now, zone);

    let letter = await findLetter(knex, job.instanceId, job.key);
    if (!letter) letter = await makeLetter(job, h, templateName, resultVariable, now, zone, tanggal);
    if (options.soffice && !letter.pdf_document_id) letter = await addPdf(job, letter, resultVariable, now);
    const doc = await findDocument(knex, job.tenant, letter.document_id);
    return { variables: { [resultVariable]: {
      documentId: letter.document_id, pdfDocumentId: letter.pdf_document_id, name: doc?.name ?? null,
      nomor: letter.number, register: letter.register, tanggal,
    } } };
  };

  async function makeLetter(job: Job, h: Record<string, unknown>, templateName: string, field: string, now: Date, zone: string, tanggal: string): Promise<LetterRow> {
    const template = await latestTemplate(knex, job.tenant, templateName);
    if (!template) throw new JobIncident(`document-render: templat ${templateName} belum di-deploy di daerah ini / template ${templateName} is not deployed in this tenant (deploy it with the process)`);
    const files = await asIncident(openTemplate(template.content, templateName));
    const registerKey = optionalText(h, 'register');
    const numbering = numberingOf(h, registerKey && REGISTER_KEY.test(registerKey) ? await findRegister(knex, job.tenant, registerKey) : undefined);
    const baseName = safeBase(optionalText(h, 'name') ?? templateName.replace(/\.docx$/i, ''));
    return knex.transaction(async (trx) => {
      let number: string | null = null;
      if (numbering) {
        // The year is part of the counter's series: numbers restart every year, whatever the format says.
        const series = seriesOf(numbering.format, now, zone, numbering.fields);
        const year = tanggal.slice(-4);
        ({ number } = await takeNumber(trx, { tenant: job.tenant, scope: registerScope(numbering.register), series: registerSeries(year, series.name) }, now, series));
      }
      const data = { ...job.variables, nomorSurat: number ?? '', tanggalSurat: tanggal };
      const docx = await asIncident(fillTemplate(files, templateName, data, options.limits ?? DEFAULT_RENDER_LIMITS));
      if (docx.length > options.maxDocumentBytes) throw new Error(`document-render: the filled letter is ${docx.length} bytes, above the document limit ${options.maxDocumentBytes}`);
      const doc = await storeCaseDocument(trx, { tenant: job.tenant, instanceId: job.instanceId, name: `${baseName}.docx`, mediaType: DOCX, bytes: docx, by: RENDERER, at: now, field });
      const row: LetterRow = {
        tenant_id: job.tenant, instance_id: job.instanceId, job_key: job.key, register: numbering?.register ?? null, number,
        template_id: template.id, document_id: doc.id, pdf_document_id: null, created_at: now,
      };
      await insertLetter(trx, row);
      return row;
    });
  }

  async function addPdf(job: Job, letter: LetterRow, field: string, now: Date): Promise<LetterRow> {
    const doc = await findDocument(knex, job.tenant, letter.document_id);
    if (!doc) throw new Error(`document-render: the letter ${letter.document_id} is gone`);
    const pdf = await convertToPdf(await documentBytes(knex, doc), options.soffice!);
    return knex.transaction(async (trx) => {
      const again = await trx('letter').where({ instance_id: job.instanceId, job_key: job.key }).forUpdate().first();
      if (again?.pdf_document_id) return again as LetterRow;
      const stored = await storeCaseDocument(trx, { tenant: job.tenant, instanceId: job.instanceId, name: doc.name.replace(/\.docx$/i, '.pdf'), mediaType: 'application/pdf', bytes: pdf, by: RENDERER, at: now, field });
      await setLetterPdf(trx, job.instanceId, job.key, stored.id);
      return { ...letter, pdf_document_id: stored.id };
    });
  }
}

/** A template that cannot be filled fails the same way every time: an incident at once, naming the tag. */
async function asIncident<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    // The incident reads in its reader's language (incident.template): the first problem's catalog key and numbers travel as params.
    if (err instanceof TemplateProblem) throw new JobIncident(`document-render: ${err.message}`, templateParams(err));
    throw err;
  }
}

/** A template's problem as an incident's params (engine/messages/incident-text.ts words them): the first one, which is the one that stopped the fill. */
function templateParams(err: TemplateProblem): Record<string, string | number> {
  const first = err.issues[0];
  if (!first) return { text: 'template', template: err.template, problem: 'template.other', detail: err.message };
  const raw = Object.fromEntries(Object.entries(first.text.params).filter(([, v]) => typeof v === 'string' || typeof v === 'number')) as Record<string, string | number>;
  return { ...raw, text: 'template', template: err.template, problem: first.text.key, ...(first.tag ? { tag: first.tag } : {}), ...(first.text.key === 'template.other' ? { detail: first.message } : {}) };
}

/** The register, format and fields of a numbered letter (the admin's register settings over the headers); undefined when the task numbers nothing. */
function numberingOf(h: Record<string, unknown>, set: RegisterRow | undefined) {
  const register = optionalText(h, 'register');
  const formatText = set?.number_format ?? optionalText(h, 'numberFormat');
  if (!register && !formatText) return undefined;
  if (!register || !formatText) throw new JobIncident('document-render: a numbered letter needs both task headers register and numberFormat');
  if (!REGISTER_KEY.test(register)) throw new JobIncident(`document-render: register ${register} must be a name of letters, digits, dots, dashes (at most 63)`);
  const parsed = parseNumberFormat(formatText, { fields: LETTER_FIELDS });
  if (!parsed.ok) throw new JobIncident(`document-render: numberFormat ${formatText}: ${parsed.problems.join('; ')}`);
  const fields: Record<string, string> = {};
  for (const name of LETTER_FIELDS) {
    const value = set?.[name] ?? optionalText(h, name);
    if (value !== undefined) fields[name] = value;
  }
  for (const part of parsed.format.parts) {
    if (part.kind === 'field' && !fields[part.name]) throw new JobIncident(`document-render: numberFormat uses {${part.name}} but the task has no ${part.name} header`);
  }
  return { register, format: parsed.format, fields };
}

/** "7 Desember 2026": the date in `zone` as an Indonesian letter writes it. */
export function localDate(at: Date, zone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(at);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return `${get('day')} ${MONTHS[get('month') - 1]} ${get('year')}`;
}

/** A file name from a header: no folders, no control characters, at most 120 characters. */
function safeBase(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\<>:"|?*]/g, '_').replace(/^[.\s]+/, '').trim().slice(0, 120);
  return cleaned || 'surat';
}
