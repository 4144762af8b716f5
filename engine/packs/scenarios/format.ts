/**
 * The scenario file format (scenario.schema.json) and its check. A scenario speaks in the pack's
 * terms — process ids, element ids, role keys — so it runs unchanged in every tenant that maps
 * the roles. This module only parses; run.ts executes.
 */
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import schema from './scenario.schema.json' with { type: 'json' };
import { packProblem, type PackProblem } from '../problems.js';
import { text } from '../../messages/index.js';
import { schemaItems } from '../../messages/schema-errors.js';

export interface ScenarioMessage { name: string; correlationKey?: string; variables?: Record<string, unknown> }
export interface TaskRef {
  element: string; role?: string; count?: number; variables?: Record<string, unknown>;
  /** expectTask: each matching task has this due instant / this many working days left (API.md `workingDaysLeft`). */
  dueAt?: string; workingDaysLeft?: number;
}
/** The case's SLA as the API shows it (API.md `sla`): each given field must match. */
export interface ExpectSla { state?: 'on-track' | 'due-soon' | 'overdue' | 'met' | 'missed'; workingDaysLeft?: number; dueAt?: string; paused?: boolean }
export interface ExpectInstance {
  state?: 'active' | 'completed' | 'terminated' | 'cancelled';
  businessKey?: string;
  variables?: Record<string, unknown>;
  path?: string[];
  notPassed?: string[];
  activeElements?: string[];
  sla?: ExpectSla;
}
export type Step =
  | { expectTask: TaskRef }
  | { expectNoTask: { element: string } }
  | { completeTask: TaskRef }
  | { completeJob: { type: string; element?: string; variables?: Record<string, unknown> } }
  | { runJob: { type: 'tte-sign' | 'document-render'; element?: string } }
  | { expectDocument: ExpectDocument }
  | { advanceClock: string }
  | { publishMessage: ScenarioMessage }
  | { expect: ExpectInstance };

/** The document a case variable names; `pdf`: a letter's PDF (its pdfDocumentId) rather than its .docx. */
export interface ExpectDocument { variable: string; pdf?: boolean; versions?: number; signedByRole?: string; number?: string; mediaType?: string }

/** Programs a scenario cannot pass without (`soffice`: LibreOffice, for a letter's PDF). */
export type ScenarioNeed = 'soffice';

/** A start that must be refused: 400 naming exactly `errors` (form field keys), or 403. */
export interface RefusedStart { role?: string; variables?: Record<string, unknown>; businessKey?: string; status: 400 | 403; errors?: string[] }

export interface Scenario {
  name: string;
  description?: string;
  process: string;
  clock?: string;
  start: { variables?: Record<string, unknown>; businessKey?: string; role?: string; message?: ScenarioMessage };
  refusedStarts?: RefusedStart[];
  /** Where one is missing, the scenario is reported as skipped, naming what to install. */
  needs?: ScenarioNeed[];
  /** Letters made as PDFs before the start, by start variable name; each is that variable's `{ documentId }`, as a filepicker field gives it. */
  documents?: Record<string, { title: string }>;
  steps: Step[];
  expect?: ExpectInstance;
}

const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv) => Ajv;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
// Compiled on first use: a start that reads no pack does not pay for it.
let compiled: ValidateFunction | undefined;
const checker = (): ValidateFunction => (compiled ??= ajv.compile(schema));

export function parseScenario(bytes: Buffer, file: string): { scenario?: Scenario; problems: PackProblem[] } {
  let data: unknown;
  try {
    data = JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    return { problems: [packProblem(file, undefined, text('pack.not-json', { detail: (err as Error).message }))] };
  }
  const check = checker();
  if (!check(data)) {
    // Worded as a request body's errors are (messages/schema-errors.ts), naming the field's path.
    return { problems: schemaItems(check.errors ?? [], text('pack.whole-scenario'), (path) => text('pack.field', { path })).map((item) => packProblem(file, item.path || undefined, item.text)) };
  }
  return { scenario: data as unknown as Scenario, problems: [] };
}

/** The role keys a scenario names (each must be declared by the pack). */
export function scenarioRoles(s: Scenario): string[] {
  const roles = new Set<string>();
  for (const ref of [s.start, ...(s.refusedStarts ?? [])]) if (ref.role) roles.add(ref.role);
  for (const step of s.steps) {
    const ref = 'expectTask' in step ? step.expectTask : 'completeTask' in step ? step.completeTask : undefined;
    if (ref?.role) roles.add(ref.role);
    if ('expectDocument' in step && step.expectDocument.signedByRole) roles.add(step.expectDocument.signedByRole);
  }
  return [...roles];
}
