/**
 * What the designer's live lint says is what a deployment says. The spec bundles the lint config
 * exactly as designer/build.mjs does (same esbuild plugin: packed .bpmnlintrc, the alur plugin,
 * engine/bpmn/rules), runs it with bpmnlint over a diagram, and compares the alur rule's findings
 * with compileBpmn's errors for the same file: same elements, same messages.
 */
import { expect } from 'chai';
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  let lintConfig: { config: unknown; resolver: unknown };
  let workDir: string;

  before(async function () {
    const bundled = await build({
      stdin: { contents: "export { default } from 'alur-lint-config';", resolveDir: import.meta.dirname, loader: 'js' },
      bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', plugins: [lintPlugin],
    });
    workDir = mkdtempSync(path.join(tmpdir(), 'alur-lint-'));
    const file = path.join(workDir, 'lint-config.mjs');
    writeFileSync(file, bundled.outputFiles[0].text);
    lintConfig = (await import(pathToFileURL(file).href)).default;
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
});
