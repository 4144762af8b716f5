/** Fixture loading for the BPMN specs: fixtures sit beside the specs in this folder. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(here, name)));
}

export function fixtureText(name: string): string {
  return readFileSync(join(here, name), 'utf8');
}
