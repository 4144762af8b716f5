/**
 * Why a timer or date value cannot be scheduled (engine/core/timers.ts `TimerReason`): the core
 * writes the English of `TIMER_REASONS` for incidents and logs; these are the same reasons for the
 * reader of a deployment's refusal. The English here is the core's text (a spec compares them).
 */
import type { Catalog } from './types.js';

export const timerValues = {
  'timer-value.zone-name': {
    en: "{value} names a time zone, which the engine does not read; write that zone's UTC offset instead (e.g. 2027-01-01T08:00:00+07:00 for Asia/Jakarta)",
    id: '{value} memuat nama zona waktu, yang tidak dibaca sistem; tuliskan selisih UTC zona tersebut (misalnya 2027-01-01T08:00:00+07:00 untuk Asia/Jakarta)',
    fragment: true,
  },
  'timer-value.no-such-date': {
    en: '{value} is not a valid calendar date-time (no such day, hour or offset); write one that exists, e.g. 2027-02-28T08:00:00+07:00',
    id: '{value} bukan tanggal dan waktu yang ada pada kalender (hari, jam, atau selisih waktunya tidak ada); tuliskan yang benar, misalnya 2027-02-28T08:00:00+07:00',
    fragment: true,
  },
  'timer-value.not-date': {
    en: '{value} is not an ISO 8601 date-time; write e.g. 2027-01-01T08:00:00+07:00 or 2027-01-01T01:00:00Z',
    id: '{value} bukan tanggal dan waktu ISO 8601; tuliskan misalnya 2027-01-01T08:00:00+07:00 atau 2027-01-01T01:00:00Z',
    fragment: true,
  },
  'timer-value.not-duration': { en: '{value} is not an ISO 8601 duration (e.g. PT15M, P3D)', id: '{value} bukan durasi ISO 8601 (misalnya PT15M, P3D)', fragment: true },
  'timer-value.negative-duration': {
    en: '{value} is a negative duration, and a timer cannot wait backwards; write {positive}',
    id: '{value} adalah durasi negatif, sedangkan pewaktu tidak dapat menunggu mundur; tuliskan {positive}',
    fragment: true,
  },
  'timer-value.month-fraction': {
    en: '{value} has a fraction of a month, which has no fixed length; write whole months or days (e.g. P1M or P45D)',
    id: '{value} memuat pecahan bulan, padahal panjang bulan tidak tetap; tuliskan bulan atau hari yang utuh (misalnya P1M atau P45D)',
    fragment: true,
  },
  'timer-value.beyond-dates': {
    en: '{value} lies beyond any date the engine can represent; write a shorter duration',
    id: '{value} melampaui tanggal terjauh yang dapat dihitung sistem; tuliskan durasi yang lebih pendek',
    fragment: true,
  },
  'timer-value.too-short': {
    en: '{value} repeats more often than the minimum interval of {seconds} s; write a longer interval (e.g. {example})',
    id: '{value} berulang lebih sering daripada selang minimum {seconds} detik; tuliskan selang yang lebih panjang (misalnya {example})',
    fragment: true,
  },
  'timer-value.in-cycle': { en: 'in cycle {cycle}: {reason}', id: 'pada siklus {cycle}: {reason}', fragment: true },
  'timer-value.cron': {
    en: '{value} is a cron expression, which the engine does not run; write an ISO 8601 repeating interval (e.g. R/2027-01-01T09:00:00+07:00/P1D for every day at 09:00)',
    id: '{value} adalah ekspresi cron, yang tidak dijalankan sistem; tuliskan interval berulang ISO 8601 (misalnya R/2027-01-01T09:00:00+07:00/P1D untuk setiap hari pukul 09.00)',
    fragment: true,
  },
  'timer-value.not-cycle': {
    en: '{value} is not an ISO 8601 repeating interval the engine runs; write R<n>/<duration> (e.g. R3/PT10M) or R<n>/<start>/<duration> (e.g. R/2027-01-01T08:00:00+07:00/P1D)',
    id: '{value} bukan interval berulang ISO 8601 yang dapat dijalankan sistem; tuliskan R<n>/<durasi> (misalnya R3/PT10M) atau R<n>/<mulai>/<durasi> (misalnya R/2027-01-01T08:00:00+07:00/P1D)',
    fragment: true,
  },
  'timer-value.end-after-duration': {
    en: '{value} gives an end date, which the engine does not run; write {head}/{every} and let R<n> count the rounds (or {head}/<start>/{every} to begin at a set time)',
    id: '{value} memuat tanggal akhir, yang tidak dijalankan sistem; tuliskan {head}/{every} dan biarkan R<n> menghitung putarannya (atau {head}/<mulai>/{every} agar dimulai pada waktu tertentu)',
    fragment: true,
  },
  'timer-value.end-after-start': {
    en: '{value} gives an end date, which the engine does not run; write {head}/{start}/<interval> (e.g. {head}/{start}/P1D)',
    id: '{value} memuat tanggal akhir, yang tidak dijalankan sistem; tuliskan {head}/{start}/<selang> (misalnya {head}/{start}/P1D)',
    fragment: true,
  },
  'timer-value.zero-interval': {
    en: '{value} is no time at all, so it would fire back to back for ever; write an interval above zero (e.g. {example})',
    id: '{value} tidak memiliki selang waktu, sehingga pewaktu akan berjalan terus-menerus tanpa jeda; tuliskan selang lebih dari nol (misalnya {example})',
    fragment: true,
  },
  'timer-value.zero-repetitions': {
    en: '{value} repeats zero times, so it never fires; write {once} to fire once',
    id: '{value} diulang nol kali, sehingga tidak pernah berjalan; tuliskan {once} agar berjalan sekali',
    fragment: true,
  },

  // A start timer is computed at deployment (engine/service/start-timers.ts), before any case exists.
  'start-timer.uncomputable': {
    en: 'timer {attribute} {source} cannot be computed at deployment: {reason}',
    id: 'pewaktu {attribute} {source} tidak dapat dihitung pada saat deploy: {reason}',
    fragment: true,
  },
  // {detail} is the FEEL evaluator's own English, in full; the Indonesian says what failed around it.
  'start-timer.feel-failed': { en: '{detail}', id: 'FEEL gagal dievaluasi ({detail})', fragment: true },
  'start-timer.no-variable': {
    en: 'no variable {names} (a start timer is computed before any instance exists)',
    id: 'variabel {names} belum ada (pewaktu mulai dihitung sebelum ada berkas apa pun)',
    fragment: true,
  },
  'start-timer.null': { en: 'it evaluates to null', id: 'hasilnya null', fragment: true },
  'start-timer.wrong-type': { en: 'it evaluates to {value}, not {wanted}', id: 'hasilnya {value}, bukan {wanted}', fragment: true },
  'start-timer.want-date': { en: 'an ISO 8601 date-time (e.g. 2027-01-01T08:00:00Z)', id: 'tanggal dan waktu ISO 8601 (misalnya 2027-01-01T08:00:00Z)', fragment: true },
  'start-timer.want-duration': { en: 'an ISO 8601 duration (e.g. PT15M)', id: 'durasi ISO 8601 (misalnya PT15M)', fragment: true },
  'start-timer.want-cycle': {
    en: 'an ISO 8601 repeating interval (e.g. R3/PT10M or R/2027-01-01T08:00:00Z/P1D)',
    id: 'interval berulang ISO 8601 (misalnya R3/PT10M atau R/2027-01-01T08:00:00Z/P1D)',
    fragment: true,
  },
} satisfies Catalog;
