/**
 * Every deploy finding is catalog text (issue 17): each rule of engine/bpmn/rules breaks on a model
 * of test/messages/bad-models.ts, and the reader refuses the broken documents there; every problem
 * carries a Text whose keys exist, whose placeholders are all given, whose Indonesian differs from
 * its English and whose English is the problem's `message`. Through the API, the same deployments
 * answer in Indonesian with Accept-Language: id and in English without it, problem by problem.
 */
import { expect } from 'chai';
import { rules } from '../../engine/bpmn/rules/index.js';
import type { Node, RuleContext } from '../../engine/bpmn/rules/util.js';
import { loadBpmn } from '../../engine/bpmn/load.js';
import { compileBpmn } from '../../engine/bpmn/compile.js';
import type { Problem } from '../../engine/bpmn/problems.js';
import { TIMER_REASONS } from '../../engine/core/timers.js';
import { catalog } from '../../engine/messages/catalog/index.js';
import { ListParam, phrase, render, Text, type Param } from '../../engine/messages/index.js';
import { forEachBackend } from '../store/backends.js';
import { openApi, makeTenant, makeUser, bearer, uname, type Api } from '../api/harness.js';
import { model, READER_MODELS, RULE_MODELS } from './bad-models.js';

/** What is wrong with a text as the catalog sees it: an unknown key, a placeholder left without a value. */
function textProblems(message: Text): string[] {
  const entry = catalog[message.key];
  if (!entry) return [`${message.key}: not in the catalog`];
  const out: string[] = [];
  for (const lang of ['id', 'en'] as const) {
    const template = entry[lang];
    if (typeof template !== 'string') continue;
    for (const [, name] of template.matchAll(/\{(\w+)\}/g)) if (message.params[name] === undefined) out.push(`${message.key} (${lang}): no value for {${name}}`);
  }
  const nested = (param: Param | undefined): string[] => {
    if (param instanceof Text) return textProblems(param);
    if (param instanceof ListParam) return param.items.flatMap(nested);
    return [];
  };
  return [...out, ...Object.values(message.params).flatMap(nested)];
}

/** Every text in `message`, its parameters' texts included. */
function textsOf(message: Text): Text[] {
  const nested = (param: Param | undefined): Text[] => {
    if (param instanceof Text) return textsOf(param);
    if (param instanceof ListParam) return param.items.flatMap(nested);
    return [];
  };
  return [message, ...Object.values(message.params).flatMap(nested)];
}

/**
 * The texts of `message` whose English has words and whose Indonesian is the same: English left in
 * an Indonesian answer. An element's kind (`element.*`) is a name and may be the same ("pool").
 */
function untranslated(message: Text): string[] {
  return textsOf(message).filter((t) => {
    const entry = catalog[t.key];
    if (!entry || t.key.startsWith('element.')) return false;
    const words = (template: typeof entry.en) => (typeof template === 'string' ? template : template({}, t.params)).replace(/\{\w+\}/g, '');
    return /[a-z]{2}/i.test(words(entry.en)) && words(entry.en) === words(entry.id);
  }).map((t) => t.key);
}

/** A problem as the reader gets it: catalog text, complete, every worded part Indonesian, its English the `message`. */
function expectCatalogText(problem: Problem, where: string): void {
  expect(problem.text, `${where}: ${problem.message}`).to.be.instanceOf(Text);
  expect(textProblems(problem.text), where).to.deep.equal([]);
  expect(untranslated(problem.text), `${where}: ${render(problem.text, 'id')}`).to.deep.equal([]);
  const id = render(problem.text, 'id');
  expect(id.charAt(0), `${where}: ${id}`).to.equal(id.charAt(0).toUpperCase());
  const inner = problem.text.key === 'bpmn.at' ? problem.text.params.message as Text : problem.text;
  expect(problem.message.endsWith(phrase(inner, 'en')), `${where}: message "${problem.message}" is not the catalog's English`).to.equal(true);
}

async function ruleFindings(xml: string): Promise<{ rule: string; problem: Problem }[]> {
  const loaded = await loadBpmn(xml);
  if (!loaded.ok) throw new Error(`not readable: ${loaded.errors.map((e) => e.message).join('; ')}`);
  const definitions = loaded.parsed.definitions;
  const processes = ((definitions.rootElements ?? []) as Node[]).filter((e) => e.$type === 'bpmn:Process' && e.isExecutable === true);
  const ctx: RuleContext = { knownProcesses: [], translate: (text) => text, processes };
  return rules.flatMap((rule) => rule.check(definitions, ctx).map((problem) => ({ rule: rule.name, problem })));
}

