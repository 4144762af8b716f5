/** Timers and suspended processes: the cycle minimum at deployment, suspend and resume (engine/service/timer-minimum.ts, suspension.ts). */
import type { Catalog } from './types.js';

export const timers = {
  'timer.cycle-too-short': {
    en: '{element}: the timer cycle repeats every {every}, more often than the minimum of {minimum} this server allows; write a longer interval (at least {minimum}).',
    id: '{element}: siklus timer berulang setiap {every}, lebih sering dari batas minimum {minimum} yang diizinkan server ini; tulis interval yang lebih panjang (paling sedikit {minimum}).',
  },
  'definition.suspended': {
    en: 'Process {process} version {version} is suspended: it starts no new cases until an analyst resumes it.',
    id: 'Proses {process} versi {version} sedang ditangguhkan: tidak ada berkas baru yang dapat dimulai sampai analis melanjutkannya.',
  },
} satisfies Catalog;
