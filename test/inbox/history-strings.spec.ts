/**
 * The history texts both apps share (ui-shared/history-strings.ts): every entry type the engine
 * writes has a line in Bahasa Indonesia and in English, so neither the inbox nor Pantau ever shows
 * a raw "instance.modified". The types are read from the engine's sources — the core's
 * HistoryEntry union and the entries the task and people commands write themselves — so a new
 * type fails here until it is translated.
 */
import { expect } from 'chai';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyStrings, historyText } from '../../ui-shared/history-strings.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Every history entry type the engine's code can write. */
function engineHistoryTypes(): Set<string> {
  const types = new Set<string>();
  const core = readFileSync(join(root, 'engine/core/history.ts'), 'utf8');
  const union = /type:\s*([^;]+);/.exec(core)?.[1] ?? '';
  for (const m of union.matchAll(/'([a-z]+\.[a-zA-Z]+)'/g)) types.add(m[1]);
  const walk = (dir: string): void => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) { walk(path); continue; }
      if (!entry.name.endsWith('.ts')) continue;
      const source = readFileSync(join(root, path), 'utf8');
      // Rows a command inserts itself (`at: uow.now, type: 'task.unassigned'`) and the task commands' `history: 'task.claimed'`.
      for (const m of source.matchAll(/\bat: [\w.]+, type: '([a-z]+\.[a-zA-Z]+)'/g)) types.add(m[1]);
      for (const m of source.matchAll(/\bhistory: '([a-z]+\.[a-zA-Z]+)'/g)) types.add(m[1]);
    }
  };
  walk('engine');
  return types;
}

describe('history texts shared by the inbox and Pantau', () => {
  it('given the entry types the engine writes, then each has a text in Indonesian and in English', () => {
    const types = engineHistoryTypes();
    // The scan must reach both sources, or an empty set would pass.
    for (const known of ['instance.modified', 'instance.migrated', 'variables.changed', 'sla.missed', 'task.claimed', 'task.assigned', 'task.unassigned', 'input.ignored']) {
      expect(types.has(known), known).to.equal(true);
    }
    for (const lang of ['id', 'en'] as const) {
      const missing = [...types].filter((type) => !historyStrings[lang][type as keyof typeof historyStrings.id]?.trim());
      expect(missing, `entry types without a text in ${lang}`).to.deep.equal([]);
    }
  });

  it('given both languages, then they have the same keys and the same placeholders', () => {
    expect(Object.keys(historyStrings.en).sort()).to.deep.equal(Object.keys(historyStrings.id).sort());
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(historyStrings.id)) {
      expect(placeholders(historyStrings.en[key as keyof typeof historyStrings.en]), key).to.deep.equal(placeholders(text));
    }
  });

  it('given a task handed to someone, then the line says to whom; handed to nobody, that it went back to its group', () => {
    expect(historyText('id', 'task.assigned', { element: 'Verifikasi berkas', assignee: 'Rina Kartika' })).to.equal('Verifikasi berkas dialihkan kepada Rina Kartika');
    expect(historyText('en', 'task.assigned', { element: 'Verifikasi berkas', assignee: 'Rina Kartika' })).to.equal('Verifikasi berkas handed over to Rina Kartika');
    expect(historyText('id', 'task.assigned', { element: 'Verifikasi berkas', assignee: null })).to.equal('Verifikasi berkas dikembalikan ke grupnya');
    expect(historyText('id', 'instance.migrated', { from: 1, to: 2 })).to.equal('Berkas dipindahkan dari versi 1 ke versi 2');
    expect(historyText('id', 'no.such-type')).to.equal(null);
  });
});
