/**
 * .docx → PDF with LibreOffice (`soffice --headless --convert-to pdf`), when the operator has it
 * (Debian `libreoffice-writer-nogui`; ALUR_SOFFICE names the program, `off` turns it off). Each
 * conversion gets its own temporary folder with its own LibreOffice profile (two conversions at
 * once would otherwise fight over one), runs at most `timeoutMs` (then its process group is
 * killed), and the folder is removed whatever happened. One conversion at a time per process:
 * LibreOffice is heavy, and letters are not urgent to the millisecond.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SofficeOptions {
  /** The program (a path, or a name found on PATH). */
  program: string;
  timeoutMs: number;
  /** Largest PDF accepted back. */
  maxBytes: number;
}

let queue: Promise<unknown> = Promise.resolve();

export function convertToPdf(docx: Buffer, options: SofficeOptions): Promise<Buffer> {
  const turn = queue.then(() => convert(docx, options));
  queue = turn.catch(() => undefined);
  return turn;
}

async function convert(docx: Buffer, options: SofficeOptions): Promise<Buffer> {
  const dir = await mkdtemp(join(tmpdir(), 'alur-soffice-'));
  try {
    const input = join(dir, 'surat.docx');
    await writeFile(input, docx);
    await run(options.program, [
      '--headless', '--norestore', '--nologo', '--nolockcheck', '--nodefault',
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
      '--convert-to', 'pdf', '--outdir', dir, input,
    ], options.timeoutMs);
    const pdf = await readFile(join(dir, 'surat.pdf')).catch(() => {
      throw new Error('LibreOffice made no PDF of the letter');
    });
    if (pdf.length > options.maxBytes) throw new Error(`the letter's PDF is ${pdf.length} bytes, above the document limit ${options.maxBytes}`);
    return pdf;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function run(program: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a timeout ends LibreOffice's helper processes too.
    const child = spawn(program, args, { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { if (stderr.length < 2000) stderr += b.toString(); });
    const timer = setTimeout(() => {
      try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ }
      reject(new Error(`LibreOffice did not convert the letter within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (err) => { clearTimeout(timer); reject(new Error(`LibreOffice could not be started (${program}): ${err.message}`)); });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`LibreOffice ended with ${signal ?? `code ${code}`}: ${stderr.trim().slice(0, 300)}`));
    });
  });
}
