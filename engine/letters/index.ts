/**
 * Letters (issue 15 item 4): the `document-render` connector, registered beside the built-in ones
 * by the wiring (API and worker processes alike), and where LibreOffice is (ALUR_SOFFICE).
 */
import { accessSync, constants } from 'node:fs';
import type { Knex } from 'knex';
import type { JobHandlerRegistry } from '../runner/registry.js';
import type { FeelEvaluator } from '../expressions/feel.js';
import { documentRenderConnector } from './document-render.js';

export interface LetterSetup {
  knex: Knex;
  feel?: FeelEvaluator;
  now?: () => Date;
  /** ALUR_SOFFICE (unset: the usual places; `off`: no PDFs). */
  soffice?: string;
  sofficeTimeoutMs: number;
  maxDocumentBytes: number;
  timeZone?: string;
}

export function registerLetters(registry: JobHandlerRegistry, setup: LetterSetup): void {
  const program = findSoffice(setup.soffice);
  registry.register('document-render', documentRenderConnector({
    knex: setup.knex, feel: setup.feel, now: setup.now, maxDocumentBytes: setup.maxDocumentBytes, timeZone: setup.timeZone,
    soffice: program ? { program, timeoutMs: setup.sofficeTimeoutMs, maxBytes: setup.maxDocumentBytes } : undefined,
  }));
}

/** Where Debian, a source build and the upstream packages put LibreOffice. */
const USUAL = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/opt/libreoffice/program/soffice', '/usr/lib/libreoffice/program/soffice'];

/** The LibreOffice program to run, or undefined: `off`, or not found (a name without a folder is run from PATH as it is). */
export function findSoffice(setting: string | undefined): string | undefined {
  if (setting === 'off') return undefined;
  if (setting && !setting.includes('/')) return setting;
  return (setting ? [setting] : USUAL).find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}
