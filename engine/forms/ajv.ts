/**
 * The one ajv instance the form validators compile into (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1), with the formats and keywords form-js needs beyond the standard: times and
 * date-times as the form-js date picker writes them (minutes, optional offset), international
 * phone numbers, and number fields' `decimalDigits` / `increment`. Patterns run without the `u`
 * flag, as form-js runs them in the browser, but in linear time (pattern.ts: RE2, so a value
 * cannot make a pattern backtrack). It never evaluates FEEL.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { linearRegExp } from './pattern.js';

// ajv-formats is CommonJS; under NodeNext its default export arrives wrapped.
const addFormats = ((addFormatsModule as any).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day in `YYYY-MM-DD` (no 30 February). */
export function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isFormDateTime(text: string): boolean {
  const [date, time, ...rest] = text.split('T');
  return rest.length === 0 && time !== undefined && isCalendarDate(date) && TIME.test(time);
}

/** Digits after the decimal point of a finite number, exponent notation included. */
export function decimalPlaces(value: number): number {
  const [mantissa, exponent] = String(value).toLowerCase().split('e');
  const fraction = mantissa.split('.')[1]?.length ?? 0;
  return Math.max(0, fraction - Number(exponent ?? 0));
}

/** Whether `value` is a whole multiple of `step`, in exact decimal arithmetic. */
export function isMultipleOf(value: number, step: number): boolean {
  if (step <= 0) return true;
  const places = Math.min(20, Math.max(decimalPlaces(value), decimalPlaces(step)));
  const scale = 10 ** places;
  const scaledStep = BigInt(Math.round(step * scale));
  return scaledStep === 0n || BigInt(Math.round(value * scale)) % scaledStep === 0n;
}

function createAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true, unicodeRegExp: false, strict: true, code: { regExp: linearRegExp } });
  addFormats(ajv);
  ajv.addFormat('form-time', TIME);
  ajv.addFormat('form-datetime', isFormDateTime);
  // Same shape as form-js's phone check (international, `+` or `00` first), slightly more lenient.
  ajv.addFormat('phone', /^(\+|00)[1-9]\d{5,20}$/);
  ajv.addKeyword({
    keyword: 'x-decimalDigits',
    type: 'number',
    schemaType: 'number',
    errors: false,
    validate: (digits: number, value: number) => decimalPlaces(value) <= digits,
  });
  ajv.addKeyword({
    keyword: 'x-increment',
    type: 'number',
    schemaType: 'number',
    errors: false,
    validate: (step: number, value: number) => isMultipleOf(value, step),
  });
  // Annotations only: they document the form in the JSON Schema and OpenAPI, ajv ignores them.
  for (const keyword of ['x-hide', 'x-readonlyWhen', 'x-options', 'x-formType', 'x-dynamic']) {
    ajv.addKeyword({ keyword });
  }
  return ajv;
}

export const formAjv = createAjv();
