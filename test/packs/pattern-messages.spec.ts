/**
 * Semarang's pack: every field with a pattern carries its own message in Indonesian with an example
 * (form-js `patternErrorMessage`), so a front-desk officer never reads only "Formatnya belum
 * sesuai." — or a regular expression — without knowing what to type.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const FORMS = join('processes', 'semarang', 'forms');

interface Component { key?: string; validate?: { pattern?: string; patternErrorMessage?: string }; components?: Component[] }

function patternFields(components: Component[] = []): Component[] {
  return components.flatMap((c) => [...(c.validate?.pattern ? [c] : []), ...patternFields(c.components)]);
}

describe('Semarang pack: pattern fields explain themselves', () => {
  it('given every form of the pack, then each pattern field has an Indonesian message with an example', () => {
    const found = readdirSync(FORMS).filter((f) => f.endsWith('.form')).flatMap((file) =>
      patternFields((JSON.parse(readFileSync(join(FORMS, file), 'utf8')) as { components: Component[] }).components).map((c) => ({ file, key: c.key, message: c.validate?.patternErrorMessage ?? '' })));
    expect(found.map((f) => f.key)).to.include.members(['nomorPermohonan', 'nip', 'kodeKlasifikasi']);
    expect(found.filter((f) => !/contoh: \S/i.test(f.message)), 'pattern fields without a message that gives an example').to.deep.equal([]);
  });
});
