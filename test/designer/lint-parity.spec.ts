/**
 * What the designer's live lint says is what a deployment says. The spec bundles the lint config
 * exactly as designer/build.mjs does (same esbuild plugin: packed .bpmnlintrc, the alur plugin,
 * engine/bpmn/rules), runs it with bpmnlint over a diagram, and compares the alur rule's findings
 * with compileBpmn's errors for the same file: same elements, same messages. Severities match too:
 * a finding is an error in the designer exactly when the deployment refuses on it, and the
 * deployment's warnings are the designer's alur/engine-warnings (Semarang's pack as the corpus).
 */
import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { compileBpmn } from '../../engine/bpmn/compile.js';
import { render, type Text } from '../../engine/messages/index.js';
import { bundleLint, type LintBundle } from './lint-bundle.js';

const { Linter } = createRequire(import.meta.url)('bpmnlint');
const fixture = path.join(import.meta.dirname, '..', 'browser', 'fixtures', 'camunda-modeler-sku.bpmn');
const semarangDir = path.join(import.meta.dirname, '..', '..', 'processes', 'semarang', 'bpmn');

/** A start → user task → exclusive gateway → two ends process; `conditions` go on the gateway's flows. */
function splitDiagram(conditions: [string?, string?]): string {
  const flow = (id: string, target: string, condition?: string) =>
    `<bpmn:sequenceFlow id="${id}" sourceRef="Gateway_1" targetRef="${target}">${condition ? `<bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${condition}</bpmn:conditionExpression>` : ''}</bpmn:sequenceFlow>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" xmlns:di="http://www.omg.org/spec/DD/20100524/DI" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="izin" name="Izin" isExecutable="true">
    <bpmn:startEvent id="Start" name="Mulai" />
    <bpmn:userTask id="Verifikasi" name="Verifikasi"><bpmn:extensionElements><zeebe:assignmentDefinition candidateGroups="verifikator" /></bpmn:extensionElements></bpmn:userTask>
    <bpmn:exclusiveGateway id="Gateway_1" name="Lengkap?" />
    <bpmn:endEvent id="Setuju" name="Setuju" />
    <bpmn:endEvent id="Tolak" name="Tolak" />
    <bpmn:sequenceFlow id="Flow_a" sourceRef="Start" targetRef="Verifikasi" />
    <bpmn:sequenceFlow id="Flow_b" sourceRef="Verifikasi" targetRef="Gateway_1" />
    ${flow('Flow_setuju', 'Setuju', conditions[0])}
    ${flow('Flow_tolak', 'Tolak', conditions[1])}
  </bpmn:process>
</bpmn:definitions>`;
}

/**
 * A deployment's finding as the designer shows it beside its element: the catalog text the server
 * writes in the reader's language (here Indonesian, the designer's default) after "Tugas pengguna
 * “Periksa”:", or the rule's English message where it has no catalog text yet.
 */
function shownByServer(e: { element?: string; message: string; text?: Text }): string {
  if (!e.text) return `${e.element}: ${e.message}`;
  const inner = e.text.key === 'bpmn.at' ? (e.text.params.message as Text) : e.text;
  const whole = render(e.text, 'id');
  const found = render(inner, 'id');
  // The server's own sentence ends with the same text (lower-case inside it).
  expect(whole.toLowerCase().endsWith(found.toLowerCase()), whole).to.equal(true);
  return `${e.element}: ${found}`;
}

/** A warning without its catalog text (compileBpmn keeps only the English): compared by its words after the element. */
const wording = (line: string) => line.replace(/^(\S+: )(?:[a-zA-Z]+ [^\s:]+: )?(.)/, (_all, at: string, first: string) => at + first.toLowerCase());

