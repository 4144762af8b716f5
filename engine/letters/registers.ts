/**
 * Letter registers (README "Letters"): what numbers a tenant's letters. A register exists as soon
 * as a `document-render` task numbers with it (its counters, per year, in number_counter under
 * scope `surat:<key>`); a tenant admin may also set it up here — a name, a classification code
 * (`kode`), a `unit` and a number format — which then win over the task's headers, so a regency
 * adapts an imported pack's numbering without editing its BPMN. Counters are never edited here:
 * numbers stay gap-free.
 */
import type { Knex } from 'knex';
import type { Actor } from '../service/actor.js';
import { requireRole, tenantOf } from '../service/actor.js';
import { InvalidInput } from '../service/errors.js';
import { insertAudit } from '../store/audit.js';
import { auditRow, difference } from '../service/people.js';
import { parseNumberFormat } from '../numbering/index.js';
import { text, type Text } from '../messages/index.js';

/** A register's key as a task header names it. */
export const REGISTER_KEY = /^[a-z0-9][a-z0-9._-]{0,62}$/i;
/** The `{name}` fields a letter number may use. */
export const LETTER_FIELDS = ['kode', 'unit'] as const;
/** The counter scope of a register's numbers. */
export const registerScope = (key: string) => `surat:${key}`;
/** A register's counter series: the year, then the rendered format around `{seq:N}`. */
export const registerSeries = (year: string, seriesName: string) => `${year}|${seriesName}`;

export interface RegisterRow { tenant_id: string; key: string; name: string | null; kode: string | null; unit: string | null; number_format: string | null; updated_by: string; updated_at: Date }
export interface RegisterChange { name?: string | null; kode?: string | null; unit?: string | null; numberFormat?: string | null }

export async function findRegister(knex: Knex, tenant: string, key: string): Promise<RegisterRow | undefined> {
  return knex('letter_register').where({ tenant_id: tenant, key }).first();
}

export interface CounterView { year: number; series: string; last: number; lastNumber: string; updatedAt: string }

/** GET /api/letter-registers: every register set up or used, with its counters per year (newest first). */
export async function listRegisters(knex: Knex, actor: Actor) {
  requireRole(actor, text('action.read-letter-registers'), 'admin', 'analyst');
  const tenant = tenantOf(actor);
  const rows: RegisterRow[] = await knex('letter_register').where({ tenant_id: tenant });
  const counters: { scope: string; series: string; value: string | number; updated_at: Date }[] = await knex('number_counter')
    .where({ tenant_id: tenant }).andWhere('scope', 'like', 'surat:%').select('scope', 'series', 'value', 'updated_at');
  const byKey = new Map<string, CounterView[]>();
  for (const c of counters) {
    const key = c.scope.slice('surat:'.length);
    const bar = c.series.indexOf('|');
    const series = c.series.slice(bar + 1);
    const last = Number(c.value);
    const view = { year: Number(c.series.slice(0, bar)), series, last, lastNumber: renderSeq(series, last), updatedAt: new Date(c.updated_at).toISOString() };
    byKey.set(key, [...(byKey.get(key) ?? []), view]);
  }
  const keys = [...new Set([...rows.map((r) => r.key), ...byKey.keys()])].sort();
  const items = keys.map((key) => {
    const row = rows.find((r) => r.key === key);
    const list = (byKey.get(key) ?? []).sort((a, b) => b.year - a.year || a.series.localeCompare(b.series));
    return registerView(key, row, list);
  });
  return { items, total: items.length };
}

function registerView(key: string, row: RegisterRow | undefined, counters: CounterView[]) {
  return {
    key, name: row?.name ?? null, kode: row?.kode ?? null, unit: row?.unit ?? null, numberFormat: row?.number_format ?? null,
    configured: row !== undefined, updatedBy: row?.updated_by ?? null, updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    counters,
  };
}

/** `{seq:N}` in a series name written as the number it stands at. */
function renderSeq(series: string, value: number): string {
  return series.replace(/\{seq:(\d+)\}/, (_, width: string) => String(value).padStart(Number(width), '0'));
}

/** PUT /api/letter-registers/{key} (admin): sets up or changes a register; null clears a field (the task header applies again). */
export async function putRegister(knex: Knex, actor: Actor, key: string, change: RegisterChange, now: Date) {
  requireRole(actor, text('action.change-letter-registers'), 'admin');
  const tenant = tenantOf(actor);
  if (!REGISTER_KEY.test(key)) throw new InvalidInput(text('register.bad-key'), [{ path: 'key', message: 'not a register key', text: text('register.bad-key') }]);
  const errors = [];
  for (const field of ['name', 'kode', 'unit'] as const) {
    const value = change[field];
    // eslint-disable-next-line no-control-regex
    if (typeof value === 'string' && /[\u0000-\u001f\u007f{}]/.test(value)) errors.push({ path: field, message: 'control characters or braces', text: text('register.bad-text', { field }) });
  }
  if (typeof change.numberFormat === 'string') {
    const parsed = parseNumberFormat(change.numberFormat, { fields: LETTER_FIELDS });
    if (!parsed.ok) errors.push({ path: 'numberFormat', message: parsed.problems.join('; '), text: text('register.bad-format', { problems: clauses(parsed.texts) }) });
  }
  if (errors.length) throw new InvalidInput(errors[0].text, errors);
  const clean = (v: string | null | undefined): string | null => (typeof v === 'string' ? v.trim() || null : null);
  return knex.transaction(async (trx) => {
    const before = await trx('letter_register').where({ tenant_id: tenant, key }).forUpdate().first() as RegisterRow | undefined;
    const fields = {
      name: change.name !== undefined ? clean(change.name) : before?.name ?? null,
      kode: change.kode !== undefined ? clean(change.kode) : before?.kode ?? null,
      unit: change.unit !== undefined ? clean(change.unit) : before?.unit ?? null,
      number_format: change.numberFormat !== undefined ? clean(change.numberFormat) : before?.number_format ?? null,
    };
    const row: RegisterRow = { tenant_id: tenant, key, ...fields, updated_by: actor.username, updated_at: now };
    await trx('letter_register').insert(row).onConflict(['tenant_id', 'key']).merge(['name', 'kode', 'unit', 'number_format', 'updated_by', 'updated_at']);
    const d = before ? difference(pick(before), fields) : { before: null, after: fields };
    await insertAudit(trx, [auditRow(tenant, actor, 'letter-register', key, before ? 'changed' : 'created', d.before, d.after)]);
    return { created: !before, register: row };
  });
}

const pick = (r: RegisterRow) => ({ name: r.name, kode: r.kode, unit: r.unit, number_format: r.number_format });

/** One register as GET lists it, after a change. */
export async function registerAfterChange(knex: Knex, actor: Actor, key: string) {
  return (await listRegisters(knex, actor)).items.find((r) => r.key === key)!;
}

/** `texts` as clauses of one sentence, separated by semicolons, each in the reader's language. */
function clauses(texts: Text[]): Text | string {
  if (texts.length === 0) return '';
  return texts.slice(1).reduce((all, next) => text('list.semicolons', { first: all, rest: next }), texts[0]);
}
