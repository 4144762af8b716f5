/**
 * Why a case cannot be modified or migrated, element by element, and why the core refuses an
 * input (engine/core/modify.ts, migrate.ts, errors.ts): the core returns a code and its details,
 * engine/service/core-text.ts words them here. Elements are named by their names (“Periksa
 * berkas”), by id only when they have none.
 */
import type { Catalog } from './types.js';

const several = (raw: Record<string, unknown>) => Number(raw.count) !== 1;

export const modifying = {
  'modify.the-process': { en: 'the process', id: 'proses itu sendiri', fragment: true },
  'event-kind.none': { en: 'none', id: 'tanpa jenis', fragment: true },
  'case-status.active': { en: 'active', id: 'aktif', fragment: true },
  'case-status.completed': { en: 'completed', id: 'selesai', fragment: true },
  'case-status.terminated': { en: 'terminated', id: 'dihentikan', fragment: true },
  'case-status.cancelled': { en: 'cancelled', id: 'dibatalkan', fragment: true },
  'case-status.failed': { en: 'failed', id: 'gagal', fragment: true },

  'modify.instance-not-active': { en: 'The case is {status}.', id: 'Berkas sudah berstatus {status}.' },
  'modify.nothing-to-do': { en: 'Nothing to terminate or activate.', id: 'Tidak ada yang dihentikan atau diaktifkan.' },
  'modify.key-not-active': { en: '{key} is not an active element instance of this case', id: '{key} bukan instans elemen yang aktif pada berkas ini', nameFirst: true },
  'modify.key-other-element': { en: '{key} is an instance of {of}, not of {element}', id: '{key} adalah instans {of}, bukan {element}' },
  'modify.termination-unnamed': { en: 'A termination names an elementId or an element instance key.', id: 'Penghentian harus menyebut elementId atau kunci instans elemen.' },
  'modify.process-not-terminable': {
    en: 'The process itself is not terminated by a modification; cancel the case instead.',
    id: 'Proses itu sendiri tidak dihentikan dengan pemindahan posisi; batalkan berkasnya.',
  },
  'modify.not-an-element': { en: '{element} is not an element of process {process}', id: '{element} bukan elemen proses {process}', nameFirst: true },
  'modify.not-active': { en: '{element} is not active', id: '{element} tidak sedang aktif' },
  'modify.process-not-activatable': { en: 'The process itself cannot be activated.', id: 'Proses itu sendiri tidak dapat diaktifkan.' },
  'modify.boundary-event': {
    en: '{element} is a boundary event: it is triggered by its event, not activated',
    id: '{element} adalah event batas: ia dipicu oleh event-nya, tidak diaktifkan',
    nameFirst: true,
  },
  'modify.start-event': {
    en: '{element} is a start event: activate the element after it, or its subprocess',
    id: '{element} adalah event mulai: aktifkan elemen sesudahnya, atau subprosesnya',
    nameFirst: true,
  },
  'modify.compensation-handler': {
    en: '{element} is a compensation handler: it runs only when compensation is thrown',
    id: '{element} adalah penangan kompensasi: ia hanya berjalan saat kompensasi dilempar',
    nameFirst: true,
  },
  'modify.multi-instance-not-running': {
    en: '{element} is inside multi-instance {container}, which has no running instance to activate it in',
    id: '{element} berada di dalam multi-instance {container}, yang tidak punya instans berjalan untuk mengaktifkannya',
    nameFirst: true,
  },
  'modify.ancestor-not-running': { en: '{ancestor} is not a running instance of {container}', id: '{ancestor} bukan instans {container} yang sedang berjalan', nameFirst: true },
  'modify.container-runs-several': {
    en: '{container} runs {count} times; name the one to activate {element} in (ancestor: {ancestors})',
    id: '{container} berjalan {count} kali; sebutkan instans tempat {element} diaktifkan (ancestor: {ancestors})',
    nameFirst: true,
  },
  'modify.ancestor-not-a-container': { en: '{ancestor} is not a running instance of a container of {element}', id: '{ancestor} bukan instans berjalan dari wadah {element}', nameFirst: true },

  'migrate.instance-not-active': { en: 'The case is {status}.', id: 'Berkas sudah berstatus {status}.' },
  'migrate.other-process': { en: 'The target is process {target}, not {process}.', id: 'Tujuannya proses {target}, bukan {process}.' },
  'migrate.mapped-twice': { en: '{element} is mapped twice', id: '{element} dipetakan dua kali', nameFirst: true },
  'migrate.no-mapping': { en: '{element} is active and has no mapping', id: '{element} sedang aktif dan tidak punya pemetaan' },
  'migrate.target-missing': { en: '{element} is mapped to {target}, which is not an element of the target', id: '{element} dipetakan ke {target}, yang bukan elemen versi tujuan', nameFirst: true },
  'migrate.type-differs': { en: '{element} is a {type} but {target} is a {targetType}', id: '{element} adalah {type}, tetapi {target} adalah {targetType}' },
  'migrate.multi-instance-differs': {
    en: (v, raw) => `${v.element} ${raw.source === 'yes' ? 'is' : 'is not'} multi-instance but ${v.target} ${raw.source === 'yes' ? 'is not' : 'is'}`,
    id: (v, raw) => `${v.element} ${raw.source === 'yes' ? 'adalah' : 'bukan'} multi-instance, tetapi ${v.target} ${raw.source === 'yes' ? 'bukan' : 'adalah'}`,
    nameFirst: true,
  },
  'migrate.event-differs': {
    en: '{element} waits for a {event} event but {target} for a {targetEvent} event',
    id: '{element} menunggu event {event}, tetapi {target} menunggu event {targetEvent}',
    nameFirst: true,
  },
  'migrate.event-subprocess-differs': {
    en: (v, raw) => `${v.element} ${raw.source === 'yes' ? 'is' : 'is not'} an event subprocess but ${v.target} ${raw.source === 'yes' ? 'is not' : 'is'}`,
    id: (v, raw) => `${v.element} ${raw.source === 'yes' ? 'adalah' : 'bukan'} subproses event, tetapi ${v.target} ${raw.source === 'yes' ? 'bukan' : 'adalah'}`,
    nameFirst: true,
  },
  'migrate.container-differs': {
    en: '{element} is inside {container}, but {target} is inside {targetContainer}',
    id: '{element} berada di dalam {container}, tetapi {target} berada di dalam {targetContainer}',
    nameFirst: true,
  },
  'migrate.join-target-missing': {
    en: 'Tokens wait at {element}, and the target has no {type} {target} to hold them',
    id: 'Token menunggu di {element}, dan versi tujuan tidak punya {type} {target} untuk menampungnya',
  },
  'migrate.join-flows-missing': {
    en: (v, raw) => `Tokens wait at ${v.element} from ${v.flows}, which ${several(raw) ? 'do' : 'does'} not lead to ${v.target} in the target`,
    id: (v) => `Token menunggu di ${v.element} dari ${v.flows}, yang tidak menuju ${v.target} pada versi tujuan`,
  },

  'refused.already-started': { en: 'Case {instance} has already started.', id: 'Berkas {instance} sudah dimulai.' },
  'refused.not-started': { en: 'This needs a started case.', id: 'Ini memerlukan berkas yang sudah dimulai.' },
  'refused.state-version': { en: 'The case\'s state version {version} is not supported (expected {expected}).', id: 'Versi status berkas {version} tidak didukung (seharusnya {expected}).' },
  'refused.other-process': { en: 'Case {instance} runs {process}, not {model}.', id: 'Berkas {instance} menjalankan {process}, bukan {model}.' },
  'refused.start-other-process': { en: 'Process {process} is not {model}.', id: 'Proses {process} bukan {model}.' },
  'refused.no-none-start': {
    en: 'Process {process} has no plain start event; it starts by message, timer or signal.',
    id: 'Proses {process} tidak punya event mulai biasa; proses ini dimulai oleh pesan, pewaktu atau sinyal.',
  },
  'refused.not-a-start-event': { en: '{element} is not a start event of process {process}.', id: '{element} bukan event mulai proses {process}.' },
  'refused.variables-not-object': { en: 'The variables must be an object.', id: 'Data berkas harus berupa objek.' },
  'refused.variables-not-json': { en: 'The variables are not JSON data.', id: 'Data berkas bukan data JSON.' },
} satisfies Catalog;
