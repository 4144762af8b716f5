/**
 * What the designer's FEEL editor offers (completion, hover help, lint of unknown functions):
 * Camunda's built-in functions plus Alur's working-day functions, which the engine evaluates with
 * the tenant's calendar (engine/calendar/feel-functions.mjs; a spec keeps the two lists alike).
 */
import { camundaBuiltins, type Builtin } from '@camunda/feel-builtins';

export const WORKING_DAY_BUILTINS: Builtin[] = [
  {
    name: 'add working days',
    type: 'function',
    params: [{ name: 'from' }, { name: 'n' }],
    info: '<p>Tanggal n hari kerja setelah tanggal <code>from</code>, pada jam yang sama, menurut kalender hari kerja pemerintah daerah (akhir pekan, libur nasional, cuti bersama). Jumat + 1 dan Sabtu + 1 sama-sama Senin.</p>'
      + '<p>The date n working days after <code>from</code>\'s date, at the same local time, by the tenant\'s calendar.</p>'
      + '<pre><code>add working days(now(), 5)</code></pre>',
  },
  {
    name: 'working days between',
    type: 'function',
    params: [{ name: 'from' }, { name: 'to' }],
    info: '<p>Jumlah hari kerja setelah tanggal <code>from</code> sampai dengan tanggal <code>to</code> (negatif bila <code>to</code> lebih awal).</p>'
      + '<p>The working days after <code>from</code>\'s date up to and including <code>to</code>\'s.</p>'
      + '<pre><code>working days between(tanggalMasuk, today())</code></pre>',
  },
  {
    name: 'is working day',
    type: 'function',
    params: [{ name: 'd' }],
    info: '<p>Apakah tanggal <code>d</code> hari kerja menurut kalender pemerintah daerah.</p><p>Whether <code>d</code> is a working day.</p>'
      + '<pre><code>is working day(today())</code></pre>',
  },
];

/** The FEEL language context of the properties panel (bpmn-js-properties-panel `feelLanguageContext`). */
export const feelLanguageContext = { parserDialect: 'camunda', builtins: [...camundaBuiltins, ...WORKING_DAY_BUILTINS] };
