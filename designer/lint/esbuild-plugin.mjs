// The esbuild plugin that puts the designer's lint rules into a bundle: `alur-lint-config` is the
// packed .bpmnlintrc, `bpmnlint-plugin-alur/…` the local plugin, `alur-engine-rules` the engine's
// own rule list (engine/bpmn/rules), `alur-engine-text` its message catalog's renderer. Used by designer/build.mjs and by the lint parity spec, so the
// spec checks exactly what the browser runs.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packLintConfig, pluginDir } from './pack-config.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const engineRules = path.join(here, '..', '..', 'engine', 'bpmn', 'rules', 'index.ts');
const engineText = path.join(here, '..', '..', 'engine', 'messages', 'text.ts');

export const lintPlugin = {
  name: 'alur-lint',
  setup(build) {
    build.onResolve({ filter: /^alur-lint-config$/ }, () => ({ path: 'alur-lint-config', namespace: 'alur-lint' }));
    build.onLoad({ filter: /.*/, namespace: 'alur-lint' }, async () => ({ contents: await packLintConfig(), resolveDir: here, loader: 'js' }));
    build.onResolve({ filter: /^bpmnlint-plugin-alur\// }, (args) => ({
      path: path.join(pluginDir, args.path.slice('bpmnlint-plugin-alur/'.length).replace(/(\.js)?$/, '.js')),
    }));
    // Without the engine's rules (a partial checkout) the plugin runs an empty list, not a broken build.
    build.onResolve({ filter: /^alur-engine-rules$/ }, () =>
      existsSync(engineRules) ? { path: engineRules } : { path: 'alur-engine-rules', namespace: 'alur-empty' });
    // The server's message catalog (engine/messages), so the live lint reads as a deployment's
    // refusal does: the same catalog text in the same language, not a second translation.
    build.onResolve({ filter: /^alur-engine-text$/ }, () =>
      existsSync(engineText) ? { path: engineText } : { path: 'alur-engine-text', namespace: 'alur-empty' });
    build.onLoad({ filter: /.*/, namespace: 'alur-empty' }, () => ({ contents: 'export const rules = []; export const render = (text) => String(text); export const text = (key) => key;', loader: 'js' }));
  },
};
