/**
 * One date picker for both apps, in the app's language: flatpickr (the library form-js's own date
 * field uses, so the inbox's forms and the designer's fields look and behave alike) with Indonesian
 * month and weekday names, the week starting on Monday, and the day written first — 31/12/2026 —
 * in both languages (the apps write English dates as en-GB, day first too). A native `<input type=date>` would follow
 * the browser's locale instead and show 12/31/2026 to an Indonesian reader.
 *
 * The value is unchanged: the input handed in keeps the ISO day (2026-12-31) as its value, its
 * name and its `change` events (flatpickr fires them on it); a second, visible input shows and
 * takes the day-first text.
 */
import flatpickr from 'flatpickr';
import { Indonesian } from 'flatpickr/dist/l10n/id.js';
import type { HeaderLang } from './header-strings.js';

/** The little of flatpickr used here: its typings (CommonJS-style) do not resolve under NodeNext. */
interface Instance {
  altInput?: HTMLInputElement;
  setDate(date: string, triggerChange: boolean, format: string): void;
  clear(triggerChange?: boolean): void;
  destroy(): void;
}
type CustomLocale = Record<string, unknown>;
const create = flatpickr as unknown as (input: HTMLElement, options: Record<string, unknown>) => Instance;

/** The day as the apps show it: day, month, year (flatpickr's tokens). */
export const SHOWN_FORMAT = 'd/m/Y';

/** The placeholder of a day: "hh/bb/tttt" (hari, bulan, tahun) in Indonesian. */
export const DATE_PLACEHOLDER: Record<HeaderLang, string> = { id: 'hh/bb/tttt', en: 'dd/mm/yyyy' };

/** flatpickr's words for `lang`: Indonesian (the week from Monday), or its English ones (from Sunday). */
export function pickerLocale(lang: HeaderLang): CustomLocale {
  const l10ns = (flatpickr as unknown as { l10ns: Record<string, CustomLocale> }).l10ns;
  return { ...(l10ns.en ?? l10ns.default), ...(lang === 'id' ? Indonesian : {}) };
}

/** Makes every flatpickr created from now on (form-js's date fields too) speak `lang`. */
export function setDefaultPickerLocale(lang: HeaderLang): void {
  const l10ns = (flatpickr as unknown as { l10ns: Record<string, CustomLocale> }).l10ns;
  l10ns.default = pickerLocale(lang);
}

export interface DatePicker {
  /** The visible input (the one a person types in and a label should point at). */
  readonly shown: HTMLInputElement;
  /** Shows `iso` (YYYY-MM-DD, or '' for none) without firing `change`. */
  set(iso: string): void;
  destroy(): void;
}

/**
 * Turns `input` (an `<input>` holding an ISO day or '') into a day-first picker in `lang`. Call it
 * once the input has its parent (the visible input is put beside it) and its form, if any (a reset
 * of that form clears the picker too). The input's id moves to the visible one, so a `<label for>`
 * still names what a person types in.
 */
export function attachDatePicker(input: HTMLInputElement, lang: HeaderLang): DatePicker {
  input.type = 'text';
  const id = input.id;
  const instance = create(input, {
    dateFormat: 'Y-m-d',
    altInput: true,
    altFormat: SHOWN_FORMAT,
    allowInput: true,
    // The same picker on a phone: the native one would bring back the browser's order.
    disableMobile: true,
    locale: pickerLocale(lang),
  });
  const shown = instance.altInput!;
  shown.placeholder = DATE_PLACEHOLDER[lang];
  shown.setAttribute('data-date-shown', '');
  if (id) { input.removeAttribute('id'); shown.id = id; }
  const form = input.form;
  // A hidden input's value is its attribute, which a reset keeps: clear it as the reset starts.
  const onReset = () => instance.clear(false);
  form?.addEventListener('reset', onReset);
  return {
    shown,
    set: (iso: string) => { if (iso) instance.setDate(iso, false, 'Y-m-d'); else instance.clear(false); },
    destroy: () => { form?.removeEventListener('reset', onReset); instance.destroy(); },
  };
}
