/**
 * The designer's live lint speaks the server's catalog (engine/messages/catalog), not a second
 * translation: every catalog text the engine's deploy-time rules (engine/bpmn/**) can report comes
 * out of the designer's lint (run-engine-rules.js findingText, bundled as the browser runs it) in
 * Indonesian, exactly as the server renders it. The keys are read from the rules' sources, so a
 * message a rule starts reporting from the catalog is covered without touching this spec.
 */
import { expect } from 'chai';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { catalog, type MessageKey } from '../../engine/messages/catalog/index.js';
import { render, text } from '../../engine/messages/index.js';
import { bundleLint, type LintBundle } from './lint-bundle.js';

const engineBpmn = path.join(import.meta.dirname, '..', '..', 'engine', 'bpmn');

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    return statSync(file).isDirectory() ? tsFiles(file) : file.endsWith('.ts') ? [file] : [];
  });
}

/** Every catalog key named in a string literal in engine/bpmn, plus each element kind (`element.${type}`, built at run time). */
function reportableKeys(): MessageKey[] {
  const named = new Set<string>();
  for (const file of tsFiles(engineBpmn)) {
    for (const [, key] of readFileSync(file, 'utf8').matchAll(/'([a-z][\w-]*\.[\w.-]+)'/g)) if (key in catalog) named.add(key);
  }
  for (const key of Object.keys(catalog)) if (key.startsWith('element.')) named.add(key);
  return [...named].sort() as MessageKey[];
}

/** Words that read the same in both languages (a BPMN term, a name in the XML). */
const SAME_IN_BOTH = new Set(['bpmn.at', 'bpmn.flow-ends', 'bpmn.unnamed-element', 'element.participant', 'element.callActivity', 'element.globalTask']);

/** A value for each {placeholder} of a template, so the rendered text can be compared whole. */
function sampleParams(key: MessageKey): Record<string, string> {
  const entry = catalog[key];
  const names = new Set<string>();
  for (const template of [entry.en, entry.id]) if (typeof template === 'string') for (const [, name] of template.matchAll(/\{(\w+)\}/g)) names.add(name);
  // Function templates (plurals) take numbers; "2" suits a count and a name alike.
  if (typeof entry.en === 'function') for (const name of ['count', 'value', 'name', 'kinds', 'type', 'activity']) names.add(name);
  return Object.fromEntries([...names].map((name) => [name, '2']));
}

describe('designer/engine messages: the live lint writes the server catalog in Indonesian', function () {
  this.timeout(60000);
  let bundle: LintBundle;
  before(async () => { bundle = await bundleLint(); });
  after(() => bundle.done());

  it('given every catalog text the engine rules can report, then the designer shows it as the server renders it, in Indonesian with a capital', function () {
    const keys = reportableKeys();
    // The rules report far more than a handful of constructs; a broken scan must not pass quietly.
    expect(keys.length).to.be.greaterThan(100);
    for (const key of keys) {
      const params = sampleParams(key);
      const finding = { element: 'Periksa', message: 'userTask Periksa: …', text: text('bpmn.at', { type: 'tugas pengguna', name: '“Periksa”', message: text(key, params) }) };
      const shown = bundle.findingText(finding, 'id');
      expect(shown, key).to.equal(render(text(key, params), 'id'));
      if (!SAME_IN_BOTH.has(key)) expect(shown, `${key} is still English`).to.not.equal(render(text(key, params), 'en'));
      if (!catalog[key].verbatim) expect(shown.charAt(0), key).to.equal(shown.charAt(0).toUpperCase());
      expect(bundle.findingText(finding, 'en'), key).to.equal(render(text(key, params), 'en'));
    }
  });

  it('given a model with each construct Alur refuses, when compiled, then every refusal names its element and the designer shows it in Indonesian', async () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="D" targetNamespace="http://alur.go.id/test">
  <bpmn:globalTask id="Global"/>
  <bpmn:process id="p" isExecutable="true">
    <bpmn:startEvent id="s"/>
    <bpmn:intermediateCatchEvent id="Tunggu"><bpmn:conditionalEventDefinition><bpmn:condition xsi:type="bpmn:tFormalExpression">=lengkap</bpmn:condition></bpmn:conditionalEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:manualTask id="Periksa" startQuantity="2" completionQuantity="3"/>
    <bpmn:intermediateCatchEvent id="Ulang"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">R3/PT1H</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
    <bpmn:complexGateway id="Kompleks"/>
    <bpmn:endEvent id="e"/>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="Tunggu"/><bpmn:sequenceFlow id="f2" sourceRef="Tunggu" targetRef="Periksa"/>
    <bpmn:sequenceFlow id="f3" sourceRef="Periksa" targetRef="Ulang"/><bpmn:sequenceFlow id="f4" sourceRef="Ulang" targetRef="Kompleks"/>
    <bpmn:sequenceFlow id="f5" sourceRef="Kompleks" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
    const result = await compileBpmn(xml);
    if (result.ok) throw new Error('expected the model to be refused');
    expect(result.errors.map((e) => e.element).sort()).to.include.members(['Global', 'Kompleks', 'Periksa', 'Tunggu', 'Ulang']);
    const refusals = result.errors.filter((e) => / not supported/.test(e.message));
    expect(refusals.map((e) => e.element).sort()).to.deep.equal(['Global', 'Kompleks', 'Periksa', 'Periksa', 'Tunggu', 'Ulang']);
    for (const error of refusals) {
      expect(error.text, error.message).to.not.equal(undefined);
      expect(bundle.findingText(error, 'id'), error.message).to.match(/^[A-Z].*tidak didukung/);
    }
  });
});
