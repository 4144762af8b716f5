/** Loads the Camunda Modeler `.form` files beside the form specs. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FormSchema } from '../../engine/forms/index.js';

export function loadForm(name: string): FormSchema {
  const file = fileURLToPath(new URL(`./fixtures/${name}.form`, import.meta.url));
  return JSON.parse(readFileSync(file, 'utf8')) as FormSchema;
}

/** A fixed clock: Monday 30 November 2026, 09:00 in Semarang (WIB). */
export const NOW = new Date('2026-11-30T02:00:00Z');
