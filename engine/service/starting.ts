/**
 * How a case begins, decided before anything is written: who may start a process
 * (`alur:starters`), the start form its variables must fit (checked exactly as a task completion
 * is), and the registration number a start without a business key receives
 * (`alur:businessKey format`, numbered through engine/numbering). A refused start (403, 400)
 * throws before its write, so it leaves nothing behind and uses no number.
 */
import type { ProcessModel, Variables } from '../core/index.js';
import type { DefinitionHead, FormRow } from '../store/definitions.js';
import { latestForm } from '../store/definitions.js';
import { parseNumberFormat, seriesOf, type Series } from '../numbering/index.js';
import type { Actor } from './actor.js';
import type { CommandContext } from './context.js';
import { Conflict, Forbidden, InvalidInput } from './errors.js';
import { checkFormValues } from './forms.js';
import { allOf, anyOf, render, text, type ListParam, type Text } from '../messages/index.js';
import { tenantZone } from './tenant-zone.js';

/** Whether `actor` may start a process whose `alur:starters` are `starters` (absent: anyone of the tenant). */
export function mayStart(actor: Pick<Actor, 'groups'>, starters: readonly string[] | null | undefined): boolean {
  return !starters || actor.groups.some((g) => starters.includes(g));
}

/** The refusal of a start by someone outside `alur:starters`. */
export function notAStarter(process: string, starters: readonly string[]): Text {
  return text('start.not-a-starter', { process, groups: anyOf(starters) });
}

/** A process as its refusals name it: by the name a person gave it, its key only when it has none. */
export function processName(def: { key: string; model?: { name?: string } }, model = def.model): string {
  return model?.name?.trim() || def.key;
}

export interface CheckedStart {
  variables: Variables;
  /** The start form version the values were checked against (process_instance.start_form_ref). */
  startForm?: FormRow;
}

/**
 * Refuses a start the caller may not make (Forbidden) or whose variables do not fit the start
 * form (InvalidInput with one `{ path, message }` per violation); else the values to start with
 * (hidden and read-only fields dropped, as for a task).
 */
export async function checkStart(cx: CommandContext, actor: Actor, def: DefinitionHead, model: ProcessModel, variables: Variables): Promise<CheckedStart> {
  if (!mayStart(actor, model.starters)) {
    throw new Forbidden(notAStarter(processName(def, model), model.starters!));
  }
  if (!model.startFormId) {
    if (model.strictVariables) refuseUndeclared(variables, (names) => text('start.strict-no-form', { process: processName(def, model), names }));
    return { variables };
  }
  const form = await latestForm(cx.uow.db, def.tenant_id, model.startFormId);
  if (!form) throw new Conflict(text('start.form-not-deployed', { form: model.startFormId, process: processName(def, model) }));
  const check = checkFormValues(form.schema, variables, {}, cx.uow.now, cx.deps.feel);
  if (!check.ok) throw new InvalidInput(text('start.values-do-not-fit', { process: processName(def, model) }), check.errors);
  return { variables: check.values, startForm: form };
}

/**
 * `alur:variables strict`: where no form declares anything, no variable may be set — a 400 naming
 * each one (`path` = its name), before anything is written.
 */
export function refuseUndeclared(variables: Variables, refusal: (names: ListParam) => Text): void {
  const names = Object.keys(variables ?? {});
  if (!names.length) return;
  throw new InvalidInput(refusal(allOf(names)), names.map((name) => {
    const message = text('variable.not-declared', { name });
    return { path: name, message: render(message, 'en'), text: message };
  }));
}

/** Where a process's registration numbers come from, or undefined when it has none. */
export interface NumberSource { key: { tenant: string; scope: string; series: string }; series: Series }

/** The counter a start of `def` now draws its registration number from (the tenant's zone decides the date). */
export async function registrationSeries(cx: CommandContext, def: DefinitionHead, model: ProcessModel): Promise<NumberSource | undefined> {
  if (!model.businessKeyFormat) return undefined;
  const series = seriesAt(def.key, model.businessKeyFormat, cx.uow.now, await tenantZone({ trx: cx.uow.db, deps: cx.deps }, def.tenant_id));
  return { key: { tenant: def.tenant_id, scope: `process:${def.key}`, series: series.name }, series };
}

/**
 * Series by format, zone and quarter of an hour: parsing the format and reading the zone's offset
 * (Intl) on every numbered start was a fifth of the server time a number added to a start. Within
 * one quarter of an hour (UTC) the local date cannot change in a zone whose offsets are whole
 * quarters of an hour (every IANA zone today, so its midnights and transitions fall on quarters
 * too), so every start in it gets the series `seriesOf` would give; an offset written out that is
 * not a whole quarter (`+07:10`) is not remembered.
 */
const seriesMemo = new Map<string, Series>();
const QUARTER_HOUR = 15 * 60_000;

function seriesAt(process: string, format: string, at: Date, zone: string): Series {
  const fixed = /^[+-]\d{2}:?(\d{2})$/.exec(zone.trim());
  const memo = fixed && Number(fixed[1]) % 15 !== 0 ? undefined : `${Math.floor(at.getTime() / QUARTER_HOUR)}|${zone}|${format}`;
  let series = memo === undefined ? undefined : seriesMemo.get(memo);
  if (!series) {
    const parsed = parseNumberFormat(format);
    // Deployment refused invalid formats; a model stored before that rule would land here.
    if (!parsed.ok) throw new Error(`process ${process}: ${parsed.problems.join('; ')}`);
    series = seriesOf(parsed.format, at, zone);
    if (memo !== undefined) {
      if (seriesMemo.size >= 1000) seriesMemo.clear();
      seriesMemo.set(memo, series);
    }
  }
  return series;
}

/**
 * Takes the registration number for a start of `def`, or null when the process numbers nothing.
 * In the start's transaction: the counter row stays locked until it commits, so concurrent starts
 * get consecutive numbers and a start that fails later gives its number back.
 */
export async function takeRegistrationNumber(cx: CommandContext, def: DefinitionHead, model: ProcessModel): Promise<string | null> {
  const source = await registrationSeries(cx, def, model);
  if (!source) return null;
  // Taken in the start's own write (its one statement or its transaction): a start whose write fails uses no number.
  return cx.uow.takeNumber(source.key, source.series, cx.deps.numberedBatches);
}