describe('designer lint = deployment rules', function () {
  this.timeout(60000);
  let bundle: LintBundle;
  let lintConfig: LintBundle['lintConfig'];
  let lintContext: LintBundle['lintContext'];

  before(async function () {
    bundle = await bundleLint();
    lintConfig = bundle.lintConfig;
    lintContext = bundle.lintContext;
  });

  after(() => bundle.done());

  async function alurFindings(xml: string): Promise<string[]> {
    const { rootElement } = await new BpmnModdle({ zeebe } as any).fromXML(xml);
    const results = await new Linter(lintConfig).lint(rootElement);
    return (results['alur/engine-rules'] ?? []).map((r: { id: string; message: string }) => `${r.id}: ${r.message}`).sort();
  }

  async function deploymentErrors(xml: string): Promise<string[]> {
    const compiled = await compileBpmn(xml);
    return compiled.ok ? [] : compiled.errors.map(shownByServer).sort();
  }

  it('given a split without conditions, when linted and compiled, then both name the same flows with the same messages', async function () {
    const xml = splitDiagram([undefined, undefined]);
    const lint = await alurFindings(xml);
    expect(lint.some((line) => line.startsWith('Flow_setuju:'))).to.equal(true);
    expect(lint.some((line) => line.startsWith('Flow_tolak:'))).to.equal(true);
    expect(lint).to.deep.equal(await deploymentErrors(xml));
  });

  it('given a condition with broken FEEL, when linted and compiled, then both refuse that flow alike', async function () {
    const xml = splitDiagram(['=lengkap = ', '=not(lengkap)']);
    const lint = await alurFindings(xml);
    expect(lint.some((line) => line.startsWith('Flow_setuju:'))).to.equal(true);
    expect(lint).to.deep.equal(await deploymentErrors(xml));
  });

  it('given valid conditions or a Camunda Modeler file, when linted and compiled, then neither finds anything', async function () {
    for (const xml of [splitDiagram(['=lengkap = true', '=lengkap = false']), readFileSync(fixture, 'utf8')]) {
      expect(await alurFindings(xml)).to.deep.equal([]);
      expect(await deploymentErrors(xml)).to.deep.equal([]);
    }
  });

  /** Every finding of every rule of the designer's config, as `category rule element: message`. */
  async function allFindings(xml: string): Promise<{ category: string; rule: string; line: string }[]> {
    const { rootElement } = await new BpmnModdle({ zeebe } as any).fromXML(xml);
    const results: Record<string, { id: string; message: string; category: string }[]> = await new Linter(lintConfig).lint(rootElement);
    return Object.entries(results).flatMap(([rule, list]) => list.map((r) => ({ category: r.category, rule, line: `${r.id}: ${r.message}` })));
  }

  it("given Semarang's pack, when linted and compiled, then the designer's errors are the deployment's errors and its engine warnings the deployment's warnings", async function () {
    const files = readdirSync(semarangDir).filter((name) => name.endsWith('.bpmn'));
    const xmls = files.map((name) => readFileSync(path.join(semarangDir, name), 'utf8'));
    const knownProcesses = xmls.flatMap((xml) => [...xml.matchAll(/<bpmn:process id="([^"]+)"/g)].map((m) => m[1]));
    lintContext.knownProcesses = knownProcesses;
    try {
      for (const [index, xml] of xmls.entries()) {
        const findings = await allFindings(xml);
        const compiled = await compileBpmn(xml, { knownProcesses });
        const errors = compiled.ok ? [] : compiled.errors.map(shownByServer);
        expect(findings.filter((f) => f.category === 'error').map((f) => f.line).sort(), `${files[index]}: errors`).to.deep.equal(errors.sort());
        lintContext.lang = 'en';
        const ruleWarnings = (await allFindings(xml)).filter((f) => f.rule === 'alur/engine-warnings').map((f) => wording(f.line)).sort();
        lintContext.lang = 'id';
        const deployWarnings = compiled.warnings.map((w) => wording(`${w.element}: ${w.message}`));
        expect(deployWarnings, `${files[index]}: every engine warning shown`).to.include.members(ruleWarnings);
      }
    } finally {
      lintContext.knownProcesses = [];
    }
  });

  it('given conditions on a parallel split, when linted and compiled, then it deploys with a warning and the designer shows a warning, not an error', async function () {
    const xml = splitDiagram(['=lengkap = true', '=lengkap = false']).replace('<bpmn:exclusiveGateway', '<bpmn:parallelGateway');
    const compiled = await compileBpmn(xml);
    expect(compiled.ok, 'deploys').to.equal(true);
    const findings = await allFindings(xml);
    expect(findings.filter((f) => f.category === 'error')).to.deep.equal([]);
    const warnings = findings.filter((f) => f.rule === 'alur/engine-warnings');
    expect(warnings.map((f) => f.category)).to.deep.equal(['warn', 'warn']);
    lintContext.lang = 'en';
    try {
      const english = (await allFindings(xml)).filter((f) => f.rule === 'alur/engine-warnings');
      expect(english.map((f) => wording(f.line)).sort()).to.deep.equal(compiled.warnings.map((w) => wording(`${w.element}: ${w.message}`)).sort());
    } finally {
      lintContext.lang = 'id';
    }
  });

  it('given constructs the engine rules judge, when linted, then each is listed once, by the engine rules, with the severity of the deployment', async function () {
    // A complex gateway, a gateway with one flow on each side, two blank starts, an ad-hoc
    // subprocess, an event with two definitions: bpmnlint has a rule for each too, which said the
    // same as a warning beside the engine's error. Every element is named, so label-required is quiet.
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="D" targetNamespace="http://alur.go.id/test">
  <bpmn:signal id="Sig" name="sig"/><bpmn:message id="Msg" name="msg"/>
  <bpmn:process id="p" name="Izin" isExecutable="true">
    <bpmn:startEvent id="s1" name="Mulai"/>
    <bpmn:startEvent id="s2" name="Mulai lagi"/>
    <bpmn:complexGateway id="Kompleks" name="Kompleks"/>
    <bpmn:exclusiveGateway id="Lewat" name="Lewat"/>
    <bpmn:adHocSubProcess id="Bebas" name="Bebas"><bpmn:task id="Dalam" name="Dalam"/></bpmn:adHocSubProcess>
    <bpmn:intermediateCatchEvent id="Dua" name="Dua"><bpmn:messageEventDefinition messageRef="Msg"/><bpmn:signalEventDefinition signalRef="Sig"/></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="e" name="Selesai"/>
    <bpmn:sequenceFlow id="f1" name="a" sourceRef="s1" targetRef="Kompleks"/><bpmn:sequenceFlow id="f2" name="b" sourceRef="s2" targetRef="Kompleks"/>
    <bpmn:sequenceFlow id="f3" name="c" sourceRef="Kompleks" targetRef="Lewat"/><bpmn:sequenceFlow id="f4" name="d" sourceRef="Lewat" targetRef="Bebas"/>
    <bpmn:sequenceFlow id="f5" name="e" sourceRef="Bebas" targetRef="Dua"/><bpmn:sequenceFlow id="f6" name="f" sourceRef="Dua" targetRef="e"/>
  </bpmn:process>
</bpmn:definitions>`;
    const findings = await allFindings(xml);
    // The diagram has no shapes (no-bpmndi says so): a different problem, left out.
    const byElement = (id: string) => findings.filter((f) => f.line.startsWith(`${id}: `) && f.rule !== 'no-bpmndi');
    const compiled = await compileBpmn(xml);
    const refused = new Set(compiled.ok ? [] : compiled.errors.map((e) => e.element));
    for (const id of ['p', 'Kompleks', 'Lewat', 'Bebas', 'Dua']) {
      const here = byElement(id);
      expect(here.length, `${id}: ${JSON.stringify(findings)}`).to.be.greaterThan(0);
      expect(here.filter((f) => !f.rule.startsWith('alur/')), id).to.deep.equal([]);
      const severity = refused.has(id) ? 'error' : 'warn';
      expect(here.filter((f) => f.category !== severity), id).to.deep.equal([]);
    }
    // Written from the catalog in Indonesian, with a capital: "Gateway kompleks tidak didukung; …".
    expect(byElement('Kompleks').map((f) => f.line)).to.include('Kompleks: Gateway kompleks tidak didukung; gunakan gateway inklusif');
  });

  it('given the config, then only the engine rules are errors: anything else deploys and is at most a warning', function () {
    const errors = Object.entries(lintConfig.config.rules).filter(([, level]) => level === 'error' || level === 2 || (Array.isArray(level) && (level[0] === 'error' || level[0] === 2)));
    expect(errors.map(([name]) => name)).to.deep.equal(['alur/engine-rules']);
  });
});
