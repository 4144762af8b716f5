// Packs designer/lint/.bpmnlintrc into a browser module the way `bpmnlint-loader` does: bpmnlint's
// compile-config resolves the extended configs at build time and emits `import` statements for
// every enabled rule, which esbuild then bundles. The local plugin folder stands in for an
// installed `bpmnlint-plugin-alur` package; nothing here runs in the browser.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const requireFromRoot = createRequire(path.join(here, '..', '..', 'package.json'));
const compileConfig = requireFromRoot('bpmnlint/lib/support/compile-config');
const NodeResolver = requireFromRoot('bpmnlint/lib/resolver/node-resolver');

export const pluginDir = path.join(here, 'bpmnlint-plugin-alur');

/** A require that knows the local plugin by its package name and everything else from the repo root. */
function pluginAwareRequire() {
  const mapped = (id) => (id === 'bpmnlint-plugin-alur' || id.startsWith('bpmnlint-plugin-alur/') ? id.replace('bpmnlint-plugin-alur', pluginDir) : id);
  const require = (id) => requireFromRoot(mapped(id));
  require.resolve = (id) => requireFromRoot.resolve(mapped(id));
  return require;
}

/** The packed configuration as ES module source; its imports resolve from designer/lint/. */
export async function packLintConfig() {
  const config = JSON.parse(readFileSync(path.join(here, '.bpmnlintrc'), 'utf8'));
  return compileConfig(config, new NodeResolver({ require: pluginAwareRequire() }));
}
