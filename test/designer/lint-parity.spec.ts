/**
 * What the designer's live lint says is what a deployment says. The spec bundles the lint config
 * exactly as designer/build.mjs does (same esbuild plugin: packed .bpmnlintrc, the alur plugin,
 * engine/bpmn/rules), runs it with bpmnlint over a diagram, and compares the alur rule's findings
 * with compileBpmn's errors for the same file: same elements, same messages. Severities match too:
 * a finding is an error in the designer exactly when the deployment refuses on it, and the
 * deployment's warnings are the designer's alur/engine-warnings (Semarang's pack as the corpus).
 */
import { expect } from 'chai';
import { build } from 'esbuild';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json' with { type: 'json' };
import { lintPlugin } from '../../designer/lint/esbuild-plugin.mjs';
import { compileBpmn } from '../../engine/bpmn/compile.js';

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

describe('designer lint = deployment rules', function () {
  this.timeout(60000);
  let lintConfig: { config: { rules: Record<string, unknown> }; resolver: unknown };
  let lintContext: { knownProcesses: string[] };
  let workDir: string;

  before(async function () {
    const bundled = await build({
      stdin: { contents: "export { default } from 'alur-lint-config'; export { lintContext } from 'bpmnlint-plugin-alur/context';", resolveDir: import.meta.dirname, loader: 'js' },
      bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', plugins: [lintPlugin],
    });
    workDir = mkdtempSync(path.join(tmpdir(), 'alur-lint-'));
    const file = path.join(workDir, 'lint-config.mjs');
    writeFileSync(file, bundled.outputFiles[0].text);
    const bundle = await import(pathToFileURL(file).href);
    lintConfig = bundle.default;
    lintContext = bundle.lintContext;
  });

  after(() => rmSync(workDir, { recursive: true, force: true }));

  async function alurFindings(xml: string): Promise<string[]> {
    const { rootElement } = await new BpmnModdle({ zeebe } as any).fromXML(xml);
    const results = await new Linter(lintConfig).lint(rootElement);
    return (results['alur/engine-rules'] ?? []).map((r: { id: string; message: string }) => `${r.id}: ${r.message}`).sort();
  }

  async function deploymentErrors(xml: string): Promise<string[]> {
    const compiled = await compileBpmn(xml);
    return compiled.ok ? [] : compiled.errors.map((e) => `${e.element}: ${e.message}`).sort();
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
        const errors = compiled.ok ? [] : compiled.errors.map((e) => `${e.element}: ${e.message}`);
        expect(findings.filter((f) => f.category === 'error').map((f) => f.line).sort(), `${files[index]}: errors`).to.deep.equal(errors.sort());
        const ruleWarnings = findings.filter((f) => f.rule === 'alur/engine-warnings').map((f) => f.line).sort();
        const deployWarnings = compiled.warnings.map((w) => `${w.element}: ${w.message}`);
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
    expect(warnings.map((f) => f.line).sort()).to.deep.equal(compiled.warnings.map((w) => `${w.element}: ${w.message}`).sort());
    expect(warnings.map((f) => f.category)).to.deep.equal(['warn', 'warn']);
  });

  it('given the config, then only the engine rules are errors: anything else deploys and is at most a warning', function () {
    const errors = Object.entries(lintConfig.config.rules).filter(([, level]) => level === 'error' || level === 2 || (Array.isArray(level) && (level[0] === 'error' || level[0] === 2)));
    expect(errors.map(([name]) => name)).to.deep.equal(['alur/engine-rules']);
  });
});
