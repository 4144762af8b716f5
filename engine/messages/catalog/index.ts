/**
 * Every user-facing server message, by area. An area is one file holding its keys with both
 * languages side by side; add a file here (one import, one spread) for a new area. Keys are
 * `area.what`, a fragment (`role.analyst`, used inside other messages) may start with a lower-case letter,
 * every other message starts with a capital or a placeholder (test/messages/catalog.spec.ts checks both).
 */
import type { Catalog } from './types.js';
import { problems } from './problems.js';
import { access } from './access.js';
import { starting } from './starting.js';
import { operating } from './operating.js';
import { people } from './people.js';
import { calendar } from './calendar.js';
import { documents } from './documents.js';
import { budgets } from './budgets.js';
import { timers } from './timers.js';
import { sso } from './sso.js';
import { working } from './working.js';
import { signing } from './signing.js';
import { incidents } from './incidents.js';
import { identity } from './identity.js';
import { letters } from './letters.js';
import { bpmn } from './bpmn.js';
import { packs } from './packs.js';
import { packReader } from './pack-reader.js';
import { json } from './json.js';
import { packFields } from './pack-fields.js';
import { formSchema } from './form-schema.js';
import { cli } from './cli.js';
import { scenarioRun } from './scenario-run.js';
import { formValues } from './form-values.js';
import { bpmnValues } from './bpmn-values.js';
import { bpmnAttributes } from './bpmn-attributes.js';
import { bpmnReader } from './bpmn-reader.js';
import { timerValues } from './timer-values.js';
import { numberFormat } from './number-format.js';
import { modifying } from './modifying.js';
import { operations } from './operations.js';
import { jobFailures } from './job-failures.js';
import { templates } from './templates.js';
import { libraryErrors } from './library-errors.js';
import { ignoredInputs } from './ignored.js';

const areas = { ...problems, ...access, ...starting, ...operating, ...people, ...calendar, ...documents, ...budgets, ...timers, ...sso, ...working, ...signing, ...incidents, ...identity, ...letters, ...bpmn, ...packs, ...formValues, ...bpmnValues, ...bpmnAttributes, ...bpmnReader, ...timerValues, ...numberFormat, ...modifying,
  // The pack reader's refusals and JSON parse errors (issue 17).
  ...packReader, ...json, ...packFields,
  // A .form file's problems at deployment and pack import (issue 17).
  ...formSchema,
  // What `npx alur pack` prints (issue 17).
  ...cli, ...scenarioRun,
  // Routes' and services' refusals that were English only (issue 17).
  ...operations, ...jobFailures,
  // Letter templates' problems, at deployment and when a letter is filled (issue 17).
  ...templates,
  // Libraries' own errors (zip, regular expressions), worded or marked as technical detail (issue 17).
  ...libraryErrors,
  // Why an input changed nothing, in the case's history (issue 17).
  ...ignoredInputs,
};

export type MessageKey = keyof typeof areas;
export const catalog: Catalog = areas;
