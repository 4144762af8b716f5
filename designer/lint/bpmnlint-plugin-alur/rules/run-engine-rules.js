// Runs the engine's own deploy-time rules (engine/bpmn/rules, bundled in through the
// `alur-engine-rules` alias set up by designer/build.mjs) once per document and reports each
// problem of the given severity on the element it names. Shared by alur/engine-rules (errors:
// the deployment refuses) and alur/engine-warnings (warnings: it deploys and says so), so the
// designer shows each finding with the severity the deployment gives it.
// A finding with a catalog text (engine/messages/catalog/bpmn.ts) is written from that catalog in
// the reader's language, exactly as a refused deployment writes it; the element is not named in
// the text, because the canvas and the issues list show it beside the finding. Each report carries
// the finding's catalog key (problemKey, as a refused deployment's errors do), so the issues list
// shows a finding both made once, by (key, element), whatever the words.
import * as engine from 'alur-engine-rules';
import { render, text } from 'alur-engine-text';
import { problemKey } from '../../../../engine/bpmn/problems.ts';
import { lintContext } from '../context.js';

/** Where a document-level problem is shown: the first collaboration or process on the canvas. */
function documentAnchor(definitions) {
  const roots = definitions.rootElements || [];
  const anchor = roots.find((root) => root.$type === 'bpmn:Collaboration') || roots.find((root) => root.$type === 'bpmn:Process');
  return anchor ? anchor.id : definitions.id;
}

/** The same context engine/bpmn/compile.ts builds for a deployment. */
function ruleContext(definitions) {
  const processes = (definitions.rootElements || []).filter((root) => root.$type === 'bpmn:Process' && root.isExecutable === true);
  return { knownProcesses: lintContext.knownProcesses, translate: (text) => text, processes };
}

/**
 * What the designer shows for an engine finding: the catalog text in `lang` (capitalised, without
 * the "Tugas pengguna “Periksa”:" that names the element), else the rule's English message.
 */
export function findingText(problem, lang) {
  const text = problem.text;
  if (!text) return problem.message;
  return render(text.key === 'bpmn.at' && text.params && typeof text.params.message === 'object' ? text.params.message : text, lang);
}

/** A bpmnlint rule reporting the engine rules' findings of `severity` ('error' or 'warning'). */
export function engineRulesOf(severity) {
  function check(node, reporter) {
    if (node.$type !== 'bpmn:Definitions') return;
    const anchor = documentAnchor(node);
    const ctx = ruleContext(node);
    const say = (message) => findingText({ message: String(message), text: message }, lintContext.lang);
    if (severity === 'error' && ctx.processes.length === 0) reporter.report(anchor, say(text('bpmn.no-executable-process')));
    for (const rule of engine.rules || []) {
      if ((rule.severity || 'error') !== severity) continue;
      let problems;
      try {
        problems = rule.check(node, ctx);
      } catch (error) {
        if (severity === 'error') reporter.report(anchor, say(text('bpmn.rule-failed', { rule: rule.name, detail: String(error && error.message) })));
        continue;
      }
      for (const problem of problems) reporter.report(problem.element || anchor, findingText(problem, lintContext.lang), { key: problemKey(problem) });
    }
  }
  return { check };
}
