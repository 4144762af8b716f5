/**
 * Filling a `.docx` template (docxtemplater + pizzip) without letting a hostile one hurt the
 * server. A docx is a zip: it is opened with the pack reader's checks (engine/packs/read-zip.ts:
 * entry count, sizes and compression ratios from the central directory, every entry read with a
 * byte cap because headers may lie) before a byte is inflated into PizZip, so a zip bomb is
 * refused. The filling runs in a worker thread (render-worker.mjs) with a heap limit and a time
 * limit; its parser counts the tags it evaluates and refuses a loop over too many items, so a
 * huge or nested loop is stopped with a message naming the tag. Template errors (an unclosed tag,
 * an unknown one) come back as TemplateProblem, naming each tag.
 */
import { Worker } from 'node:worker_threads';
import { readPackZip } from '../packs/read-zip.js';
import { PackError } from '../packs/problems.js';
import { limitsWith } from '../packs/limits.js';
import { render, text, type MessageKey, type Text } from '../messages/index.js';

export interface RenderLimits {
  /** Wall time one compile or fill may take in its worker. */
  timeoutMs: number;
  /** Heap of the worker. */
  memoryMb: number;
  /** Tag evaluations one fill may make (loops included). */
  maxTags: number;
  /** Items one loop may repeat over. */
  maxLoopItems: number;
}

export const DEFAULT_RENDER_LIMITS: RenderLimits = { timeoutMs: 20_000, memoryMb: 256, maxTags: 50_000, maxLoopItems: 2_000 };

/** What a template's zip may hold: a letter is small; anything past this is refused before inflating. */
export const TEMPLATE_ZIP_LIMITS = limitsWith({ maxZipBytes: 10 * 1024 * 1024, maxEntries: 500, maxEntryBytes: 20 * 1024 * 1024, maxTotalBytes: 40 * 1024 * 1024, maxCompressionRatio: 200 });

/** `message` is the English (logs); `text` the same as catalog text (catalog/templates.ts), for the reader's language. */
export interface TemplateIssue { tag: string | null; message: string; text: Text }

/** An issue of Alur's own (a limit, not a Word document), worded by the catalog. */
function issue(tag: string | null, words: Text): TemplateIssue {
  return { tag, message: render(words, 'en'), text: words };
}

/** The worker's issue as catalog text: its code's text, or docxtemplater's own words where Alur has none. */
function fromWorker(raw: { tag: string | null; message: string; code?: string; params?: Record<string, string | number> }): TemplateIssue {
  const words = raw.code ? text(`template.${raw.code}` as MessageKey, raw.params ?? {}) : text('template.other', { detail: raw.message });
  return { tag: raw.tag, message: raw.message, text: words };
}

/** The issue as it reads after the template's name: `{tag}: problem` when it names a tag. */
export function issueText(i: TemplateIssue): Text {
  return i.tag ? text('template.at-tag', { tag: `{${i.tag}}`, problem: i.text }) : i.text;
}

/** A template that cannot be used, with each problem (naming its tag where there is one). */
export class TemplateProblem extends Error {
  constructor(readonly template: string, readonly issues: TemplateIssue[]) {
    super(`template ${template}: ${issues.map((i) => (i.tag ? `{${i.tag}}: ${i.message}` : i.message)).join('; ')}`);
    this.name = 'TemplateProblem';
  }
}

/** The entries of a .docx, refused (TemplateProblem) when the zip is hostile or not a Word document. */
export async function openTemplate(bytes: Buffer, name: string): Promise<Map<string, Buffer>> {
  let files: Map<string, Buffer>;
  try {
    files = (await readPackZip(bytes, name, TEMPLATE_ZIP_LIMITS)).files;
  } catch (err) {
    if (err instanceof PackError) throw new TemplateProblem(name, err.problems.map((p) => ({ tag: null, message: p.message, text: p.text ?? text('template.other', { detail: p.message }) })));
    throw err;
  }
  if (!files.has('word/document.xml')) throw new TemplateProblem(name, [issue(null, text('template.not-word'))]);
  return files;
}

/** Compiles the template (deployment's check): TemplateProblem naming each bad tag. */
export async function checkTemplate(files: Map<string, Buffer>, name: string, limits: RenderLimits = DEFAULT_RENDER_LIMITS): Promise<void> {
  await run(files, name, 'compile', null, limits);
}

/** The template filled with `data`, as .docx bytes. */
export async function fillTemplate(files: Map<string, Buffer>, name: string, data: Record<string, unknown>, limits: RenderLimits = DEFAULT_RENDER_LIMITS): Promise<Buffer> {
  return (await run(files, name, 'render', data, limits))!;
}

const WORKER_URL = new URL('./render-worker.mjs', import.meta.url);

function run(files: Map<string, Buffer>, name: string, mode: 'compile' | 'render', data: unknown, limits: RenderLimits): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      // Plain JavaScript: it must not inherit tsx or other loaders of the parent.
      execArgv: [],
      workerData: { files: [...files].map(([n, b]) => [n, new Uint8Array(b.buffer, b.byteOffset, b.byteLength)]), data, mode, limits: { maxTags: limits.maxTags, maxLoopItems: limits.maxLoopItems } },
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    });
    let settled = false;
    const finish = (f: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      f();
    };
    const timer = setTimeout(() => finish(() => reject(new TemplateProblem(name, [issue(null, text('template.fill-timeout', { ms: limits.timeoutMs }))]))), limits.timeoutMs);
    worker.on('message', (msg: { ok: boolean; docx?: Uint8Array; errors?: Parameters<typeof fromWorker>[0][] }) => finish(() => {
      if (msg.ok) resolve(msg.docx ? Buffer.from(msg.docx.buffer, msg.docx.byteOffset, msg.docx.byteLength) : undefined);
      else reject(new TemplateProblem(name, (msg.errors ?? []).map(fromWorker)));
    }));
    worker.on('error', (err) => finish(() => reject((err as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
      ? new TemplateProblem(name, [issue(null, text('template.fill-memory', { mb: limits.memoryMb }))])
      : err)));
    worker.on('exit', (code) => finish(() => reject(new Error(`template worker ended (${code}) without an answer`))));
  });
}
