/**
 * Which betsy models use constructs outside the core's coverage list (issue 2): the 95 % target
 * applies to the others. Detected from the model itself, never from the test's name; every
 * construct here is explained in DEVIATIONS.md. Each construct also says how the engine must
 * refuse it (`refusal`): the gate requires a model outside coverage to be refused at deployment
 * with an error naming the element and matching that text — never run with the wrong semantics.
 */
export interface Construct {
  what: string;
  /** The deployment error that proves the engine refuses the construct itself. */
  refusal: RegExp;
}

const OUTSIDE: [RegExp, Construct][] = [
  [/<(\w+:)?complexGateway\b/, { what: 'complex gateway', refusal: /complex gateways are not supported/ }],
  [/<(\w+:)?adHocSubProcess\b/, { what: 'ad-hoc subprocess', refusal: /ad-hoc subprocesses are not supported/ }],
  [/<(\w+:)?transaction\b/, { what: 'transaction', refusal: /transaction subprocesses are not supported/ }],
  [/<(\w+:)?conditionalEventDefinition\b/, { what: 'conditional event', refusal: /conditional events are not supported/ }],
  [/<(\w+:)?cancelEventDefinition\b/, { what: 'cancel event', refusal: /cancel events are not supported/ }],
  // Quantities below 1 are constraint violations the core refuses as such (betsy errors/ cases).
  [/\b(startQuantity|completionQuantity)="0*([2-9]|[1-9]\d+)"/, { what: 'token quantities', refusal: /(startQuantity|completionQuantity)="\d+" is not supported/ }],
  [/\binstantiate="true"/, { what: 'instantiating receive task', refusal: /instantiating receive tasks are not supported/ }],
  [/<(\w+:)?globalTask\b|<(\w+:)?globalScriptTask\b/, { what: 'global task', refusal: /global tasks are not supported/ }],
  // behavior="All" (the default) throws no event: that is the multi-instance the core runs.
  [/<(\w+:)?complexBehaviorDefinition\b|\bbehavior="(None|One|Complex)"/, { what: 'multi-instance event behaviour', refusal: /multi-instance event behaviour .* is not supported/ }],
];

const MULTIPLE: Construct = { what: 'multiple events', refusal: /several event definitions .* are not supported/ };
const CATCH_CYCLE: Construct = { what: 'time cycle on an intermediate catch event', refusal: /time cycle on an intermediate catch event is not supported/ };

export function outOfCoverage(xml: string): Construct[] {
  const found = OUTSIDE.filter(([re]) => re.test(xml)).map(([, construct]) => construct);
  // Several event definitions on one event ("multiple" events), inline or by reference: each
  // definition is one opening tag (an eventDefinitionRef's closing tag is not a second one).
  for (const m of xml.matchAll(/<(\w+:)?(startEvent|endEvent|intermediateCatchEvent|intermediateThrowEvent|boundaryEvent)\b[^>]*[^/]>[\s\S]*?<\/(\w+:)?\2>/g)) {
    const definitions = (m[0].match(/<(\w+:)?(\w+EventDefinition|eventDefinitionRef)\b/g) ?? []).length;
    if (definitions > 1) {
      found.push(MULTIPLE);
      break;
    }
  }
  // A catch event waits once; a cycle on it asks for a repetition BPMN does not define.
  for (const m of xml.matchAll(/<(\w+:)?intermediateCatchEvent\b[^>]*[^/]>[\s\S]*?<\/(\w+:)?intermediateCatchEvent>/g)) {
    if (/<(\w+:)?timeCycle\b/.test(m[0])) {
      found.push(CATCH_CYCLE);
      break;
    }
  }
  return found;
}
