/**
 * Every string a user reads exists in Bahasa Indonesia and English. For the apps' own strings:
 * the same keys in both languages, no empty text, the same {placeholders}. For the libraries the
 * designer embeds, the strings are learnt from their sources in node_modules — every literal
 * passed to translate() in bpmn-js, diagram-js, bpmn-js-bpmnlint, token simulation and the
 * properties panels (from their source maps, Camunda 7's provider left
 * out), every entry of bpmn-js's replace menu, and every bpmnlint rule message — and each must
 * come out of the designer's translate service in Indonesian. A library upgrade that adds a
 * string fails here until it is translated.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { uiStrings } from '../../designer/src/i18n/ui-strings.js';
import { calendarStrings } from '../../designer/src/i18n/calendar-strings.js';
import { registerStrings } from '../../designer/src/i18n/register-strings.js';
import { templateStrings } from '../../designer/src/i18n/template-strings.js';
import { id as inboxId } from '../../inbox/src/i18n/id.js';
import { en as inboxEn } from '../../inbox/src/i18n/en.js';
import { startingEn, startingId } from '../../inbox/src/i18n/starting.js';
import { headerStrings } from '../../ui-shared/header-strings.js';
import { simulationText } from '../../designer/src/i18n/simulation-id.js';
import { simulationStrings } from './simulation-strings.js';
import { formEditorText } from '../../designer/src/i18n/form-editor-id.js';
import { formEditorStrings } from './form-editor-strings.js';

const modules = path.join(import.meta.dirname, '..', '..', 'node_modules');
const memory = new Map<string, string>();
// translate-module reads the language from localStorage, as in the browser.
(globalThis as any).localStorage ??= { getItem: (k: string) => memory.get(k) ?? null, setItem: (k: string, v: string) => memory.set(k, v) };
const { translate } = await import('../../designer/src/i18n/translate-module.js');
const { modelingId } = await import('../../designer/src/i18n/bpmn-id-modeling.js');
const { panelId } = await import('../../designer/src/i18n/bpmn-id-panel.js');
const { tooltipId } = await import('../../designer/src/i18n/bpmn-id-tooltips.js');
const { libraryId } = await import('../../designer/src/i18n/bpmn-id-library.js');

/** Strings that are the same in both languages. */
const sameInBoth = new Set(['BPMN', '{eventType}: {type}', 'FEEL', 'ID', 'Gateway', 'Timer',
  // punctuation between a tooltip's code examples: "(e.g. <code>a</code>, <code>b</code>). "
  ', ', '). ']);

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
}

function checkPair(name: string, idStrings: Record<string, string>, enStrings: Record<string, string>): void {
  expect(Object.keys(idStrings).sort(), `${name}: keys`).to.deep.equal(Object.keys(enStrings).sort());
  for (const key of Object.keys(idStrings)) {
    expect(idStrings[key].trim(), `${name} id ${key}`).to.not.equal('');
    expect(enStrings[key].trim(), `${name} en ${key}`).to.not.equal('');
    expect(placeholders(idStrings[key]), `${name} placeholders of ${key}`).to.deep.equal(placeholders(enStrings[key]));
  }
}

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

