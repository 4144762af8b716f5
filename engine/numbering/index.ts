/**
 * Gap-free numbering — what an office numbers, once: case registration numbers today
 * (`<alur:businessKey format="PBG/{yyyy}/{MM}/{seq:5}"/>`), letter numbers of a register next
 * (`{seq}/{kode}/{unit}/{yyyy}`, issue 15). Nothing here knows about processes or letters.
 *
 * Use:
 * ```ts
 * const parsed = parseNumberFormat('{seq}/{kode}/{unit}/{yyyy}', { fields: ['kode', 'unit'] });
 * if (!parsed.ok) … parsed.problems (deploy-time errors, in English; list them all)
 * const series = seriesOf(parsed.format, now, zone, { kode: '800', unit: 'DPMPTSP' }); // name '{seq:1}/800/DPMPTSP/2026'
 * // inside the transaction that records the letter:
 * const { number } = await takeNumber(trx, { tenant, scope: 'surat:<register id>', series: series.name }, now, series);
 * ```
 * - The counter is per tenant, `scope` (what is numbered — `process:<key>`, a register) and
 *   series (the rendered text around `{seq}`): a format with `{yyyy}` restarts every year, one
 *   with `{MM}` every month, and a different `{unit}` is a different register line.
 * - Gap-free and consecutive: the number is an upsert of the counter row in the caller's
 *   transaction; concurrent takers wait on the row lock and a rollback gives the number back.
 *   So take it in the transaction that records what it numbers — and as late in it as you can,
 *   because every other taker of the series waits from that moment until your commit.
 * - In one statement: `takeNumberQuery` is the same upsert as a query (knex Raw) returning
 *   `value` and `number`, for a data-modifying CTE whose other parts read `(select number from
 *   <cte>)`; the case start does this so its number is taken inside its single write.
 * - Many concurrent starts of one series: store/numbered-batches.ts can send those waiting in a
 *   process together, as one statement taking consecutive numbers for all (ALUR_NUMBER_IN_FLIGHT).
 * - Dates are the date in `zone` (the office's zone: see service/tenant-zone.ts for cases).
 * - `lastNumber` reads where a series stands (for a preview such as "next: 00043").
 */
export { parseNumberFormat, seriesOf, renderNumber, MAX_FORMAT_LENGTH, MAX_SEQ_WIDTH } from './format.js';
export type { NumberFormat, FormatPart, Series, ParseResult } from './format.js';
export { takeNumber, takeNumberQuery, lastNumber } from '../store/counters.js';
export type { CounterKey, NumberShape } from '../store/counters.js';
