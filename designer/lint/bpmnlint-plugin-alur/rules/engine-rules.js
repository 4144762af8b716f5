// bpmnlint rule "alur/engine-rules": runs the engine's own deploy-time rules (engine/bpmn/rules,
// bundled in through the `alur-engine-rules` alias set up by designer/build.mjs) once per document
// and reports each problem on the element it names. It must never re-implement an engine rule:
// the point is that the designer and the deployment judge a diagram by the same code.
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

export default function engineRules() {
  function check(node, reporter) {
    if (node.$type !== 'bpmn:Definitions') return;
    const anchor = documentAnchor(node);
    const ctx = ruleContext(node);
    if (ctx.processes.length === 0) reporter.report(anchor, 'the document has no executable process (isExecutable="true")');
    for (const rule of engine.rules || []) {
      let problems;
      try {
        problems = rule.check(node, ctx);
      } catch (error) {
        reporter.report(anchor, `rule ${rule.name} could not check the document: ${error && error.message}`);
        continue;
      }
      for (const problem of problems) reporter.report(problem.element || anchor, problem.message);
    }
  }

  return { check };
}
