/** Operating running cases: variables edited by a person, incidents closed or retried in bulk (engine/service/instance-commands.ts, incident-commands.ts). */
import type { Catalog } from './types.js';

export const operating = {
  'action.edit-variables': { en: 'changing a case\'s variables', id: 'mengubah data berkas', fragment: true },
  'action.resolve-incidents': { en: 'resolving incidents', id: 'menutup insiden', fragment: true },
  'action.read-statistics': { en: 'reading process statistics', id: 'melihat statistik proses', fragment: true },
  'action.modify-instance': { en: 'modifying a case', id: 'memindahkan posisi berkas', fragment: true },
  'action.migrate-instance': { en: 'migrating a case', id: 'memigrasikan berkas', fragment: true },
  'operating.no-variables': { en: 'Name at least one variable to change.', id: 'Sebutkan paling sedikit satu data yang diubah.' },
  'operating.instance-ended': { en: 'Case {id} has already ended ({state}).', id: 'Berkas {id} sudah selesai ({state}).' },
  'operating.incident-closed': { en: 'Incident {id} is already resolved.', id: 'Insiden {id} sudah ditutup.' },
  'operating.cannot-modify': { en: 'The case cannot be modified so: {elements}.', id: 'Posisi berkas tidak dapat diubah seperti itu: {elements}.' },
  'definition.not-found': { en: 'Process definition {id} was not found.', id: 'Definisi proses {id} tidak ditemukan.' },
  'incident.not-found': { en: 'Incident {id} was not found.', id: 'Insiden {id} tidak ditemukan.' },
  'form.not-found': { en: 'Form {id} was not found.', id: 'Formulir {id} tidak ditemukan.' },
  'operating.other-process': {
    en: 'Process definition {id} is a version of {target}, not of {process}.',
    id: 'Definisi proses {id} adalah versi {target}, bukan {process}.',
  },
  'operating.version-of': { en: 'Choose a version of {process}.', id: 'Pilih versi dari {process}.' },
  'operating.cannot-migrate': { en: 'The case cannot be migrated so: {elements}.', id: 'Berkas tidak dapat dimigrasikan seperti itu: {elements}.' },
} satisfies Catalog;
