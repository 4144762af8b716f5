// bpmnlint rule "alur/engine-warnings": the engine's rules whose findings a deployment accepts
// with a warning (e.g. a form on a start event other than the none start), reported as warnings.
import { engineRulesOf } from './run-engine-rules.js';

export default function engineWarnings() {
  return engineRulesOf('warning');
}
