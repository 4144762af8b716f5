/**
 * Translates form-js's own validation messages (English, hard-coded in its Validator) into the
 * user's language. Owns the message patterns only; a message it does not recognise is shown as it
 * came, never dropped (a form author's custom `patternErrorMessage` is already in the language the
 * author chose). The server's 400 `errors[].message` needs none of this: the inbox sends its
 * language (Accept-Language) and the server writes them in it (engine/messages/catalog/form-values.ts).
 */
import { lang } from './i18n/index.js';

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
