/**
 * Starting a case: who may start, the start form, registration numbers (engine/service/starting.ts,
 * api/routes/starting.ts). {process} is the process's name (its key only when it has none).
 */
import type { Catalog } from './types.js';

export const starting = {
  'start.not-a-starter': {
    en: 'You may not start {process}: only members of {groups} may.',
    id: 'Anda tidak dapat memulai {process}: hanya anggota {groups} yang dapat memulainya.',
  },
  'start.values-do-not-fit': {
    en: 'The values do not fit the start form of {process}.',
    id: 'Isian tidak sesuai dengan formulir permohonan {process}.',
  },
  'start.strict-no-form': {
    en: 'Process {process} has no start form and takes only values its forms declare: {names} cannot be set.',
    id: 'Proses {process} tidak memiliki formulir permohonan dan hanya menerima isian yang dinyatakan formulirnya: {names} tidak dapat diisi.',
  },
  'start.form-not-deployed': {
    en: 'Start form {form} of process {process} is not deployed.',
    id: 'Formulir permohonan {form} untuk proses {process} belum di-deploy.',
  },
  'start.no-start-form': {
    en: 'Process {process} version {version} has no start form.',
    id: 'Proses {process} versi {version} tidak memiliki formulir permohonan.',
  },
} satisfies Catalog;
