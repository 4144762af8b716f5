/**
 * Number formats: the text of a registration or letter number with its placeholders, e.g.
 * `PBG/{yyyy}/{MM}/{seq:5}` or `{seq}/{kode}/{unit}/{yyyy}`. Pure and browser-safe (the designer's
 * lint parses formats with it); taking a number is counter.ts's business.
 *
 * Placeholders:
 *  - `{yyyy}`, `{yy}`, `{MM}`, `{dd}`: the date of the numbered event in the office's time zone;
 *  - `{seq}` or `{seq:N}`: the counter, zero-padded to N digits (1–12; never cut when it grows
 *    past N). Exactly one per format;
 *  - `{name}`: a field the caller supplies (letters: `{kode}`, `{unit}`); a format may use only the
 *    fields its caller declares.
 * Literal text is anything printable except `{` and `}`.
 *
 * The **series** of a number is the format rendered except `{seq}`: `PBG/2026/03/{seq:5}`. One
 * counter runs per series, so a format with `{MM}` restarts every month and one with `{yyyy}`
 * every year, without any calendar logic here or in the counter.
 */
import { offsetMinutes } from '../expressions/time-zone.js';
import { phrase, text as message, type Text } from '../messages/index.js';

export interface NumberFormat {
  text: string;
  /** Literal text and placeholders in order; exactly one `seq`. */
  parts: FormatPart[];
}

export type FormatPart =
  | { kind: 'text'; text: string }
  | { kind: 'date'; token: DateToken }
  | { kind: 'seq'; width: number }
  | { kind: 'field'; name: string };

type DateToken = 'yyyy' | 'yy' | 'MM' | 'dd';
const DATE_TOKENS = new Set<string>(['yyyy', 'yy', 'MM', 'dd']);

/** Longest accepted format and rendered number (a business key column holds 255 characters). */
export const MAX_FORMAT_LENGTH = 200;
export const MAX_SEQ_WIDTH = 12;

/** A number's series as the counter keeps it, and how to write a counter value into it. */
export interface Series {
  /** The rendered text with `{seq:N}` left in: the counter's name within its scope. */
  name: string;
  prefix: string;
  suffix: string;
  width: number;
}

/** `problems` in English (logs, callers that want a string); `texts` the same as catalog text, for the reader's language. */
export type ParseResult = { ok: true; format: NumberFormat } | { ok: false; problems: string[]; texts: Text[] };

/** Parses `text`; `fields` are the `{name}` placeholders the caller will supply. Every problem is listed. */
export function parseNumberFormat(text: string, options: { fields?: readonly string[] } = {}): ParseResult {
  const problems: Text[] = [];
  const parts: FormatPart[] = [];
  const failed = (texts: Text[]): ParseResult => ({ ok: false, problems: texts.map((t) => phrase(t, 'en')), texts });
  if (typeof text !== 'string' || text.trim() === '') return failed([message('number-format.empty', { example: 'PBG/{yyyy}/{MM}/{seq:5}' })]);
  if (text.length > MAX_FORMAT_LENGTH) problems.push(message('number-format.too-long', { max: MAX_FORMAT_LENGTH }));
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(text)) problems.push(message('number-format.control'));
  const allowed = new Set(options.fields ?? []);
  const token = /\{([^{}]*)\}/g;
  let at = 0;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    if (m.index > at) literal(text.slice(at, m.index), parts, problems);
    at = m.index + m[0].length;
    const inner = m[1].trim();
    const seq = /^seq(?::(\d+))?$/.exec(inner);
    if (seq) {
      const width = seq[1] === undefined ? 1 : Number(seq[1]);
      if (!(width >= 1 && width <= MAX_SEQ_WIDTH)) problems.push(message('number-format.seq-width', { placeholder: `{${inner}}`, max: MAX_SEQ_WIDTH }));
      parts.push({ kind: 'seq', width: Math.min(Math.max(width, 1), MAX_SEQ_WIDTH) });
    } else if (DATE_TOKENS.has(inner)) {
      parts.push({ kind: 'date', token: inner as DateToken });
    } else if (allowed.has(inner)) {
      parts.push({ kind: 'field', name: inner });
    } else {
      const known = ['{yyyy}', '{yy}', '{MM}', '{dd}', '{seq:N}', ...[...allowed].map((f) => `{${f}}`)].join(', ');
      problems.push(message('number-format.unknown', { placeholder: `{${inner}}`, known }));
    }
  }
  if (at < text.length) literal(text.slice(at), parts, problems);
  const seqs = parts.filter((p) => p.kind === 'seq').length;
  if (seqs === 0) problems.push(message('number-format.no-seq', { seq: '{seq:N}' }));
  if (seqs > 1) problems.push(message('number-format.several-seq', { seq: '{seq}' }));
  return problems.length ? failed(problems) : { ok: true, format: { text, parts } };
}

function literal(text: string, parts: FormatPart[], problems: Text[]): void {
  if (/[{}]/.test(text)) problems.push(message('number-format.brace', { text }));
  parts.push({ kind: 'text', text });
}

/**
 * The series of a number taken at `at` (its date read in `zone`, an IANA name or offset), with the
 * caller's `fields` filled in. Throws when a declared field has no value: a number must never be
 * written with a hole in it.
 */
export function seriesOf(format: NumberFormat, at: Date, zone: string, fields: Record<string, string> = {}): Series {
  const local = new Date(at.getTime() + offsetMinutes(zone, at) * 60_000);
  const date: Record<DateToken, string> = {
    yyyy: String(local.getUTCFullYear()).padStart(4, '0'),
    yy: String(local.getUTCFullYear() % 100).padStart(2, '0'),
    MM: String(local.getUTCMonth() + 1).padStart(2, '0'),
    dd: String(local.getUTCDate()).padStart(2, '0'),
  };
  let prefix = '';
  let suffix = '';
  let width = 1;
  let seen = false;
  for (const part of format.parts) {
    let text: string;
    if (part.kind === 'seq') {
      seen = true;
      width = part.width;
      continue;
    } else if (part.kind === 'text') {
      text = part.text;
    } else if (part.kind === 'date') {
      text = date[part.token];
    } else {
      const value = fields[part.name];
      if (typeof value !== 'string' || value === '') throw new Error(`number format ${format.text}: no value for {${part.name}}`);
      text = value;
    }
    if (seen) suffix += text;
    else prefix += text;
  }
  return { name: `${prefix}{seq:${width}}${suffix}`, prefix, suffix, width };
}

/** The number `value` of `series`, e.g. PBG/2026/03/00042. */
export function renderNumber(series: Series, value: number): string {
  return `${series.prefix}${String(value).padStart(series.width, '0')}${series.suffix}`;
}
