/**
 * Specs that need a Debian program (LibreOffice for a letter's PDF, poppler's pdfsig/pdftotext to
 * check one, clamd to scan uploads). `npm test` must pass on a fresh machine with only Node, and
 * CI must never leave them out: where a program is missing, under CI (CI=true) the spec fails
 * naming the package to install; elsewhere its tests are not registered and one line on stderr
 * names the package. (Not mocha's `this.skip()`: the configuration forbids pending tests.)
 */
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { findSoffice } from '../../engine/letters/index.js';

export type DebianTool = 'soffice' | 'pdfsig' | 'pdftotext' | 'clamd';

/** The Debian package that brings each program. */
export const DEBIAN_PACKAGE: Record<DebianTool, string> = {
  soffice: 'libreoffice-writer-nogui',
  pdfsig: 'poppler-utils',
  pdftotext: 'poppler-utils',
  clamd: 'clamav-daemon',
};

const executable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

/** Where the program is, or undefined. LibreOffice is looked for where the engine looks (findSoffice); clamd also in sbin, off a user's PATH. */
export function findTool(tool: DebianTool): string | undefined {
  if (tool === 'soffice') return findSoffice(undefined);
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/sbin', '/sbin'];
  return dirs.map((d) => join(d, tool)).find(executable);
}

/** Whether this run is CI's (CI set to anything but false/0), where nothing may be left out. */
export function underCi(): boolean {
  const ci = (process.env.CI ?? '').toLowerCase();
  return ci !== '' && ci !== 'false' && ci !== '0';
}

/** What to tell whoever lacks `missing`. */
export function missingMessage(missing: DebianTool[]): string {
  const packages = [...new Set(missing.map((t) => DEBIAN_PACKAGE[t]))];
  return `${missing.join(', ')} not installed (Debian: apt-get install ${packages.join(' ')})`;
}

const told = new Set<string>();

/**
 * Registers what `define` declares (its `it`s and `describe`s) where every tool is installed.
 * A tool missing under CI: one test in its place that fails saying which package to install.
 * Missing elsewhere: nothing registered, and stderr says what was left out and why.
 */
export function whereInstalled(tools: DebianTool[], title: string, define: () => void): void {
  const missing = tools.filter((t) => !findTool(t));
  if (missing.length === 0) return define();
  const message = missingMessage(missing);
  if (underCi()) {
    it(`${title}: needs ${missing.join(', ')}`, () => {
      throw new Error(`${message}; CI runs every spec, so install it on the CI machine (.ci/run does)`);
    });
    return;
  }
  if (told.has(title)) return;
  told.add(title);
  process.stderr.write(`skipped "${title}": ${message}\n`);
}
