/**
 * The error each betsy case that expects `ERROR` / `ERROR_runtime` is about. betsy's own checkers
 * accept any failure, so an engine that crashed on something unrelated (a bug, an expression the
 * adapter failed to translate) would pass; here an error only counts when it is the one the test
 * describes — the refusal or incident at the element under test. Test names map to one entry;
 * a case expecting an error without an entry here fails.
 */
export interface ExpectedError {
  /** `deployment`: the model is refused; `incident`: the instance stops with an incident. */
  kind: 'deployment' | 'incident';
  element: string;
  /** Incident type (engine/core/effects.ts IncidentType), for incidents. */
  type?: string;
  message: RegExp;
}

export const EXPECTED_ERRORS: Record<string, ExpectedError> = {
  // BPMN 2.0 §13.2.1: loopMaximum and loopCardinality are non-negative, quantities at least 1.
  LoopTask_NegativeLoopMaximum: { kind: 'deployment', element: 'ScriptTask_1', message: /loopMaximum must not be negative/ },
  MultiInstanceTask_NegativeLoopCardinality: { kind: 'deployment', element: 'MultiInstanceTask', message: /loopCardinality must not be negative/ },
  Token_StartQuantity_Zero: { kind: 'deployment', element: 'receive', message: /startQuantity must be at least 1/ },
  Token_CompletionQuantity_Zero: { kind: 'deployment', element: 'send', message: /completionQuantity must be at least 1/ },
  // No outgoing condition is true and there is no default flow (§13.3.2): the gateway fails.
  ExclusiveGateway: { kind: 'incident', element: 'ExclusiveGateway_1', type: 'condition', message: /no outgoing flow .* has a true condition/ },
  InclusiveGateway: { kind: 'incident', element: 'InclusiveGateway_1', type: 'condition', message: /no outgoing flow .* has a true condition/ },
};

export interface ObservedError {
  kind: 'deployment' | 'incident';
  element?: string;
  type?: string;
  message: string;
}

/** True when an observed error is the one the test is about. */
export function isExpectedError(test: string, error: ObservedError): boolean {
  const expected = EXPECTED_ERRORS[test];
  return !!expected && expected.kind === error.kind && expected.element === error.element
    && (expected.type === undefined || expected.type === error.type) && expected.message.test(error.message);
}
