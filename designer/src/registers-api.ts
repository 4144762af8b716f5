/** Letter registers' calls (README "Letters": GET/PUT /api/letter-registers). */
import { apiJson } from './api.js';

export interface RegisterCounter { year: number; series: string; last: number; lastNumber: string; updatedAt: string }
export interface LetterRegister {
  key: string; name: string | null; kode: string | null; unit: string | null; numberFormat: string | null;
  configured: boolean; updatedBy: string | null; updatedAt: string | null; counters: RegisterCounter[];
}
export type RegisterChange = Partial<Record<'name' | 'kode' | 'unit' | 'numberFormat', string | null>>;

export const listRegisters = () => apiJson<{ items: LetterRegister[]; total: number }>('GET', '/api/letter-registers');
export const putRegister = (key: string, change: RegisterChange) => apiJson<LetterRegister>('PUT', `/api/letter-registers/${encodeURIComponent(key)}`, change);
