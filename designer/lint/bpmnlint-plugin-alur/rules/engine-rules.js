// bpmnlint rule "alur/engine-rules": the engine's deploy-time rules whose findings refuse a
// deployment, reported as errors. It must never re-implement an engine rule: the designer and the
// deployment judge a diagram by the same code (run-engine-rules.js).
import { engineRulesOf } from './run-engine-rules.js';

export default function engineRules() {
  return engineRulesOf('error');
}
