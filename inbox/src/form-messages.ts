/**
 * Translates validation messages into the user's language: form-js's own (English, hard-coded in
 * its Validator) and the server's 400 `errors[].message`. Owns the message patterns only; a
 * message it does not recognise is shown as it came, never dropped (a form author's custom
 * `patternErrorMessage` is already in the language the author chose).
 */
import { lang } from './i18n/index.js';
import { serverMessageInIndonesian } from './server-messages.js';

type Rule = [RegExp, (m: RegExpMatchArray) => string];

const indonesian: Rule[] = [
  [/^Field is required\.?$/, () => 'Wajib diisi.'],
  // Never the raw regular expression: a clerk cannot read it (the form's own message, when it has
  // one, comes instead of this from form-js and from the server).
  [/^Field must match pattern (.+?)\.?$/, () => 'Formatnya belum sesuai.'],
  [/^Field must have minimum value of (.+?)\.?$/, (m) => `Nilai paling kecil ${m[1]}.`],
  [/^Field must have maximum value of (.+?)\.?$/, (m) => `Nilai paling besar ${m[1]}.`],
  [/^Field must have minimum length of (\d+)\.?$/, (m) => `Paling sedikit ${m[1]} karakter.`],
  [/^Field must have maximum length of (\d+)\.?$/, (m) => `Paling banyak ${m[1]} karakter.`],
  [/^Field must be a valid +international phone number/, () => 'Harus nomor telepon internasional yang sah (mis. +6281234567890).'],
  [/^Field must be a valid email\.?$/, () => 'Harus alamat email yang sah.'],
  [/^Value is not a number\.?$/, () => 'Nilai bukan angka.'],
  [/^Value is expected to be an integer\.?$/, () => 'Nilai harus bilangan bulat.'],
  [/^Value is expected to have at most (\d+) decimal digits?\.?$/, (m) => `Paling banyak ${m[1]} angka di belakang koma.`],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+?)\.?$/, (m) => `Pilih nilai yang sah; yang terdekat adalah ${m[1]} dan ${m[2]}.`],
  [/^Date and time must both be entered\.?$/, () => 'Tanggal dan waktu harus diisi keduanya.'],
  [/^Min validation value is not a valid number\.?$/, () => 'Batas nilai minimum pada formulir tidak sah.'],
  [/^Max validation value is not a valid number\.?$/, () => 'Batas nilai maksimum pada formulir tidak sah.'],
  // Server-side (ajv-style) messages, so a 400 from the API reads the same as a check in the page.
  [/^(is )?required\b|must have required property/i, () => 'Wajib diisi.'],
  [/^must match pattern "?(.+?)"?$/i, () => 'Formatnya belum sesuai.'],
  [/^must be (string|number|integer|boolean|array|object)$/i, (m) => `Jenis nilai salah: harus ${typeNames[m[1].toLowerCase()] ?? m[1]}.`],
  [/^must be equal to one of the allowed values$/i, () => 'Pilih salah satu nilai yang tersedia.'],
  [/^must NOT have fewer than (\d+) characters$/i, (m) => `Paling sedikit ${m[1]} karakter.`],
  [/^must NOT have more than (\d+) characters$/i, (m) => `Paling banyak ${m[1]} karakter.`],
  [/^must be >= (.+)$/i, (m) => `Nilai paling kecil ${m[1]}.`],
  [/^must be <= (.+)$/i, (m) => `Nilai paling besar ${m[1]}.`],
];

const typeNames: Record<string, string> = {
  string: 'teks', number: 'angka', integer: 'bilangan bulat', boolean: 'ya/tidak', array: 'daftar', object: 'objek',
};

const english: Rule[] = [
  [/^(is )?required\b|must have required property/i, () => 'Field is required.'],
  [/^Field must match pattern (.+?)\.?$/, () => 'The value does not have the expected format.'],
  [/^must match pattern "?(.+?)"?$/i, () => 'The value does not have the expected format.'],
];

/** Returns `message` in the current language, or unchanged when no pattern matches. */
export function translateValidation(message: string): string {
  const rules = lang() === 'id' ? indonesian : english;
  for (const [pattern, render] of rules) {
    const match = message.match(pattern);
    if (match) return render(match);
  }
  return message;
}

/** The server's own wording of a pattern failure (engine/forms/messages.ts), in either language. */
const GENERIC_PATTERN = [/^".*" does not have the expected format\.$/, /^Format ".*" tidak sesuai\.$/];

/** Server error codes (engine/forms) whose wording needs nothing but the field's label. */
const byCode: Record<'id' | 'en', Record<string, (label: string) => string>> = {
  id: {
    required: (f) => `"${f}" wajib diisi.`,
    pattern: (f) => `Format "${f}" tidak sesuai.`,
    email: (f) => `"${f}" harus berupa alamat email yang valid.`,
    enum: (f) => `"${f}" harus salah satu dari pilihan yang tersedia.`,
    readonly: (f) => `"${f}" hanya dapat dibaca dan tidak boleh diubah.`,
  },
  en: {
    required: (f) => `"${f}" is required.`,
    pattern: (f) => `"${f}" does not have the expected format.`,
    email: (f) => `"${f}" must be a valid email address.`,
    enum: (f) => `"${f}" must be one of the offered options.`,
    readonly: (f) => `"${f}" is read-only and cannot be changed.`,
  },
};

/**
 * Words a server-side error in the user's language: by its code when the inbox knows it (the
 * server may have answered in another language), else by the message patterns above.
 */
export function translateServerError(error: { code?: string; message: string }, label: string | undefined): string {
  // A pattern failure with the form's own message (patternErrorMessage) is shown as the author wrote it.
  if (error.code === 'pattern' && !GENERIC_PATTERN.some((generic) => generic.test(error.message))) return error.message;
  const render = error.code && label ? byCode[lang()][error.code] : undefined;
  if (render) return render(label!);
  return (lang() === 'id' ? serverMessageInIndonesian(error.message) : null) ?? translateValidation(error.message);
}
