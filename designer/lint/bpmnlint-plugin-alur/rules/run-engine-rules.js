// Runs the engine's own deploy-time rules (engine/bpmn/rules, bundled in through the
// `alur-engine-rules` alias set up by designer/build.mjs) once per document and reports each
// problem of the given severity on the element it names. Shared by alur/engine-rules (errors:
// the deployment refuses) and alur/engine-warnings (warnings: it deploys and says so), so the
// designer shows each finding with the severity the deployment gives it.
import * as engine from 'alur-engine-rules';
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

/** A bpmnlint rule reporting the engine rules' findings of `severity` ('error' or 'warning'). */
export function engineRulesOf(severity) {
  function check(node, reporter) {
    if (node.$type !== 'bpmn:Definitions') return;
    const anchor = documentAnchor(node);
    const ctx = ruleContext(node);
    if (severity === 'error' && ctx.processes.length === 0) reporter.report(anchor, 'the document has no executable process (isExecutable="true")');
    for (const rule of engine.rules || []) {
      if ((rule.severity || 'error') !== severity) continue;
      let problems;
      try {
        problems = rule.check(node, ctx);
      } catch (error) {
        if (severity === 'error') reporter.report(anchor, `rule ${rule.name} could not check the document: ${error && error.message}`);
        continue;
      }
      for (const problem of problems) reporter.report(problem.element || anchor, problem.message);
    }
  }
  return { check };
}