describe('messages: every deploy finding is catalog text in both languages', () => {
  it('has a breaking model for every rule', () => {
    expect(Object.keys(RULE_MODELS)).to.include.members(rules.map((r) => r.name));
  });

  for (const rule of rules) {
    it(`rule ${rule.name}: its findings read in Indonesian and English`, async () => {
      const found = (await ruleFindings(RULE_MODELS[rule.name] ?? model(''))).filter((f) => f.rule === rule.name);
      expect(found.length, `rule ${rule.name} finds nothing in its model`).to.be.greaterThan(0);
      for (const { problem } of found) expectCatalogText(problem, rule.name);
    });
  }

  it('every problem of a refused compile, the reader\'s included, reads in Indonesian and English', async () => {
    const models: [string, string | Uint8Array][] = [...Object.entries(RULE_MODELS), ...Object.entries(READER_MODELS)];
    let refused = 0;
    for (const [name, xml] of models) {
      const result = await compileBpmn(xml);
      if (result.ok) continue;
      refused++;
      for (const problem of result.errors) expectCatalogText(problem, name);
    }
    expect(refused).to.be.greaterThan(Object.keys(READER_MODELS).length);
    const large = await compileBpmn(RULE_MODELS.reachability, { maxBytes: 100 });
    if (large.ok) expect.fail('a document over the size limit was compiled');
    else expectCatalogText(large.errors[0], 'size limit');
  });

  it('the catalog\'s English of a timer reason is the core\'s, word for word', () => {
    for (const [code, english] of Object.entries(TIMER_REASONS)) {
      expect(catalog[`timer-value.${code}`]?.en, code).to.equal(english);
    }
  });
});

/** The kinds of element in either language, longest first. */
const KINDS = Object.entries(catalog).filter(([key]) => key.startsWith('element.')).flatMap(([, e]) => [String(e.id), String(e.en)]).sort((a, b) => b.length - a.length);

/** A problem's words after its file and its element's kind, which differ by language even when the rest is English. */
function withoutKind(message: string): string {
  const rest = message.replace(/^[\w-]+\.bpmn: /, '');
  const kind = KINDS.find((k) => rest.toLowerCase().startsWith(`${k.toLowerCase()} `));
  return kind ? rest.slice(kind.length + 1) : rest;
}

forEachBackend('api: a refused deployment\'s every problem in the language asked for', (backend) => {
  let api: Api;
  let analyst: string;
  before(async () => {
    api = await openApi(backend);
    analyst = await makeTenant(api).then((tenant) => makeUser(api, tenant, uname('ana'), ['analyst']));
  });
  after(async () => { await api.close(); });

  const startTimer = model(`<bpmn:startEvent id="Harian" name="Setiap pagi"><bpmn:timerEventDefinition><bpmn:timeCycle xsi:type="bpmn:tFormalExpression">=jadwal</bpmn:timeCycle></bpmn:timerEventDefinition></bpmn:startEvent>
    <bpmn:endEvent id="End"/><bpmn:sequenceFlow id="F1" sourceRef="Harian" targetRef="End"/>`);
  const uploads: Record<string, [string, string | Uint8Array][]> = {
    'the rules\' models and a start timer computed at deployment': [...Object.entries(RULE_MODELS), ['start-timer', startTimer]],
    'the documents the reader refuses': Object.entries(READER_MODELS),
  };

  for (const [what, files] of Object.entries(uploads)) {
    it(`given ${what}, when deployed with Accept-Language id and en, then each problem differs between the two and nothing is English in both`, async () => {
      const deploy = (lang: string) => {
        let req = api.http.post('/api/deployments').set(bearer(analyst)).set('Accept-Language', lang);
        for (const [name, xml] of files) req = req.attach('bpmn', Buffer.from(xml), `${name.replace(/\W+/g, '-')}.bpmn`);
        return req.expect(400);
      };
      const id = (await deploy('id')).body.errors as { element?: string; message: string }[];
      const en = (await deploy('en')).body.errors as { element?: string; message: string }[];
      expect(id.map((e) => e.element)).to.deep.equal(en.map((e) => e.element));
      expect(id.length).to.be.greaterThan(files.length / 2);
      const same = id.filter((e, i) => withoutKind(e.message) === withoutKind(en[i].message)).map((e) => e.message);
      expect(same, 'problems answered in one language only').to.deep.equal([]);
      if (what.includes('start timer')) expect(id.map((e) => e.message)).to.include('start-timer.bpmn: event mulai “Setiap pagi”: pewaktu timeCycle "=jadwal" tidak dapat dihitung pada saat deploy: variabel jadwal belum ada (pewaktu mulai dihitung sebelum ada berkas apa pun)');
    });
  }
});