/** String literals passed to translate(...) in a source text, comments removed first. */
function translateLiterals(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/(?<!['"])translate\(\s*'((?:[^'\\]|\\.)+)'/g)].map((m) => m[1]);
}

function fromSourceMap(file: string, skip: RegExp): string[] {
  const map = JSON.parse(readFileSync(path.join(modules, file), 'utf8')) as { sources: string[]; sourcesContent: string[] };
  return map.sources.flatMap((source, i) => (skip.test(source) ? [] : translateLiterals(map.sourcesContent[i] ?? '')));
}

function libraryStrings(): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  const add = (library: string, keys: string[]) => keys.forEach((k) => (found.get(library) ?? found.set(library, new Set()).get(library)!).add(k));
  for (const lib of ['bpmn-js/lib', 'diagram-js/lib', 'bpmn-js-token-simulation/lib']) {
    for (const file of jsFiles(path.join(modules, lib))) add(lib, translateLiterals(readFileSync(file, 'utf8')));
  }
  add('bpmn-js-bpmnlint', translateLiterals(readFileSync(path.join(modules, 'bpmn-js-bpmnlint/dist/index.esm.js'), 'utf8')));
  add('bpmn-js-properties-panel', fromSourceMap('bpmn-js-properties-panel/dist/index.esm.js.map', /camunda-platform/));
  add('@bpmn-io/properties-panel', fromSourceMap('@bpmn-io/properties-panel/dist/index.esm.js.map', /^$/));
  // "Align elements " + each side (AlignElementsMenuProvider's ALIGNMENT_OPTIONS).
  const align = readFileSync(path.join(modules, 'bpmn-js/lib/features/align-elements/AlignElementsMenuProvider.js'), 'utf8');
  const sides = /ALIGNMENT_OPTIONS = \[([^\]]+)\]/.exec(align)![1].match(/'(\w+)'/g)!.map((s) => s.slice(1, -1));
  add('bpmn-js/lib', sides.map((side) => `Align elements ${side}`));
  found.get('bpmn-js/lib')!.delete('Align elements ');
  // bpmnlint rule messages: literal ones, and those built from a type (Process / Sub process).
  const rules = path.join(modules, 'bpmnlint/rules');
  for (const file of readdirSync(rules)) {
    const source = readFileSync(path.join(rules, file), 'utf8');
    add('bpmnlint', [...source.matchAll(/report\([^,]+,\s*'([^']+)'/g)].map((m) => m[1]).filter((m) => !m.endsWith('<')));
    for (const m of source.matchAll(/report\([^,]+,\s*type \+ '([^']+)'/g)) add('bpmnlint', ['Process', 'Sub process'].map((type) => type + m[1]));
  }
  add('bpmnlint', ['Element type <bpmn:ComplexGateway> is discouraged', 'Link catch event with link name <A> missing in scope',
    'Duplicate link catch event with link name <A> in scope', 'Element has a non-standard size; expected 100x80']);
  return found;
}

describe('translations: Indonesian and English for every string a user reads', () => {
  it('given the designer\'s own strings, then both languages have the same keys, no empty text and the same placeholders', () => {
    checkPair('designer', uiStrings.id, uiStrings.en);
    checkPair('designer calendar', calendarStrings.id, calendarStrings.en);
    checkPair('designer registers', registerStrings.id, registerStrings.en);
    checkPair('designer templates', templateStrings.id, templateStrings.en);
  });

  it('given the inbox\'s own strings, then both languages have the same keys, no empty text and the same placeholders', () => {
    checkPair('inbox', inboxId, inboxEn);
    checkPair('inbox starting', startingId, startingEn);
  });

  it('given the header both apps share, then both languages have the same keys, no empty text and the same placeholders', () => {
    checkPair('shared header', headerStrings.id, headerStrings.en);
  });

  it('given every string the embedded libraries pass to translate, when the designer is Indonesian, then each comes out translated', async () => {
    localStorage.setItem('alur.lang', 'id');
    const { PopupEntries } = await import(pathToFileURL(path.join(modules, 'bpmn-js/lib/features/popup-menu/PopupEntries.js')).href);
    const found = libraryStrings();
    found.set('bpmn-js replace menu', new Set(Object.values(PopupEntries as Record<string, { label: string }>).map((e) => e.label)));
    const missing: string[] = [];
    let total = 0;
    for (const [library, keys] of found) {
      for (const key of keys) {
        total++;
        if (translate(key) === key && !sameInBoth.has(key)) missing.push(`${library}: ${key}`);
      }
    }
    expect(total, 'strings found in the libraries').to.be.greaterThan(250);
    expect(missing).to.deep.equal([]);
  });

  it('given the designer\'s Indonesian dictionaries for the libraries, then no entry is left in English (its text the same as its key)', () => {
    // "terbaru | deployment" in a binding's options passed the check above: 'deployment' was "translated" to itself.
    const leftovers = Object.entries({ modelingId, panelId, tooltipId, libraryId }).flatMap(([name, dictionary]) =>
      Object.entries(dictionary as Record<string, string>).filter(([english, text]) => english === text && !sameInBoth.has(english)).map(([english]) => `${name}: ${english}`));
    expect(leftovers).to.deep.equal([]);
    localStorage.setItem('alur.lang', 'id');
    // The binding options bpmn-js-properties-panel offers (latest, deployment, version tag), each in Indonesian.
    expect(['latest', 'deployment', 'version tag'].map((option) => translate(option))).to.deep.equal(['Versi terbaru', 'Versi yang di-deploy bersama diagram ini', 'Versi menurut tag']);
  });

  it('given every text token simulation writes as fixed English HTML (buttons, log, notifications), then the designer has its Indonesian', () => {
    const found = simulationStrings(path.join(modules, 'bpmn-js-token-simulation/lib'));
    expect(found.length, 'strings found in token simulation').to.be.greaterThan(40);
    expect(found, 'its speed buttons and log are among them').to.include.members(['Set animation speed = Slow', 'No Entries', 'Simulation Log', 'Focus process instance P1', 'User Task']);
    expect(found.filter((text) => simulationText(text) === undefined)).to.deep.equal([]);
  });

  it('given every text the form-js editor writes in its palette and panel (labels, tooltips, validation), then the designer has its Indonesian', () => {
    const found = formEditorStrings(path.join(modules, '@bpmn-io/form-js-editor/dist/index.es.js'));
    expect(found.length, 'strings found in the form editor').to.be.greaterThan(150);
    expect(found, 'the options groups\' words are among them').to.include.members(['Static options', 'Options source', 'Label', 'Value']);
    expect(found.filter((text) => formEditorText(text) === undefined)).to.deep.equal([]);
  });

  it('given English chosen, then the libraries\' strings stay English with placeholders filled', () => {
    localStorage.setItem('alur.lang', 'en');
    expect(translate('Open {element}', { element: 'Verifikasi' })).to.equal('Open Verifikasi');
    expect(translate('Sub process is missing end event')).to.equal('Sub process is missing end event');
    localStorage.setItem('alur.lang', 'id');
    expect(translate('Open {element}', { element: 'Verifikasi' })).to.equal('Buka Verifikasi');
  });
});
