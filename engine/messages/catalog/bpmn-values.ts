/**
 * Deploy-rule findings about values written in a model (engine/bpmn/rules): FEEL that does not
 * parse, timer and date literals, data declarations, formats, working days and registration
 * number formats. Like catalog/bpmn.ts, each is a fragment put after its element by `bpmn.at`, and
 * its English is the rule's `message` too (logs, the designer's lint), so the English keeps the
 * wording the rules always had.
 */
import type { Catalog } from './types.js';

export const bpmnValues = {
  // expressions.ts: where the FEEL stands ({what}), then what is wrong with it.
  'bpmn.feel-error': { en: '{what}: {error}', id: '{what} keliru: {error}', fragment: true },
  'bpmn.feel-spaced-name': {
    en: '{what}: "{name}" is not a variable name (names cannot contain spaces): {source}',
    id: '{what}: "{name}" bukan nama variabel (nama variabel tidak boleh mengandung spasi): {source}',
    fragment: true,
  },
  'bpmn.feel-literal-condition': { en: '{what} must be true or false, but {source} is a {literal}', id: '{what} harus bernilai true atau false, sedangkan {source} berupa {literal}', fragment: true },
  'bpmn.loop-condition-informal': {
    en: 'loop condition is an informal expression; write it as a formal one (xsi:type="bpmn:tFormalExpression")',
    id: 'kondisi perulangan ditulis sebagai ekspresi informal; tuliskan sebagai ekspresi formal (xsi:type="bpmn:tFormalExpression")',
    fragment: true,
  },
  'bpmn.timer-informal': {
    en: 'timer {kind} is an informal expression; write it as a formal one (xsi:type="bpmn:tFormalExpression")',
    id: 'pewaktu {kind} ditulis sebagai ekspresi informal; tuliskan sebagai ekspresi formal (xsi:type="bpmn:tFormalExpression")',
    fragment: true,
  },
  'feel.empty': { en: 'empty expression', id: 'ekspresinya kosong', fragment: true },
  // {detail} is the FEEL parser's own (English) words, passed on as given.
  'feel.unreadable': { en: 'invalid FEEL: {detail}', id: 'FEEL tidak sah: {detail}', fragment: true },
  'feel.invalid-at': { en: 'invalid FEEL at position {position}: {source}', id: 'FEEL tidak sah pada posisi {position}: {source}', fragment: true },
  'feel.literal-number': { en: 'number', id: 'angka', fragment: true },
  'feel.literal-string': { en: 'string', id: 'teks', fragment: true },
  'feel.what.loop-condition': { en: 'loop condition', id: 'kondisi perulangan', fragment: true },
  'feel.what.completion-condition': { en: 'completion condition', id: 'kondisi selesai', fragment: true },
  'feel.what.loop-cardinality': { en: 'loop cardinality', id: 'jumlah perulangan (loop cardinality)', fragment: true },
  'feel.what.event-condition': { en: 'event condition', id: 'kondisi event', fragment: true },
  'feel.what.mapping': { en: 'mapping to {target}', id: 'pemetaan ke {target}', fragment: true },

  // timers.ts, tasks.ts: a literal the core cannot schedule ({reason}: timer-value.*).
  'bpmn.timer-value': { en: 'timer {kind}: {reason}', id: 'pewaktu {kind}: {reason}', fragment: true },
  'bpmn.task-date': { en: '{key} {reason}', id: '{key}: {reason}', fragment: true },

  // service-standard.ts, starting.ts
  'bpmn.sla-no-working-days': {
    en: 'alur:sla has no workingDays; write the number of working days, e.g. workingDays="5"',
    id: 'alur:sla belum menyebut workingDays; tuliskan jumlah hari kerja, misalnya workingDays="5"',
    fragment: true,
  },
  'bpmn.sla-working-days': {
    en: 'alur:sla workingDays must be a whole number of working days, not {value}',
    id: 'workingDays pada alur:sla harus berupa bilangan bulat hari kerja, bukan {value}',
    fragment: true,
  },
  'bpmn.number-format': { en: 'registration number format (alur:businessKey format): {problem}', id: 'format nomor registrasi (alur:businessKey format): {problem}', fragment: true },

  // events.ts
  'bpmn.event-needs-definition': { en: 'this {event} needs an event definition', id: '{event} ini memerlukan definisi event', fragment: true },
  'bpmn.event-definition-not-allowed': { en: 'a {kind} event definition is not allowed on this {event}', id: 'definisi event {kind} tidak boleh dipakai pada {event} ini', fragment: true },
  'bpmn.event-sub-start': { en: 'start event of an event subprocess', id: 'event mulai subproses event', fragment: true },
  'bpmn.start-always-interrupting': { en: 'a {kind} start event is always interrupting', id: 'event mulai {kind} selalu menyela', fragment: true },
  'bpmn.non-interrupting-start': { en: 'only start events of event subprocesses can be non-interrupting', id: 'hanya event mulai pada subproses event yang boleh tidak menyela', fragment: true },
  'bpmn.definition-ref-nested': {
    en: 'eventDefinitionRef {ref} must refer to a top-level event definition, not one inside {parent}',
    id: 'eventDefinitionRef {ref} harus merujuk definisi event tingkat atas, bukan yang berada di dalam {parent}',
    fragment: true,
  },
  'bpmn.another-element': { en: 'another element', id: 'elemen lain', fragment: true },
  // A definition's kind as the reader says it; the English keeps the BPMN word.
  'event-kind.message': { en: 'message', id: 'pesan', fragment: true },
  'event-kind.timer': { en: 'timer', id: 'pewaktu', fragment: true },
  'event-kind.signal': { en: 'signal', id: 'sinyal', fragment: true },
  'event-kind.conditional': { en: 'conditional', id: 'kondisional', fragment: true },
  'event-kind.error': { en: 'error', id: 'galat', fragment: true },
  'event-kind.escalation': { en: 'escalation', id: 'eskalasi', fragment: true },
  'event-kind.compensate': { en: 'compensate', id: 'kompensasi', fragment: true },
  'event-kind.terminate': { en: 'terminate', id: 'penghentian', fragment: true },
  'event-kind.cancel': { en: 'cancel', id: 'pembatalan', fragment: true },
  'event-kind.link': { en: 'link', id: 'tautan', fragment: true },

  // flows.ts, structure.ts: the <incoming>/<outgoing> lists
  'bpmn.flow-end-not-node': { en: '{end} {element} is not a flow node', id: '{end} {element} bukan elemen alur proses (flow node)', fragment: true },
  'bpmn.lists-foreign-incoming': { en: 'lists incoming flow {flow}, which does not end here', id: 'mencantumkan alur masuk {flow}, padahal alur itu tidak berakhir di sini', fragment: true },
  'bpmn.lists-foreign-outgoing': { en: 'lists outgoing flow {flow}, which does not start here', id: 'mencantumkan alur keluar {flow}, padahal alur itu tidak berawal dari sini', fragment: true },
  'bpmn.misses-incoming': { en: 'does not list its incoming flow {flow}', id: 'tidak mencantumkan alur masuknya, {flow}', fragment: true },
  'bpmn.misses-outgoing': { en: 'does not list its outgoing flow {flow}', id: 'tidak mencantumkan alur keluarnya, {flow}', fragment: true },

  // formats.ts
  'bpmn.mime-type': { en: '{key} "{value}" is not a MIME type (e.g. text/plain)', id: '{key} "{value}" bukan tipe MIME (misalnya text/plain)', fragment: true },

  // data.ts
  'bpmn.data-is-collection': { en: '{data} is a collection, but its item definition {item} is not', id: '{data} berupa koleksi, tetapi definisi itemnya, {item}, bukan koleksi', fragment: true },
  'bpmn.data-not-collection': { en: '{data} is not a collection, but its item definition {item} is', id: '{data} bukan koleksi, tetapi definisi itemnya, {item}, berupa koleksi', fragment: true },
  'bpmn.data-element': { en: 'data element', id: 'elemen data', fragment: true },
  'bpmn.send-one-input': { en: 'a send task carries at most one data input', id: 'tugas kirim paling banyak membawa satu data masukan', fragment: true },
  'bpmn.receive-one-output': { en: 'a receive task carries at most one data output', id: 'tugas terima paling banyak membawa satu data keluaran', fragment: true },
  'bpmn.send-one-set': { en: 'a send task has at most one input set', id: 'tugas kirim paling banyak memiliki satu kumpulan masukan (input set)', fragment: true },
  'bpmn.receive-one-set': { en: 'a receive task has at most one output set', id: 'tugas terima paling banyak memiliki satu kumpulan keluaran (output set)', fragment: true },
  'bpmn.loop-item-collection': { en: 'multi-instance data item {data} must be a single item, but {item} is a collection', id: 'data item multi-instance {data} harus berupa satu item, tetapi {item} berupa koleksi', fragment: true },
  'bpmn.loop-item-type': { en: 'multi-instance data item {data} holds {type}, but its collection holds {collection}', id: 'data item multi-instance {data} berisi {type}, sedangkan koleksinya berisi {collection}', fragment: true },
  'bpmn.call-data-count': { en: 'declares {count} data {what}, but process {process} declares {expected}', id: 'mendeklarasikan {count} data {what}, sedangkan proses {process} mendeklarasikan {expected}', fragment: true },
  'bpmn.call-data-type': { en: 'data {what} {data} holds {type}, but process {process} expects {expected}', id: 'data {what} {data} berisi {type}, sedangkan proses {process} mengharapkan {expected}', fragment: true },
  'bpmn.data-item-mismatch': { en: 'data {data} has item {item}, but {carrier} carries {expected}', id: 'data {data} memiliki item {item}, sedangkan {carrier} membawa {expected}', fragment: true },
  'bpmn.service-binding': {
    en: 'supports an interface (supportedInterfaceRef) but binds no operation to its data (ioBinding)',
    id: 'mendukung antarmuka (supportedInterfaceRef) tetapi tidak mengikat operasi apa pun ke datanya (ioBinding)',
    fragment: true,
  },
  'data.input': { en: 'input', id: 'masukan', fragment: true },
  'data.output': { en: 'output', id: 'keluaran', fragment: true },
  'data.inputs': { en: 'inputs', id: 'masukan', fragment: true },
  'data.outputs': { en: 'outputs', id: 'keluaran', fragment: true },
  'data.nothing': { en: 'nothing', id: 'tidak ada', fragment: true },
  'data.none': { en: 'none', id: 'tidak ada', fragment: true },
  'data.carrier.message': { en: 'message {id}', id: 'pesan {id}', fragment: true },
  'data.carrier.error': { en: 'error {id}', id: 'galat {id}', fragment: true },
  'data.carrier.escalation': { en: 'escalation {id}', id: 'eskalasi {id}', fragment: true },
  'data.carrier.signal': { en: 'signal {id}', id: 'sinyal {id}', fragment: true },
} satisfies Catalog;
