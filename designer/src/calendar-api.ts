/** The working-day calendar's calls (API.md 1.1, "Working days and deadlines"). */
import { apiJson } from './api.js';

export type HolidayKind = 'national' | 'cuti-bersama' | 'regional' | 'closure';
export interface Holiday { date: string; name: string; kind: HolidayKind; source?: string }
export interface Calendar { zone: string; weekend: number[]; holidays: Holiday[] }

export const readCalendar = (from: string, to: string) => apiJson<Calendar>('GET', `/api/calendar?${new URLSearchParams({ from, to })}`);
export const addHoliday = (body: Holiday) => apiJson<Holiday>('POST', '/api/calendar/holidays', body);
export const removeHoliday = (date: string) => apiJson<void>('DELETE', `/api/calendar/holidays/${encodeURIComponent(date)}`);
