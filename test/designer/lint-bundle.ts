/**
 * The designer's lint exactly as the browser runs it: the packed .bpmnlintrc, the alur plugin and
 * engine/bpmn/rules bundled with designer/lint/esbuild-plugin.mjs (as designer/build.mjs does),
 * loaded in Node for the specs. `done` removes the temporary module.
 */
import { build } from 'esbuild';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lintPlugin } from '../../designer/lint/esbuild-plugin.mjs';

export interface LintBundle {
  lintConfig: { config: { rules: Record<string, unknown> }; resolver: unknown };
  lintContext: { knownProcesses: string[]; lang: 'id' | 'en' };
  /** What the live lint shows for an engine finding (run-engine-rules.js). */
  findingText(problem: { element?: string; message: string; text?: unknown }, lang: 'id' | 'en'): string;
  done(): void;
}

export async function bundleLint(): Promise<LintBundle> {
  const bundled = await build({
    stdin: {
      contents: "export { default } from 'alur-lint-config'; export { lintContext } from 'bpmnlint-plugin-alur/context'; export { findingText } from 'bpmnlint-plugin-alur/rules/run-engine-rules';",
      resolveDir: import.meta.dirname, loader: 'js',
    },
    bundle: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent', plugins: [lintPlugin],
  });
  const workDir = mkdtempSync(path.join(tmpdir(), 'alur-lint-'));
  const file = path.join(workDir, 'lint-config.mjs');
  writeFileSync(file, bundled.outputFiles[0].text);
  const bundle = await import(pathToFileURL(file).href);
  return { lintConfig: bundle.default, lintContext: bundle.lintContext, findingText: bundle.findingText, done: () => rmSync(workDir, { recursive: true, force: true }) };
}
